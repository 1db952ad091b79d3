package io.github.yclientsbot.scenario;

import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.Pacing;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.FairScheduler;
import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.telegram.SendPacing;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YCLIENTS's 5 a second and 200 a minute, used sparingly and shared fairly, as customers and admins see it. What
 * customers can book is read once per specialist and day while fresh, and again after a booking or a refusal of a
 * taken time (433/437). With the limit on a fake clock: a step that waits for its turn says "one moment…" first and
 * then shows the step, not "YCLIENTS is not answering"; a step that gets no turn in time says to press again and
 * keeps the customer where they are; admins are served while customers use up their part of the minute.
 */
class YclientsShareScenarioTest extends InChatBookingBase {
    private static final long SECOND = 1_000_000_000L;
    private static final long OTHER = 4004;
    private static final String TIMES = "/api/v1/book_times/" + COMPANY + "/" + ANNA + "/2026-12-01";
    private static final String DATES = "/api/v1/book_dates/" + COMPANY;
    private static final String CHECK = "/api/v1/book_check/" + COMPANY;
    private static final String RECORD_PATH = "/api/v1/book_record/" + COMPANY;
    private static final String ONLY_THREE_PM = "{\"success\":true,\"data\":[{\"time\":\"15:00\",\"seance_length\":3600,"
            + "\"datetime\":\"2026-12-01T15:00:00+03:00\"}],\"meta\":[]}";

    /** The fake time of the YCLIENTS limit: it stands still except when the bot waits for a slot. */
    private final AtomicLong nanos = new AtomicLong();
    private final Sleeper skipping = nanos::addAndGet;

    // --- the short cache ---------------------------------------------------------------------------------------

    @Test
    void aSpecialistsFreeTimesAreReadOnceWhileFreshAndAgainAfterABookingOrTheirTime() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        int other = walkToAnnasFirstOfDecember(OTHER);
        assertEquals(1, yclients.requests("GET", TIMES).size(), "two customers, one read of Анна's 1 December");
        assertEquals(1, yclients.requests("GET", DATES).size(), "and of her days");

        assertTrue(press(CUSTOMER, summary.messageId(), "bk:ok").edit().text().contains("Вы записаны"));
        backToTheDayAndAgain(OTHER, other);
        assertEquals(2, yclients.requests("GET", TIMES).size(), "after a booking that day of Анна is read again");
        assertEquals(2, yclients.requests("GET", DATES).size(), "and her days (the day may be full now)");

        backToTheDayAndAgain(OTHER, other);
        assertEquals(2, yclients.requests("GET", TIMES).size(), "fresh: from the cache");

        clock.advance(Duration.ofSeconds(46));
        backToTheDayAndAgain(OTHER, other);
        assertEquals(3, yclients.requests("GET", TIMES).size(), "kept 45 s at most");
    }

    @Test
    void aTimeTakenMeanwhile433DropsThatDaySoTheNearestTimesAreReadFresh() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        yclients.on("POST", CHECK).respondWithFixture(422, "book_check-433.json");
        yclients.on("GET", TIMES).respond(200, ONLY_THREE_PM);

        Outgoing gone = tap(summary.messageId(), "bk:ok");

        assertTrue(gone.text().contains("только что заняли"), gone.text());
        assertEquals(List.of("15:00"), times(gone), "what YCLIENTS offers now, not 11:30 from the cache");
    }

    @Test
    void overlappingAppointments437DropThatDayToo() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        yclients.on("POST", RECORD_PATH).respondWithFixture(422, "book_record-437-old-shape.json");
        yclients.on("GET", TIMES).respond(200, ONLY_THREE_PM);

        Outgoing gone = tap(summary.messageId(), "bk:ok");

        assertTrue(gone.text().contains("пересекаются"), gone.text());
        assertEquals(List.of("15:00"), times(gone));
    }

    // --- the wait for a turn, on a fake clock ------------------------------------------------------------------

    @Test
    void aStepWaitingForItsTurnSaysOneMomentFirstThenShowsTheStepNotATimeout() throws Exception {
        FairScheduler budget = limitedBot();
        int flow = walkToTheDays();
        othersUseTheirWholePartOfTheMinute(budget);
        // six seconds before the first of them leaves the minute: longer than the 5 s deadline of a call
        Caller customer = Caller.customer(CUSTOMER);
        while (budget.estimateNanos(customer) < 0) {
            nanos.addAndGet(SECOND / 10);
        }
        nanos.addAndGet(budget.estimateNanos(customer) - 6 * SECOND);
        long before = nanos.get();

        Turn day = press(CUSTOMER, flow, "bk:d:2026-12-01");

        assertEquals("⏳ Одну минуту…", day.answer().text(), "said at once, before the step waited: " + day);
        assertEquals(0, day.all().indexOf(day.answer()), "first");
        Outgoing times = day.edit();
        assertEquals(List.of("10:00", "11:30", "15:00"), times(times), times.text());
        assertFalse(times.text().contains("не отвечает"), times.text());
        assertEquals(6 * SECOND, nanos.get() - before, "it waited its six seconds in line, then YCLIENTS answered");

        // a button answered "one moment…" is not answered twice: a notice after it comes as a message
        budget.pause(3 * SECOND);
        Turn stale = press(CUSTOMER, flow, "bk:d:2026-12-01");
        assertEquals("⏳ Одну минуту…", stale.answer().text(), stale.toString());
        assertTrue(stale.message().text().contains("устарела"), stale.toString());
    }

    @Test
    void aStepThatGetsNoTurnInTimeSaysPressAgainAndTheSameButtonWorksLater() throws Exception {
        FairScheduler budget = limitedBot();
        int flow = walkToTheDays();
        othersUseTheirWholePartOfTheMinute(budget);
        int timesRead = yclients.requests("GET", TIMES).size();

        Turn day = press(CUSTOMER, flow, "bk:d:2026-12-01");

        assertTrue(day.answer().text().contains("Нажмите ещё раз"), day.toString());
        assertTrue(day.edits().isEmpty() && day.messages().isEmpty(), "the calendar stays as it is: " + day);
        assertEquals(timesRead, yclients.requests("GET", TIMES).size(), "nothing was sent to YCLIENTS");

        nanos.addAndGet(30 * SECOND);
        Outgoing times = press(CUSTOMER, flow, "bk:d:2026-12-01").edit();
        assertEquals(List.of("10:00", "11:30", "15:00"), times(times), times.text());
    }

    @Test
    void aConfirmThatGetsNoTurnInTimeKeepsTheSummaryAndWorksWhenPressedAgain() throws Exception {
        FairScheduler budget = limitedBot();
        Outgoing summary = walkToSummary();
        othersUseTheirWholePartOfTheMinute(budget);

        Outgoing busy = tap(summary.messageId(), "bk:ok");

        assertTrue(busy.text().contains("Сейчас записывается много людей"), busy.text());
        assertFalse(busy.text().contains("не отвечает"), busy.text());
        String confirm = busy.callbackStartingWith("bk:ok:");
        assertTrue(yclients.requests("POST", CHECK).isEmpty() && yclients.requests("POST", RECORD_PATH).isEmpty(),
                "nothing reached YCLIENTS");

        nanos.addAndGet(30 * SECOND);
        assertTrue(tap(summary.messageId(), confirm).text().contains("Вы записаны"));
    }

    @Test
    void adminCommandsAreServedWhileCustomersUseUpTheirPartOfTheMinute() throws Exception {
        FairScheduler budget = limitedBot();
        othersUseTheirWholePartOfTheMinute(budget);
        long before = nanos.get();

        Outgoing company = ask(ADMIN, "/setcompany " + COMPANY);

        assertTrue(company.text().contains(COMPANY_TITLE), company.text());
        assertTrue(nanos.get() - before <= 2 * SECOND, "the admin waited " + (nanos.get() - before) / 1_000_000
                + " ms, not for the minute to roll over");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A bot of its own whose YCLIENTS limit (5 a second, 200 a minute) runs on {@link #nanos}; returns its budget. */
    private FairScheduler limitedBot() throws Exception {
        RequestLimiter limit = new RequestLimiter(List.of(new RequestLimiter.Window(5, SECOND),
                new RequestLimiter.Window(200, 60 * SECOND)), nanos::get, skipping);
        Pacing pacing = new Pacing(perSecond -> SendPacing.unpaced(), () -> limit, skipping, Duration.ofMillis(5));
        ownBot(new BotApplication.Options(1, Duration.ofMinutes(5), clock, pacing));
        setUpCompany();
        mapHaircut();
        return bot.core().yclients().client().budget();
    }

    /** Other customers take slots until their part of the minute (all but the admins' 10) is used up. */
    private static void othersUseTheirWholePartOfTheMinute(FairScheduler budget) throws InterruptedException {
        int taken = 0;
        while (budget.acquire(Caller.customer(900_000 + taken))) {
            taken++;
        }
        assertTrue(taken > 150, taken + " taken");
    }

    /** /book, the service, Анна: the calendar; returns the booking's message. */
    private int walkToTheDays() {
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().get(0));
        assertTrue(tap(flow, "bk:st:" + ANNA).callbackData().contains("bk:d:2026-12-01"));
        return flow;
    }

    /** Another customer's /book up to Анна's free times of 1 December; returns their booking's message. */
    private int walkToAnnasFirstOfDecember(long user) {
        List<Outgoing> sent = bot.text(user, "/book").messages();
        Outgoing list = sent.get(sent.size() - 1);
        int flow = list.messageId();
        press(user, flow, list.callbackData().get(0));
        press(user, flow, "bk:st:" + ANNA);
        assertEquals(List.of("10:00", "11:30", "15:00"), times(press(user, flow, "bk:d:2026-12-01").edit()));
        return flow;
    }

    private void backToTheDayAndAgain(long user, int flow) {
        assertTrue(press(user, flow, "bk:b").edit().callbackData().contains("bk:d:2026-12-01"));
        press(user, flow, "bk:d:2026-12-01").edit();
    }

    private static List<String> times(Outgoing screen) {
        return screen.buttonTexts().stream().filter(t -> t.matches("\\d\\d:\\d\\d")).toList();
    }
}
