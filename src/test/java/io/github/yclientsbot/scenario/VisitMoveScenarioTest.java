package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.storage.BookingReference;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 🔁 Another time and ❌ Cancel of a booking made in the chat, against the fake YCLIENTS, whose company allows moves
 * until 3 hours and cancellations until 1 hour before the visit (company.json): the free times of the same service
 * and specialist, "move to …?", {@code PUT /book_record}; a refusal keeps the old time; the company's rules and
 * {@code /disable} decide what is offered; an old button of a booking that is gone calls nobody.
 */
class VisitMoveScenarioTest extends InChatBookingBase {
    private static final String MOVE = "/api/v1/book_record/" + COMPANY + "/784512093";
    private static final String ELEVEN_THIRTY = "2026-12-01T11:30:00+03:00";

    /** Booked 10:00 on 1 December in the chat; /mybookings; returns its 🔁 data. */
    private String booked() {
        setUpCompany();
        mapHaircut();
        bookAndReadBack();
        Outgoing list = ask(CUSTOMER, "/mybookings");
        return list.callbackData().stream().filter(d -> d.startsWith("bk:my:mv:")).findFirst().orElseThrow();
    }

    private BookingReference reference() {
        return bot.database().bookingReferences().forUser(CUSTOMER).stream().filter(r -> r.recordId() == 784512093L)
                .findFirst().orElseThrow();
    }

    /** 🔁 → 1 December → the first other time; returns the "move?" question. */
    private Outgoing askToMove(int message, String move) {
        Outgoing calendar = tap(message, move);
        assertTrue(calendar.text().contains("Переносим запись на вторник, 1 декабря 2026, 10:00"), calendar.text());
        assertTrue(calendar.text().contains("Женская стрижка") && calendar.text().contains("Анна Соколова"), calendar.text());
        assertTrue(calendar.callbackData().contains("bk:d:2026-12-01"), calendar.callbackData().toString());
        assertEquals(List.of(), calendar.buttonUrls(), "no booking form while moving: it would make a second booking");
        assertTrue(yclients.requests("GET", "/api/v1/book_dates/" + COMPANY).stream()
                .anyMatch(r -> "2290341".equals(r.queryParams().get("staff_id").get(0))
                        && r.query().contains("service_ids[]=13700211")), "the same service and specialist");

        Outgoing times = tap(message, "bk:d:2026-12-01");
        assertEquals(List.of("11:30", "15:00"), times.buttonTexts().subList(0, 2), "the visit's own time is not offered");
        Outgoing question = tap(message, "bk:t:20261201:0");
        assertTrue(question.text().contains("Сейчас: вторник, 1 декабря 2026, 10:00")
                && question.text().contains("Станет: вторник, 1 декабря 2026, 11:30"), question.text());
        assertTrue(question.callbackData().get(0).startsWith("bk:ok:"), question.callbackData().toString());
        assertTrue(yclients.requests("PUT", MOVE).isEmpty(), "nothing moved before the confirm");
        return question;
    }

    @Test
    void aBookingIsMovedToAnotherFreeTimeOfTheSameServiceAndSpecialist() {
        String move = booked();
        yclients.on("PUT", MOVE).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\""
                + ELEVEN_THIRTY + "\",\"deleted\":false},\"meta\":[]}");
        int message = ask(CUSTOMER, "/mybookings").messageId();

        Outgoing question = askToMove(message, move);
        Turn moved = press(CUSTOMER, message, question.callbackData().get(0));

        assertTrue(moved.edit().text().contains("Запись перенесена") && moved.edit().text().contains("11:30"),
                moved.edit().text());
        assertEquals("{\"datetime\":\"" + ELEVEN_THIRTY + "\"}", yclients.lastRequest().body());
        assertEquals(ELEVEN_THIRTY, reference().startsAt(), "the kept booking has the new time");
        String ics = new String(moved.document().file(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(ics.contains("DTSTART:20261201T083000Z") && ics.contains("UID:yclients-502817-784512093@"), ics);

        Turn again = press(CUSTOMER, message, question.callbackData().get(0));
        assertEquals(1, yclients.requests("PUT", MOVE).size(), "a second tap moves nothing: " + again);
        assertNowhere("9f2c4e1ab07d5e3c8a61b4f0d2e7c915");
    }

    @Test
    void aTimeTakenMeanwhileKeepsTheOldTimeAndOffersTheOthers() {
        String move = booked();
        yclients.on("PUT", MOVE).respond(422, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Выбранное время уже занято\"}}");
        int message = ask(CUSTOMER, "/mybookings").messageId();

        Outgoing refused = tap(message, askToMove(message, move).callbackData().get(0));

        assertTrue(refused.text().contains("только что заняли") && refused.text().contains("остаётся на вторник, 1 декабря 2026, 10:00")
                && refused.text().contains("+74951234567"), refused.text());
        assertEquals(DATETIME, reference().startsAt(), "the old time stays");
        assertTrue(refused.buttonTexts().contains("15:00") && !refused.buttonTexts().contains("10:00"),
                "another time to pick: " + refused.buttonTexts());

        yclients.on("PUT", MOVE).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":"
                + "\"2026-12-01T15:00:00+03:00\"},\"meta\":[]}");
        Outgoing asked = tap(message, "bk:t:20261201:" + refused.buttonTexts().indexOf("15:00"));
        assertTrue(tap(message, asked.callbackData().get(0)).text().contains("Запись перенесена"));
        assertEquals("2026-12-01T15:00:00+03:00", reference().startsAt());
    }

    @Test
    void yclientsRefusingTheChangeKeepsTheOldTimeAndGivesThePhone() {
        String move = booked();
        yclients.on("PUT", MOVE).respond(403, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Изменение записи запрещено\"}}");
        int message = ask(CUSTOMER, "/mybookings").messageId();

        Outgoing refused = tap(message, askToMove(message, move).callbackData().get(0));

        assertTrue(refused.text().contains("уже нельзя") && refused.text().contains("+74951234567"), refused.text());
        assertEquals(DATETIME, reference().startsAt());
        assertEquals(1, yclients.requests("PUT", MOVE).size(), "a refused write is not retried");
    }

    @Test
    void theCompanysRulesDecideWhatIsOfferedAndAnOldButtonIsAnsweredWithoutACall() {
        String move = booked();
        String cancel = move.replace("bk:my:mv:", "bk:my:c:");
        // 2 hours before the visit: moves (until 3 hours before) are over, cancelling (until 1 hour before) is not
        clock.set(Instant.parse("2026-12-01T05:00:00Z"));
        Outgoing list = ask(CUSTOMER, "/mybookings");
        assertEquals(List.of(cancel), list.callbackData());
        int calls = yclients.requests().size();
        Outgoing late = tap(list.messageId(), move);
        assertTrue(late.text().contains("Перенести запись на вторник, 1 декабря 2026, 10:00 онлайн уже нельзя")
                && late.text().contains("+74951234567"), late.text());
        assertEquals(calls, yclients.requests().size(), "the old 🔁 calls nobody");

        // half an hour before: nothing but the salon
        clock.set(Instant.parse("2026-12-01T06:30:00Z"));
        list = ask(CUSTOMER, "/mybookings");
        assertEquals(List.of(), list.callbackData());
        assertTrue(list.text().contains("Перенести или отменить эту запись теперь можно только через салон"), list.text());
        Outgoing noCancel = tap(list.messageId(), cancel);
        assertTrue(noCancel.text().contains("Отменить запись на вторник, 1 декабря 2026, 10:00 онлайн уже нельзя")
                && noCancel.text().contains("+74951234567"), noCancel.text());
        assertTrue(yclients.requests("DELETE", CANCEL).isEmpty(), "nothing cancelled");
        assertEquals(2, bot.database().bookingReferences().forUser(CUSTOMER).size());
    }

    @Test
    void disabledBookingHidesAnotherTimeButKeepsCancel() {
        String move = booked();
        ask(ADMIN, "/disable");

        Outgoing list = ask(CUSTOMER, "/mybookings");

        assertEquals(List.of(move.replace("bk:my:mv:", "bk:my:c:")), list.callbackData());
        assertTrue(tap(list.messageId(), move).text().contains("онлайн уже нельзя"));
        assertTrue(yclients.requests("PUT", MOVE).isEmpty());
    }

    @Test
    void anotherTimeOfABookingCancelledSinceIsAnsweredKindlyAndCallsNobody() {
        String move = booked();
        yclients.on("DELETE", CANCEL).respond(200, "{\"success\":true,\"data\":null,\"meta\":[]}");
        Outgoing question = askToCancel();
        tap(question.messageId(), question.callbackData().stream().filter(d -> d.startsWith("bk:my:y:")).findFirst().orElseThrow());
        int calls = yclients.requests().size();

        // the reminder's (or an old list's) 🔁 pressed after the cancellation
        Turn old = press(CUSTOMER, question.messageId(), move);

        assertTrue(old.edit().text().contains("Этой записи уже нет"), old.toString());
        assertEquals(calls, yclients.requests().size(), "no call for a booking that is gone");
    }

    @Test
    void leavingTheMoveKeepsTheVisitAndTheTextsAreInEnglishToo() {
        String move = booked();
        Outgoing list = askInLanguage(CUSTOMER, "en", "/mybookings");
        assertTrue(list.buttonTexts().contains("🔁 1: another time"), list.buttonTexts().toString());

        Outgoing calendar = pressIn("en", list.messageId(), move).edit();
        assertTrue(calendar.text().contains("Moving your visit on Tuesday, 1 December 2026, 10:00"), calendar.text());
        Outgoing times = pressIn("en", list.messageId(), "bk:d:2026-12-01").edit();
        Outgoing asked = pressIn("en", list.messageId(), "bk:t:20261201:0").edit();
        assertTrue(asked.text().contains("Move your visit?") && asked.text().contains("New: Tuesday, 1 December 2026, 11:30"),
                asked.text() + " after " + times.text());
        Outgoing left = pressIn("en", list.messageId(), "bk:x").edit();
        assertTrue(left.text().contains("your visit stays on Tuesday, 1 December 2026, 10:00"), left.text());
        assertTrue(yclients.requests("PUT", MOVE).isEmpty());
        assertEquals(DATETIME, reference().startsAt());
    }

    private Turn pressIn(String lang, int messageId, String data) {
        return bot.send(Incoming.callback(9_000 + yclients.requests().size() + bot.history().size(), CUSTOMER,
                ChatType.PRIVATE, CUSTOMER, "Anna", lang, messageId, "cb-" + data, data));
    }
}
