package io.github.yclientsbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One in-chat booking as a customer walks it through Telegram, against the fake YCLIENTS: service → specialist →
 * day → time → consent → shared contact → confirm, book_check then book_record, and the calendar file. Every other
 * booking scenario runs on the chat harness ({@code scenario.BookingScenarioTest}).
 */
class BookingEndToEndTest extends EndToEndBase {
    static final String ANNA = "2290341";
    static final String DATETIME = "2026-12-01T10:00:00+03:00";
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void bookingRoutes() {
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respondWithFixture(200, "book_dates.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/" + ANNA + "/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/0/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respondWithFixture(201, "book_check-ok.json");
        yclients.on("POST", "/api/v1/book_record/" + COMPANY).respondWithFixture(201, "book_record.json");
    }

    /** The customer has walked up to the summary with Анна at 10:00 on 1 December; returns the summary message. */
    private Call walkToSummary() {
        Call list = ask(CUSTOMER, "/book");
        assertTrue(list.text().contains("Шаг 1 из 5"), list.text());
        String service = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        int flow = list.resultMessageId();

        Call staff = press(flow, service);
        assertTrue(staff.callbackData().containsAll(List.of("bk:st:0", "bk:st:" + ANNA, "bk:st:2290355")), staff.callbackData().toString());
        assertFalse(staff.callbackData().contains("bk:st:2290360"), "a specialist without online booking is not offered");
        assertTrue(staff.buttonTexts().contains("Любой специалист"));
        assertTrue(staff.callbackData().containsAll(List.of("bk:b", "bk:x")), "back and cancel on every step");

        Call days = press(flow, "bk:st:" + ANNA);
        assertTrue(days.text().contains("декабрь 2026"), days.text());
        assertTrue(days.callbackData().containsAll(List.of("bk:d:2026-12-01", "bk:d:2026-12-09")), days.callbackData().toString());
        assertFalse(days.callbackData().contains("bk:d:2026-12-03"), "a working day without free time is not offered");
        // a calendar grid, Monday first: 1 December 2026 is a Tuesday; only the two weeks with free days
        assertEquals(List.of("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс",
                " ", "1", "2", "·", "4", "5", "·",
                "·", "8", "9", "·", "·", "·", "·"), days.buttonTexts().subList(0, 21), days.buttonTexts().toString());
        List<Call> closed = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:n:d"));
        assertTrue(single(closed, "answercallbackquery").body().path("text").asText().contains("свободного времени нет"), closed.toString());
        assertTrue(only(closed, "editmessagetext").isEmpty(), "a closed day changes nothing");

        Call times = press(flow, "bk:d:2026-12-01");
        assertEquals(List.of("10:00", "11:30", "15:00"), times.buttonTexts().subList(0, 3));

        List<Call> contactStep = pickTime(flow, "bk:t:20261201:0");
        assertTrue(single(contactStep, "editmessagetext").text().contains("Шаг 5 из 5"));
        Call ask = single(contactStep, "sendmessage");
        JsonNode button = ask.body().path("reply_markup").path("keyboard").path(0).path(0);
        assertTrue(button.path("request_contact").asBoolean(), ask.body().toString());

        List<Call> shared = exchange(() -> telegram.sendContact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67"));
        List<Call> sent = only(shared, "sendmessage");
        assertEquals(2, sent.size(), shared.toString());
        assertTrue(sent.get(0).body().path("reply_markup").path("remove_keyboard").asBoolean(), "the share-contact keyboard is removed");
        Call summary = sent.get(1);
        for (String part : List.of("Женская стрижка", "Анна Соколова", "1 декабря 2026", "10:00", "Europe/Moscow", "+7 916 123-45-67", "2\u00A0500")) {
            assertTrue(summary.text().contains(part), part + " missing from " + summary.text());
        }
        assertTrue(summary.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), summary.callbackData().toString());
        return summary;
    }

    /** Presses a time; the first time ever, the privacy consent comes first and is given. Returns the phone step. */
    private List<Call> pickTime(int flow, String data) {
        List<Call> after = exchange(() -> telegram.pressButton(CUSTOMER, flow, data));
        Call edit = single(after, "editmessagetext");
        if (!edit.callbackData().contains("bk:agree")) {
            return after;
        }
        assertTrue(edit.text().contains("соглашаетесь") && edit.text().contains(FORM), edit.text());
        assertTrue(edit.buttonUrls().contains(FORM), "the policy (here the booking form's) is one tap away");
        assertEquals(List.of(), only(after, "sendmessage"), "no phone is asked for before the consent");
        return exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:agree"));
    }

    private Call press(int messageId, String data) {
        return single(exchange(() -> telegram.pressButton(CUSTOMER, messageId, data)), "editmessagetext");
    }

    @Test
    void aCustomerBooksInTheChatAndYclientsGetsCheckThenRecordAndTheCalendarFileArrives() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();

        List<Call> confirmed = exchange(() -> telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok"));
        Call done = single(confirmed, "editmessagetext");
        assertTrue(done.text().contains("Вы записаны") && done.text().contains("784512093"), done.text());

        List<String> posts = yclients.requests().stream().filter(r -> r.method().equals("POST")).map(r -> r.path()).toList();
        assertEquals(List.of("/api/v1/book_check/" + COMPANY, "/api/v1/book_record/" + COMPANY), posts);
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("79161234567", record.path("phone").asText());
        JsonNode appointment = record.path("appointments").path(0);
        assertEquals(Long.parseLong(ANNA), appointment.path("staff_id").asLong());
        assertEquals(DATETIME, appointment.path("datetime").asText());
        assertEquals(13700211, appointment.path("services").path(0).asLong());

        // the calendar file is uploaded to the customer's chat (its content: BookingScenarioTest)
        Call file = single(confirmed, "senddocument");
        assertEquals(CUSTOMER, file.chatId());
        assertEquals("booking-784512093.ics", file.fileName());
        String ics = new String(file.file(), StandardCharsets.UTF_8);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.contains("\r\nDTSTART:20261201T070000Z\r\n"), ics);
        assertEquals(1, app.database().bookingReferences().forUser(CUSTOMER).size());
        assertNowhere("79161234567");
    }
}
