package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.storage.BookingReference;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders of a visit booked in the chat, walked on the test clock through the production runner (db-scheduler on
 * the bot's database): the visit is 1 December 2026, 10:00 in Moscow (07:00 UTC), reminders 24h and 2h before, quiet
 * hours 22:00–09:00 Moscow time, so the 2h one (08:00) goes at 09:00.
 */
class ReminderScenarioTest extends InChatBookingBase {
    static final Instant VISIT = Instant.parse("2026-12-01T07:00:00Z");
    static final Instant DAY_BEFORE = Instant.parse("2026-11-30T07:00:00Z");
    /** 09:00 in Moscow: the end of the quiet hours, where the 2h reminder (08:00) goes. */
    static final Instant QUIET_END = Instant.parse("2026-12-01T06:00:00Z");

    /** The booking made in the chat and read back as YCLIENTS has it ({@code datetime}; {@code deleted}). */
    private long bookVisit() {
        Outgoing summary = walkToSummary();
        assertTrue(press(CUSTOMER, summary.messageId(), "bk:ok").edit().text().contains("Вы записаны"));
        serveVisit(DATETIME, false);
        List<BookingReference> kept = bot.database().bookingReferences().forUser(CUSTOMER);
        assertEquals(1, kept.size());
        return kept.get(0).id();
    }

    private void serveVisit(String datetime, boolean deleted) {
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"" + datetime
                + "\",\"seance_length\":3600,\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":" + deleted + "},\"meta\":[]}");
    }

    private Turn at(Instant when) {
        clock.set(when);
        return bot.dueReminders();
    }

    private int pending() {
        return bot.chat().reminders().schedule().pendingCount();
    }

    @Test
    void aVisitIsRemindedAtEachOffsetWithItsServiceSpecialistTimeAndAddressAndTheButtons() {
        setUpCompany();
        mapHaircut();
        long id = bookVisit();
        assertEquals(2, pending(), "24h and 2h planned when the booking was kept");

        assertTrue(at(DAY_BEFORE.minusSeconds(60)).isEmpty(), "nothing before its time");
        Turn dayBefore = at(DAY_BEFORE);
        Outgoing reminder = dayBefore.message();
        assertEquals(CUSTOMER, reminder.chatId());
        for (String part : List.of("через 1 д ваш визит", "Женская стрижка · Анна Соколова", "вторник, 1 декабря 2026, 10:00",
                "Москва, Покровка ул., 17с1")) {
            assertTrue(reminder.text().contains(part), part + " missing from " + reminder.text());
        }
        assertEquals(List.of("bk:my:mv:" + id, "bk:my:c:" + id), reminder.callbackData(),
                "Another time and Cancel; no I'll come while YCLIENTS cannot be told");
        assertEquals(VISIT, ((Action.Send) reminder.action()).keepUntil(), "never given up for age before the visit");
        assertTrue(at(DAY_BEFORE.plusSeconds(60)).isEmpty(), "each reminder is sent once");

        // 2h before is 08:00 in Moscow, inside the quiet hours: it goes at 09:00, an hour before the visit
        assertTrue(at(VISIT.minusSeconds(2 * 3600)).isEmpty(), "not at night");
        Outgoing morning = at(QUIET_END).message();
        assertTrue(morning.text().contains("через 1 ч ваш визит"), morning.text());
        assertEquals(0, pending());
        assertTrue(at(VISIT.plusSeconds(3600)).isEmpty());
    }

    @Test
    void afterDowntimeOnlyTheNearestOverdueReminderGoesWordedForTheTimeLeft() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        Turn late = at(VISIT.minusSeconds(40 * 60));
        assertEquals(1, late.messages().size(), late.toString());
        assertTrue(late.message().text().contains("через 40 мин ваш визит"), late.message().text());
        assertEquals(0, pending());
    }

    @Test
    void anOffsetAlreadyPastWhenTheVisitIsBookedIsSkippedNotSentAtOnce() {
        clock.set(DAY_BEFORE.plusSeconds(3600));
        setUpCompany();
        mapHaircut();
        bookVisit();
        assertEquals(1, pending(), "only the 2h reminder is planned");
        assertTrue(bot.dueReminders().isEmpty(), "the 24h reminder is not sent late");
        assertTrue(at(QUIET_END).message().text().contains("через 1 ч"));
    }

    @Test
    void aVisitCancelledInTheChatGetsNoReminder() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        yclients.on("DELETE", CANCEL).respond(200, "{\"success\":true,\"data\":null,\"meta\":[]}");
        Outgoing question = askToCancelOnly();
        assertTrue(tap(question.messageId(), question.callbackData().get(0)).text().contains("отменена"));
        assertEquals(0, pending(), "its reminders are dropped");
        assertTrue(at(DAY_BEFORE).isEmpty());
    }

    @Test
    void aVisitCancelledInYclientsGetsNoReminder() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        serveVisit(DATETIME, true);
        assertTrue(at(DAY_BEFORE).isEmpty(), "read back right before: deleted");
        assertTrue(at(QUIET_END).isEmpty());
    }

    @Test
    void aVisitTheSalonMovedIsRemindedOfAtItsNewTime() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        serveVisit("2026-12-02T10:00:00+03:00", false);
        assertTrue(at(DAY_BEFORE).isEmpty(), "a day before the old time is no longer a day before");
        Turn moved = at(DAY_BEFORE.plusSeconds(24 * 3600));
        assertTrue(moved.message().text().contains("среда, 2 декабря 2026, 10:00"), moved.message().text());
        assertEquals("2026-12-02T10:00:00+03:00", bot.database().bookingReferences().forUser(CUSTOMER).get(0).startsAt());
    }

    @Test
    void cancelFromTheReminderAsksYesOrNoLikeMyBookings() {
        setUpCompany();
        mapHaircut();
        long id = bookVisit();
        Outgoing reminder = at(DAY_BEFORE).message();
        yclients.on("DELETE", CANCEL).respond(200, "{\"success\":true,\"data\":null,\"meta\":[]}");
        Outgoing question = tap(reminder.messageId(), "bk:my:c:" + id);
        assertTrue(question.text().contains("Отменить запись"), question.text());
        assertTrue(yclients.requests("DELETE", CANCEL).isEmpty(), "nothing cancelled before yes");
        assertTrue(tap(reminder.messageId(), question.callbackData().get(0)).text().contains("отменена"));
        assertEquals(1, yclients.requests("DELETE", CANCEL).size());
        assertTrue(at(QUIET_END).isEmpty(), "the 2h reminder is dropped with the visit");
    }

    @Test
    void remindersTurnedOffAreNotSentAndTurnedOnAgainAre() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        assertTrue(ask(CUSTOMER, "/reminders").text().contains("включены"));
        assertTrue(ask(CUSTOMER, "/reminders off").text().contains("выключены"));
        assertTrue(ask(CUSTOMER, "/reminders").text().contains("выключены (с 2026-11-20 09:00 UTC)"));
        assertTrue(at(DAY_BEFORE).isEmpty(), "off: no reminder");
        assertTrue(ask(CUSTOMER, "/reminders on").text().contains("включены"));
        assertTrue(at(QUIET_END).message().text().contains("через 1 ч"), "on again: the next one is sent");
        assertTrue(ask(CUSTOMER, "/reminders sometimes").text().contains("Использование"));
    }

    @Test
    void forgetMeStopsTheReminders() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        assertTrue(ask(CUSTOMER, "/forgetme").text().contains("напоминания о них"));
        assertEquals(0, pending());
        assertTrue(at(DAY_BEFORE).isEmpty());
    }

    @Test
    void aRestartBetweenSchedulingAndSendingLosesNothing() throws Exception {
        setUpCompany();
        mapHaircut();
        bookVisit();
        bot.restart();
        assertEquals(2, pending());
        assertTrue(at(DAY_BEFORE).message().text().contains("через 1 д"));
    }

    @Test
    void visitsKeptBeforeRemindersExistedArePlannedAtTheFirstStart() {
        setUpCompany();
        mapHaircut();
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, 784512093, "9f2c4e1ab07d5e3c8a61b4f0d2e7c915", DATETIME);
        serveVisit(DATETIME, false);
        assertEquals(0, pending());
        assertTrue(bot.dueReminders().isEmpty(), "the runner starts (the bot's first start with reminders)");
        assertEquals(2, pending());
        assertTrue(at(DAY_BEFORE).message().text().contains("через 1 д"), "planned when the runner started");
    }

    @Test
    void illComeIsAskedOnceAndTheCustomerThankedWhateverYclientsSays() {
        setUpCompany();
        mapHaircut();
        long id = bookVisit();
        Turn first = press(CUSTOMER, 1, "bk:my:ok:" + id);
        assertTrue(first.message().text().contains("Спасибо"), first.toString());
        Turn again = press(CUSTOMER, 1, "bk:my:ok:" + id);
        assertTrue(again.messages().isEmpty(), "a repeated tap sends nothing");
        assertTrue(again.answer().text().contains("уже ответили"), again.toString());
        assertFalse(press(CUSTOMER, 1, "bk:my:ok:999999").answer().text().contains("Спасибо"), "not a visit of theirs");
    }

    @Test
    void statusAndMetricsCountTheRemindersAndTheConfirmRate() {
        setUpCompany();
        mapHaircut();
        long id = bookVisit();
        assertTrue(ask(SUPPORT, "/status").text().contains("Напоминания: запланировано 2, сегодня отправлено 0, не доставлено 0"));
        double sent = metric("yclients_bot_reminders_total{outcome=\"sent\"}");
        double taps = metric("yclients_bot_visit_confirmations_total{result=\"not_possible\"}");
        at(DAY_BEFORE);
        press(CUSTOMER, 1, "bk:my:ok:" + id);
        String status = ask(SUPPORT, "/status").text();
        assertTrue(status.contains("Напоминания: запланировано 1, сегодня отправлено 1, не доставлено 0"), status);
        assertTrue(status.contains("«Приду» за 7 дней: 1 из 1 визитов с напоминанием (100 %)"), status);
        assertEquals(sent + 1, metric("yclients_bot_reminders_total{outcome=\"sent\"}"));
        assertEquals(taps + 1, metric("yclients_bot_visit_confirmations_total{result=\"not_possible\"}"));
    }

    /** A sample of the bot's /metrics (the class's bot counts since it was opened); 0 when not there yet. */
    private double metric(String series) {
        for (String line : bot.core().metrics().scrape().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        return 0;
    }

    @Test
    void changingTheOffsetsReplansWhatIsPendingAtTheNextStart() throws Exception {
        ChatHarness own = ownBot();
        setUpCompany();
        mapHaircut();
        bookVisit();
        assertEquals(2, pending());
        Map<String, String> env = new HashMap<>(own.env());
        env.put("BOOKING_REMINDERS", "3h");
        own.restart(env);
        assertTrue(own.dueReminders().isEmpty());
        assertEquals(1, pending(), "24h and 2h dropped, 3h planned");
        // 3h before is 07:00 in Moscow, quiet; 09:00 would leave 1h, less than half: 21:30 the evening before
        assertTrue(at(Instant.parse("2026-11-30T18:29:00Z")).isEmpty());
        Outgoing evening = at(Instant.parse("2026-11-30T18:30:00Z")).message();
        assertTrue(evening.text().contains("через 12 ч 30 мин"), evening.text());

        bookAgainLater(own, env);
    }

    /** Another visit kept, then reminders turned off in the configuration: nothing pending after the next start. */
    private void bookAgainLater(ChatHarness own, Map<String, String> env) throws Exception {
        own.database().bookingReferences().add(CUSTOMER, COMPANY, 111, "0a0b", "2026-12-05T10:00:00+03:00");
        own.chat().reminders().schedule().planAll();
        assertEquals(1, pending());
        env.put("BOOKING_REMINDERS", "");
        own.restart(env);
        assertTrue(own.dueReminders().isEmpty());
        assertEquals(0, pending(), "off: what was pending is dropped");
        assertTrue(ask(CUSTOMER, "/reminders").text().contains("Салон не рассылает напоминаний"));
    }

    @Test
    void theReminderGoesAndReadsInTheCompanysTimeZone() {
        setUpCompany();
        mapHaircut();
        bookVisit();
        yclients.on("GET", "/api/v1/company/" + COMPANY).respond(200, "{\"success\":true,\"data\":{\"id\":502817,"
                + "\"title\":\"Студия «Лён» во Владивостоке\",\"city\":\"Владивосток\",\"timezone_name\":\"Asia/Vladivostok\","
                + "\"address\":\"Светланская ул., 1\",\"phone\":\"+74232000000\"},\"meta\":[]}");
        bot.core().yclients().invalidate();
        bot.dueReminders(); // planned again at the runner's start, by Vladivostok's night (22:00–09:00 there)
        // 2h before 17:00 Vladivostok (10:00 Moscow) is 15:00 there: no quiet hours in the way, unlike Moscow's 08:00
        assertTrue(at(DAY_BEFORE).message().text().contains("через 1 д"));
        Outgoing two = at(VISIT.minus(Duration.ofHours(2))).message();
        assertTrue(two.text().contains("через 2 ч ваш визит"), two.text());
        assertTrue(two.text().contains("вторник, 1 декабря 2026, 17:00"), two.text());
        assertTrue(two.text().contains("📍 Владивосток, Светланская ул., 1"), two.text());
    }

    @Test
    void clockIsAConsoleCommandOnlyTelegramDoesNotKnowIt() {
        assertTrue(ask(CUSTOMER, "/clock +23h").text().contains("Такой команды я не знаю"));
    }

    /** /mybookings and Cancel on the one upcoming booking; the yes/no question. */
    private Outgoing askToCancelOnly() {
        Outgoing list = ask(CUSTOMER, "/mybookings");
        // each booking has 🔁 Another time, then Cancel
        return tap(list.messageId(), list.callbackData().stream().filter(d -> d.startsWith("bk:my:c:")).findFirst()
                .orElseThrow());
    }
}
