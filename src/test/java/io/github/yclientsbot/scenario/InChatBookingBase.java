package io.github.yclientsbot.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-chat booking as a customer walks it, against the fake YCLIENTS: service → specialist → day → time → phone →
 * confirm. The routes and the walks the booking scenarios share.
 */
abstract class InChatBookingBase extends ScenarioBase {
    static final String ANNA = "2290341";
    static final String DATETIME = "2026-12-01T10:00:00+03:00";
    /** The booking of the fixture book_record.json, as YCLIENTS reads it back and cancels it. */
    static final String RECORD = "/api/v1/book_record/" + COMPANY + "/784512093/9f2c4e1ab07d5e3c8a61b4f0d2e7c915";
    static final String CANCEL = "/api/v1/user/records/784512093/9f2c4e1ab07d5e3c8a61b4f0d2e7c915";
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void bookingRoutes() {
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respondWithFixture(200, "book_dates.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/" + ANNA + "/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/0/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respondWithFixture(201, "book_check-ok.json");
        yclients.on("POST", "/api/v1/book_record/" + COMPANY).respondWithFixture(201, "book_record.json");
    }

    /** The customer has walked up to the summary with Анна at 10:00 on 1 December; returns the summary message. */
    Outgoing walkToSummary() {
        Outgoing list = ask(CUSTOMER, "/book");
        assertTrue(list.text().contains("Шаг 1 из 5"), list.text());
        String service = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        int flow = list.messageId();

        Outgoing staff = tap(flow, service);
        assertTrue(staff.callbackData().containsAll(List.of("bk:st:0", "bk:st:" + ANNA, "bk:st:2290355")), staff.callbackData().toString());
        assertFalse(staff.callbackData().contains("bk:st:2290360"), "a specialist without online booking is not offered");
        assertTrue(staff.buttonTexts().contains("Любой специалист"));
        assertTrue(staff.callbackData().containsAll(List.of("bk:b", "bk:x")), "back and cancel on every step");

        Outgoing days = tap(flow, "bk:st:" + ANNA);
        assertTrue(days.text().contains("декабрь 2026"), days.text());
        assertTrue(days.callbackData().containsAll(List.of("bk:d:2026-12-01", "bk:d:2026-12-09")), days.callbackData().toString());
        assertFalse(days.callbackData().contains("bk:d:2026-12-03"), "a working day without free time is not offered");
        // a calendar grid, Monday first: 1 December 2026 is a Tuesday; only the two weeks with free days
        assertEquals(List.of("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс",
                " ", "1", "2", "·", "4", "5", "·",
                "·", "8", "9", "·", "·", "·", "·"), days.buttonTexts().subList(0, 21), days.buttonTexts().toString());
        Turn closed = press(CUSTOMER, flow, "bk:n:d");
        assertTrue(closed.answer().text().contains("свободного времени нет"), closed.toString());
        assertTrue(closed.edits().isEmpty(), "a closed day changes nothing");

        Outgoing times = tap(flow, "bk:d:2026-12-01");
        assertEquals(List.of("10:00", "11:30", "15:00"), times.buttonTexts().subList(0, 3));

        Turn contactStep = pickTime(flow, "bk:t:20261201:0");
        assertTrue(contactStep.edit().text().contains("Шаг 5 из 5"));
        Outgoing ask = contactStep.message();
        assertTrue(ask.asksForContact(), ask.toString());

        Turn shared = bot.contact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67");
        List<Outgoing> sent = shared.messages();
        assertEquals(2, sent.size(), shared.toString());
        assertTrue(sent.get(0).removesKeyboard(), "the share-contact keyboard is removed");
        Outgoing summary = sent.get(1);
        for (String part : List.of("Женская стрижка", "Анна Соколова", "1 декабря 2026", "10:00", "Europe/Moscow", "+7 916 123-45-67", "2\u00A0500")) {
            assertTrue(summary.text().contains(part), part + " missing from " + summary.text());
        }
        assertTrue(summary.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), summary.callbackData().toString());
        return summary;
    }

    /** Presses a time; the first time ever, the privacy consent comes first and is given. Returns the phone step. */
    Turn pickTime(int flow, String data) {
        Turn after = press(CUSTOMER, flow, data);
        Outgoing edit = after.edit();
        if (!edit.callbackData().contains("bk:agree")) {
            return after;
        }
        assertTrue(edit.text().contains("соглашаетесь") && edit.text().contains(FORM), edit.text());
        assertTrue(edit.buttonUrls().contains(FORM), "the policy (here the booking form's) is one tap away");
        assertEquals(List.of(), after.messages(), "no phone is asked for before the consent");
        return press(CUSTOMER, flow, "bk:agree");
    }

    /** The customer presses a button of {@code messageId}, which the bot edits in place; returns it as edited. */
    Outgoing tap(int messageId, String data) {
        return press(CUSTOMER, messageId, data).edit();
    }

    /** /book with any specialist up to the time list of 1 December; returns the flow message. */
    int walkToTimes() {
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().get(0));
        tap(flow, "bk:st:0");
        tap(flow, "bk:d:2026-12-01");
        return flow;
    }

    /** Confirms the summary; returns the "remember this number?" question that follows the booking. */
    Outgoing confirmAndGetRememberQuestion(Outgoing summary) {
        Turn confirmed = press(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(confirmed.edit().text().contains("Вы записаны"));
        Outgoing question = confirmed.message();
        assertTrue(question.text().contains("Запомнить номер +7 916 123-45-67"), question.text());
        assertEquals(List.of("bk:rm:y", "bk:rm:n"), question.callbackData());
        return question;
    }

    /** Books 10:00 with Анна in the chat and lets YCLIENTS read it back; a past booking is stored as well. */
    void bookAndReadBack() {
        Outgoing summary = walkToSummary();
        tap(summary.messageId(), "bk:ok");
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, 111, "0a0b0c0d0e0f", "2026-01-10T10:00:00+03:00");
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"" + DATETIME
                + "\",\"seance_length\":3600,\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
    }

    /** /mybookings, then Cancel on the one upcoming booking; returns the yes/no question. */
    Outgoing askToCancel() {
        Outgoing list = ask(CUSTOMER, "/mybookings");
        for (String part : List.of("Женская стрижка", "Анна Соколова", "1 декабря 2026", "10:00")) {
            assertTrue(list.text().contains(part), part + " missing from " + list.text());
        }
        assertEquals(2, list.callbackData().size(), "the past booking is not listed: " + list.callbackData());
        assertTrue(list.callbackData().get(0).startsWith("bk:my:mv:"), "🔁 next to Cancel: " + list.callbackData());
        assertTrue(yclients.requests("GET", "/api/v1/book_record/" + COMPANY + "/111/0a0b0c0d0e0f").isEmpty(),
                "a past booking is not even read back");
        Outgoing question = tap(list.messageId(), list.callbackData().get(1));
        assertTrue(question.text().contains("Отменить запись") && question.text().contains("1 декабря 2026"), question.text());
        assertEquals(2, question.callbackData().size());
        assertTrue(yclients.requests("DELETE", CANCEL).isEmpty(), "nothing is cancelled before yes");
        return question;
    }
}
