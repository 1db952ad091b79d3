package io.github.yclientsbot.scenario;

import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.Pacing;
import io.github.yclientsbot.RecordWatching;
import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.telegram.SendPacing;
import io.github.yclientsbot.booking.WatchStatus;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record poll alone (no webhook): what the salon changes in YCLIENTS reaches the customer once — a move ("the
 * salon moved your visit"), a cancellation ("…book again: /book") — the stored visit follows, its reminders are
 * re-planned or dropped, and the bot's own changes (the customer's move in the chat, written back by YCLIENTS in
 * another format) are not announced. The watermark is stored, survives a restart and is caught up from, every page is
 * read, and without a user token nothing is asked.
 */
class RecordWatchScenarioTest extends RecordWatchBase {
    private static final long SECOND = 1_000_000_000L;

    /** {@code yclients_bot_record_polls_total{outcome}} as {@code GET /metrics} shows it. */
    private double polls(String outcome) {
        String line = "yclients_bot_record_polls_total{outcome=\"" + outcome + "\"} ";
        return bot.core().metrics().scrape().lines().filter(l -> l.startsWith(line))
                .mapToDouble(l -> Double.parseDouble(l.substring(line.length()).strip())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + line));
    }

    @Test
    void aSalonSideMoveIsToldOnceAndTheVisitAndItsRemindersFollow() {
        bookedInChat("2026-12-01T11:30:00+03:00");
        // YCLIENTS writes the new time without an offset: the company's zone (Moscow) applies
        serve(record(RECORD, "2026-12-01 14:00:00", false, "2026-11-20T11:50:00+03:00"));
        double polls = polls("ok");

        assertEquals(WatchStatus.Poll.Outcome.OK, watching.poll().run().outcome());
        assertEquals(polls + 1, polls("ok"), "counted on /metrics");

        assertEquals(1, sent.size(), sent.toString());
        Action.Send told = sent.get(0);
        assertEquals(CUSTOMER, told.chatId());
        assertTrue(told.text().contains("Салон перенёс") && told.text().contains("14:00")
                && told.text().contains("11:30"), told.text());
        assertEquals(Instant.parse("2026-12-01T11:00:00Z"), told.keepUntil(), "kept until the visit");
        assertEquals("2026-12-01 14:00:00", kept().startsAt());
        assertEquals(List.of("replan " + kept().id()), plans);

        watching.poll().run(); // the same record again (the overlap): nothing new
        assertEquals(1, sent.size());
        assertEquals(1, plans.size());
    }

    @Test
    void aSalonSideCancellationIsToldOnceAndTheVisitForgotten() {
        bookedInChat("2026-12-01T11:30:00+03:00");
        serve(record(RECORD, "2026-12-01T11:30:00+03:00", true, "2026-11-20T11:50:00+03:00"));

        watching.poll().run();
        watching.poll().run();

        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).text().contains("Салон отменил") && sent.get(0).text().contains("11:30")
                && sent.get(0).text().contains("/book"), sent.get(0).text());
        assertTrue(bot.database().bookingReferences().byRecord(COMPANY, RECORD).isEmpty());
        assertEquals(List.of("drop " + COMPANY + "/" + RECORD), plans);
    }

    @Test
    void theCustomersOwnMoveComingBackIsNotAnnounced() {
        // the move made in the chat stored the new time as the bot sent it; YCLIENTS lists it in its own formats
        bookedInChat("2026-12-01T14:00:00+03:00");
        for (String written : List.of("2026-12-01 14:00:00", "2026-12-01T14:00:00+0300", "2026-12-01T11:00:00Z",
                "2026-12-01T14:00:00.000+03:00")) {
            yclients.reset();
            serveWritten(written);
            watching.poll().run();
        }
        assertEquals(List.of(), sent);
        assertEquals(List.of(), plans);
        assertEquals("2026-12-01T14:00:00+03:00", kept().startsAt());
    }

    private void serveWritten(String written) {
        io.github.yclientsbot.testing.Salon.serveCompany(yclients);
        serve(record(RECORD, written, false, "2026-11-20T11:50:00+03:00"));
    }

    @Test
    void aVisitAlreadyOverIsBroughtInLineButNotAnnounced() {
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, RECORD, "hash-1", "2026-11-19T11:30:00+03:00");
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, RECORD + 1, "hash-2", "2026-11-18T11:30:00+03:00");
        serve(record(RECORD, "2026-11-19 12:00:00", false, "2026-11-20T11:50:00+03:00"),
                record(RECORD + 1, "2026-11-18 11:30:00", true, "2026-11-20T11:51:00+03:00"));

        watching.poll().run();

        assertEquals(List.of(), sent);
        assertEquals("2026-11-19 12:00:00", kept().startsAt());
        assertTrue(bot.database().bookingReferences().byRecord(COMPANY, RECORD + 1).isEmpty());
        assertEquals(List.of("replan " + kept().id(), "drop " + COMPANY + "/" + (RECORD + 1)), plans);
    }

    @Test
    void aRecordTheBotDoesNotKnowIsNotAnnounced() {
        serve(record(RECORD, "2026-12-01 14:00:00", false, "2026-11-20T11:50:00+03:00"),
                record(RECORD + 1, "2026-12-02 10:00:00", true, "2026-11-20T11:51:00+03:00"));
        assertEquals(2, watching.poll().run().records());
        assertEquals(List.of(), sent);
    }

    @Test
    void theWatermarkIsStoredSurvivesARestartAndIsCaughtUpFrom() throws Exception {
        serve(record(RECORD, "2026-12-01 14:00:00", false, "2026-11-20T11:50:00+03:00"));
        watching.poll().run();
        FakeYclientsServer.RecordedRequest first = yclients.requests("GET", RECORDS).get(0);
        assertEquals("2026-11-19T12:00:00+03:00", first.queryParams().get("changed_after").get(0),
                "the first poll ever looks a day back, in the company's offset");
        assertEquals(List.of("1"), first.queryParams().get("with_deleted"));

        watching.poll().run();
        assertEquals("2026-11-20T11:48:00+03:00", yclients.requests("GET", RECORDS).get(1).queryParams()
                .get("changed_after").get(0), "the next from the last change seen, two minutes before it");

        watching.close();
        bot.restart();
        clock.advance(Duration.ofHours(5)); // down for five hours
        watching = RecordWatching.build(bot.core(), bot.layer(), outbox, reminders);
        serve(record(RECORD, "2026-12-01 14:00:00", false, "2026-11-20T15:10:00+03:00"));
        watching.poll().run();
        List<FakeYclientsServer.RecordedRequest> all = yclients.requests("GET", RECORDS);
        assertEquals("2026-11-20T11:48:00+03:00", all.get(2).queryParams().get("changed_after").get(0),
                "after the restart, caught up from the stored watermark");
        watching.poll().run();
        assertEquals("2026-11-20T15:08:00+03:00", yclients.requests("GET", RECORDS).get(3).queryParams()
                .get("changed_after").get(0));
    }

    @Test
    void everyPageIsReadBeforeTheWatermarkMoves() {
        bookedInChat("2026-12-01T11:30:00+03:00");
        String[] full = new String[100];
        for (int i = 0; i < full.length; i++) {
            full[i] = record(900_000L + i, "2026-12-05 10:00:00", false, "2026-11-20T10:00:00+03:00");
        }
        yclients.on("GET", RECORDS).withQueryParam("page", "1").respond(200, page(full));
        yclients.on("GET", RECORDS).withQueryParam("page", "2")
                .respond(200, page(record(RECORD, "2026-12-01T15:00:00+03:00", false, "2026-11-20T11:00:00+03:00")));

        assertEquals(101, watching.poll().run().records());

        List<FakeYclientsServer.RecordedRequest> asked = yclients.requests("GET", RECORDS);
        assertEquals(2, asked.size());
        assertEquals(List.of("100"), asked.get(0).queryParams().get("count"));
        assertEquals(List.of("2"), asked.get(1).queryParams().get("page"));
        assertEquals(1, sent.size(), "the move on page 2 was seen");
        assertEquals(Instant.parse("2026-11-20T08:00:00Z"),
                bot.database().recordPollMarks().find(COMPANY).orElseThrow().changedUpTo());
    }

    @Test
    void aFailedPageKeepsTheWatermarkSoTheNextPollAsksAgain() {
        yclients.on("GET", RECORDS).respond(500, "{\"success\":false,\"meta\":{\"message\":\"boom\"}}");
        assertEquals(WatchStatus.Poll.Outcome.FAILED, watching.poll().run().outcome());
        assertTrue(bot.database().recordPollMarks().find(COMPANY).isEmpty());
    }

    @Test
    void withoutAUserTokenNothingIsAsked() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.remove("YCLIENTS_USER_TOKEN");
        ownBot(dir, env);
        watching = RecordWatching.build(bot.core(), bot.layer(), outbox, reminders);

        assertEquals(WatchStatus.Poll.Outcome.NO_USER_TOKEN, watching.poll().run().outcome());
        assertEquals(List.of(), yclients.requests("GET", RECORDS));
    }

    @Test
    void thePollWaitsForItsTurnOnTheBackgroundShareOfTheYclientsBudget() throws Exception {
        AtomicLong nanos = new AtomicLong();
        Sleeper skipping = nanos::addAndGet;
        RequestLimiter limit = new RequestLimiter(List.of(new RequestLimiter.Window(5, SECOND),
                new RequestLimiter.Window(200, 60 * SECOND)), nanos::get, skipping);
        ownBot(new BotApplication.Options(1, Duration.ofMinutes(5), clock,
                new Pacing(perSecond -> SendPacing.unpaced(), () -> limit, skipping, Duration.ofMillis(5))));
        watching = RecordWatching.build(bot.core(), bot.layer(), outbox, reminders);
        String[] full = new String[100];
        for (int i = 0; i < full.length; i++) {
            full[i] = record(900_000L + i, "2026-12-05 10:00:00", false, "2026-11-20T10:00:00+03:00");
        }
        yclients.on("GET", RECORDS).withQueryParam("page", "1").respond(200, page(full));
        yclients.on("GET", RECORDS).withQueryParam("page", "2").respond(200, page(full));
        yclients.on("GET", RECORDS).withQueryParam("page", "3").respond(200, page());

        assertEquals(200, watching.poll().run().records());

        // the company (for its time zone) and three pages: at most one a second on the background share, where an
        // admin's or a customer's share would have let them through in under a second
        assertEquals(3, yclients.requests("GET", RECORDS).size());
        assertTrue(nanos.get() >= 3 * SECOND, "waited " + nanos.get() / 1_000_000 + " ms");
    }
}
