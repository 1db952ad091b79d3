package io.github.yclientsbot.scenario;

import io.github.yclientsbot.booking.FollowupId;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.yclients.RecordFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message after a visit, walked on the test clock through the production runner: the visit is 1 December 2026,
 * 10:00–11:00 in Moscow (07:00–08:00 UTC), {@code booking.followup} its default 3h, so the thanks go at 14:00 Moscow
 * (11:00 UTC); the plan only knows the start, so at 10:00 UTC the read-back length moves it to 11:00 UTC.
 */
class FollowupScenarioTest extends InChatBookingBase {
    static final Instant PLANNED = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant DUE = Instant.parse("2026-12-01T11:00:00Z");
    static final String REVIEW = "https://yandex.ru/maps/org/len/123/reviews/?add-review=true";
    static final String AGAIN = "bk:ag:13700211:" + ANNA;

    private void bookVisit() {
        Outgoing summary = walkToSummary();
        assertTrue(press(CUSTOMER, summary.messageId(), "bk:ok").edit().text().contains("Вы записаны"));
        serveVisit(DATETIME, false, 0);
        assertEquals(1, bot.database().bookingReferences().forUser(CUSTOMER).size());
    }

    private void serveVisit(String datetime, boolean deleted, int attendance) {
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"" + datetime
                + "\",\"seance_length\":3600,\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":" + deleted
                + (attendance == 0 ? "" : ",\"attendance\":" + attendance) + "},\"meta\":[]}");
    }

    private Turn at(Instant when) {
        clock.set(when);
        return bot.dueReminders();
    }

    private static boolean thanked(Turn turn) {
        return turn.messages().stream().anyMatch(m -> m.text().contains("Спасибо, что были у нас"));
    }

    private boolean followupPending() {
        return bot.core().database().reminders().instances("visit-reminder", "502817-784512093-").stream()
                .anyMatch(i -> FollowupId.parse(i).isPresent());
    }

    private ChatHarness withEnv(String key, String value) throws Exception {
        Path dir = newDir();
        Map<String, String> env = new HashMap<>(env(dir));
        env.put(key, value);
        return ownBot(dir, env);
    }

    @Test
    void aVisitThatTookPlaceGetsOneThankYouWithTheReviewLinkAndBookAgain() throws Exception {
        withEnv("BOOKING_REVIEW_URL", REVIEW);
        setUpCompany();
        mapHaircut();
        bookVisit();
        assertTrue(followupPending(), "planned with the booking");

        at(PLANNED.minusSeconds(60));
        assertTrue(at(PLANNED).isEmpty(), "the visit lasts an hour: its end plus 3h is 11:00 UTC");
        Outgoing thanks = at(DUE).message();
        assertEquals(CUSTOMER, thanks.chatId());
        assertTrue(thanks.text().contains("Спасибо, что были у нас"), thanks.text());
        assertTrue(thanks.text().contains("Женская стрижка · Анна Соколова"), thanks.text());
        assertEquals(List.of(REVIEW), thanks.buttonUrls());
        assertEquals(List.of(AGAIN), thanks.callbackData());
        assertTrue(at(DUE.plusSeconds(3600)).isEmpty(), "sent once");
        assertFalse(followupPending());
        String status = ask(SUPPORT, "/status").text();
        assertTrue(status.contains("после визита сегодня отправлено 1"), status);
    }

    @Test
    void bookAgainShowsTheNearestTimesOfTheSameServiceAndSpecialistAndBooks() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        Outgoing thanks = at(DUE).message();
        assertTrue(thanks.buttonUrls().isEmpty(), "no review link set");

        Turn again = press(CUSTOMER, thanks.messageId(), AGAIN);
        assertTrue(again.edits().isEmpty(), "the thanks stay as they are");
        assertEquals(1, again.answers().size());
        Outgoing times = again.message();
        assertTrue(times.text().contains("Женская стрижка") && times.text().contains("Анна Соколова"), times.text());
        assertEquals(List.of("10:00", "11:30", "15:00"), times.buttonTexts().subList(0, 3));
        assertTrue(times.callbackData().contains("bk:t:20261201:1"), times.callbackData().toString());

        yclients.on("POST", "/api/v1/book_record/" + COMPANY).respond(201,
                "{\"success\":true,\"data\":[{\"id\":1,\"record_id\":784512094,\"record_hash\":\"0a0b0c\"}],\"meta\":[]}");
        Turn contact = press(CUSTOMER, times.messageId(), "bk:t:20261201:1");
        assertTrue(contact.message().asksForContact(), contact.toString());
        Outgoing summary = bot.contact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67").messages().get(1);
        assertTrue(summary.text().contains("11:30") && summary.text().contains("Анна Соколова"), summary.text());
        assertTrue(press(CUSTOMER, summary.messageId(), "bk:ok").edit().text().contains("Вы записаны"));
        List<BookingReference> kept = bot.database().bookingReferences().forUser(CUSTOMER);
        assertEquals(2, kept.size());
        String body = yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(1).body();
        assertTrue(body.contains("13700211") && body.contains(ANNA), body);
    }

    @Test
    void aServiceNoLongerBookableLeadsToTheServiceList() {
        setUpCompany();
        mapHaircut();
        Turn again = press(CUSTOMER, 1, "bk:ag:999:" + ANNA);
        assertTrue(again.answer().text().contains("нельзя записать снова"), again.toString());
        assertTrue(again.message().callbackData().stream().anyMatch(d -> d.startsWith("bk:svc:")),
                again.message().callbackData().toString());
    }

    @Test
    void noThankYouForAVisitCancelledInYclientsOrInTheChat() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        serveVisit(DATETIME, true, 0);
        assertTrue(at(DUE).isEmpty(), "read back right before: deleted");

        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, 784512095L, "0c0d", DATETIME);
        bot.chat().reminders().schedule().planAll();
        assertTrue(bot.core().database().reminders().instances("visit-reminder", "502817-784512095-")
                .contains("502817-784512095-followup"));
        bot.chat().reminders().schedule().drop(COMPANY, 784512095L);
        assertTrue(bot.core().database().reminders().instances("visit-reminder", "502817-784512095-").isEmpty(),
                "a cancel drops the follow-up with the reminders");
    }

    @Test
    void noThankYouForAVisitTheCustomerDidNotCome() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        serveVisit(DATETIME, false, -1);
        assertTrue(at(DUE).isEmpty(), "attendance -1: did not come");
        serveVisit(DATETIME, false, 0);
        assertTrue(at(DUE.plusSeconds(3600)).isEmpty(), "decided once");
    }

    @Test
    void noThankYouWhenFollowUpsAreOffOrTheCustomerTurnedRemindersOff() throws Exception {
        setUpCompany();
        mapHaircut();
        bookVisit();
        String off = ask(CUSTOMER, "/reminders off").text();
        assertTrue(off.contains("выключены (и сообщение после визита тоже)"), off);
        assertTrue(at(DUE).isEmpty(), "/reminders off stops the follow-up too");

        withEnv("BOOKING_FOLLOWUP", "");
        setUpCompany();
        mapHaircut();
        bookVisit();
        assertFalse(followupPending(), "off: nothing planned");
        assertTrue(at(DUE).isEmpty());
    }

    @Test
    void aThankYouDueAtNightWaitsForTheEndOfTheQuietHours() {
        setUpCompany();
        mapHaircut();
        // 19:00–20:00 in Moscow: 3h after is 23:00, inside 22:00–09:00
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, 784512093, "9f2c4e1ab07d5e3c8a61b4f0d2e7c915",
                "2026-12-01T19:00:00+03:00");
        serveVisit("2026-12-01T19:00:00+03:00", false, 0);
        assertTrue(at(Instant.parse("2026-12-01T20:00:00Z")).isEmpty(), "not at 23:00");
        assertTrue(at(Instant.parse("2026-12-02T05:59:00Z")).isEmpty(), "not at 08:59");
        Outgoing morning = at(Instant.parse("2026-12-02T06:00:00Z")).message();
        assertTrue(morning.text().contains("Спасибо, что были у нас"), morning.text());
    }

    @Test
    void aRestartBetweenSchedulingAndSendingLosesNothingAndSendsOnce() throws Exception {
        setUpCompany();
        mapHaircut();
        bookVisit();
        bot.restart();
        assertTrue(followupPending());
        assertTrue(at(DUE).message().text().contains("Спасибо"));
        bot.restart();
        assertTrue(at(DUE.plusSeconds(7200)).isEmpty(), "a restart plans no second one");
    }

    @Test
    void aVisitOverLongerAgoThanTheFollowUpAndADayIsNotThankedAtTheFirstStart() {
        setUpCompany();
        mapHaircut();
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, 784512093, "9f2c4e1ab07d5e3c8a61b4f0d2e7c915", DATETIME);
        serveVisit(DATETIME, false, 0);
        clock.set(DUE.plusSeconds(25 * 3600));
        assertTrue(bot.dueReminders().isEmpty());
        assertFalse(followupPending());
    }

    @Test
    void aVisitTheSalonMovedIntoTheFutureIsThankedAfterItsNewEnd() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        serveVisit("2026-12-02T10:00:00+03:00", false, 0);
        // the moved visit's own reminders may go meanwhile (one late, as after downtime): only the thanks is checked
        assertFalse(thanked(at(DUE)), "read back: the visit is tomorrow now");
        assertEquals("2026-12-02T10:00:00+03:00", bot.database().bookingReferences().forUser(CUSTOMER).get(0).startsAt());
        assertFalse(thanked(at(DUE.plusSeconds(24 * 3600 - 60))));
        assertTrue(thanked(at(DUE.plusSeconds(24 * 3600))), "thanked after the new end");
    }

    @Test
    void forgetMeStopsTheFollowUp() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        assertTrue(followupPending());
        ask(CUSTOMER, "/forgetme");
        assertFalse(followupPending(), "dropped with the reminders");
        assertTrue(at(DUE).isEmpty());
    }

    @Test
    void aVisitBookedElsewhereIsReadWithTheUserTokenWhoseAttendanceDecides() {
        setUpCompany();
        mapHaircut();
        ask(ADMIN, "/settoken user " + USER_TOKEN);
        for (long record : new long[] {900100200L, 900100201L}) {
            yclients.on("GET", "/api/v1/record/" + COMPANY + "/" + record).respond(200, "{\"success\":true,\"data\":"
                    + RecordFixtures.json("record.json", "{\"id\":" + record + ",\"datetime\":\"" + DATETIME
                    + "\",\"attendance\":" + (record == 900100200L ? -1 : 1) + "}") + ",\"meta\":[]}");
            bot.database().bookingReferences().addElsewhere(CUSTOMER, COMPANY, record, DATETIME);
        }
        bot.dueReminders(); // the runner's start plans both
        List<Outgoing> thanks = at(DUE).messages();
        assertEquals(1, thanks.size(), "the one who did not come (-1) gets none: " + thanks);
        assertEquals(List.of("bk:ag:13700211:" + ANNA), thanks.get(0).callbackData());
    }
}
