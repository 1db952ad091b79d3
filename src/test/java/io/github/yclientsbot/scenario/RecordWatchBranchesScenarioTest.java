package io.github.yclientsbot.scenario;

import io.github.yclientsbot.booking.RecordHints;
import io.github.yclientsbot.booking.WatchStatus;
import io.github.yclientsbot.testing.Salon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record poll and webhooks of a chain (issue 13): every branch is polled, each with its own watermark and its own
 * time zone for a date-time YCLIENTS writes without an offset, and a webhook event of any branch served is taken.
 */
class RecordWatchBranchesScenarioTest extends RecordWatchBase {
    static final long EKB = Salon.BRANCH_EKB;
    static final String EKB_RECORDS = "/api/v1/records/" + EKB;

    @Override
    Map<String, String> env(Path dir) {
        Map<String, String> env = super.env(dir);
        env.put("YCLIENTS_COMPANY_IDS", COMPANY + "," + EKB);
        return env;
    }

    @BeforeEach
    void branches() {
        Salon.serveBranches(yclients);
    }

    /** A record of the Yekaterinburg branch as GET /records lists it. */
    private static String ekbRecord(long id, String datetime, boolean deleted) {
        return record(id, datetime, deleted, "2026-11-20T13:50:00+05:00").replace("\"company_id\":" + COMPANY,
                "\"company_id\":" + EKB);
    }

    @Test
    void everyBranchIsPolledWithItsOwnWatermarkAndItsOwnTimeZone() {
        // GIVEN a visit booked in Yekaterinburg at 12:00 local (+05:00), and one in Moscow
        bot.database().bookingReferences().add(CUSTOMER, EKB, RECORD, "hash-1", "2026-12-01T12:00:00+05:00");
        serve();
        // YCLIENTS lists the Yekaterinburg visit unchanged, written without an offset: 12:00 there is no move
        yclients.on("GET", EKB_RECORDS).respond(200, page(ekbRecord(RECORD, "2026-12-01 12:00:00", false)));

        assertEquals(WatchStatus.Poll.Outcome.OK, watching.poll().run().outcome());
        assertEquals(1, yclients.requests("GET", EKB_RECORDS).size(), "the second branch is polled too");
        assertEquals(1, yclients.requests("GET", RECORDS).size());
        assertTrue(sent.isEmpty(), "read in Yekaterinburg's zone the visit did not move: " + sent);
        assertTrue(bot.database().recordPollMarks().find(EKB).isPresent(), "a watermark per branch");
        assertTrue(bot.database().recordPollMarks().find(COMPANY).isPresent());

        // WHEN the salon moves it to 14:00 local: told once, at the branch's local time
        yclients.on("GET", EKB_RECORDS).respond(200, page(ekbRecord(RECORD, "2026-12-01 14:00:00", false)));
        watching.poll().run();
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).text().contains("14:00"), sent.get(0).text());
        assertEquals(java.time.Instant.parse("2026-12-01T09:00:00Z"), sent.get(0).keepUntil(),
                "kept until the visit: 14:00 in Yekaterinburg");
        assertEquals("2026-12-01 14:00:00", bot.database().bookingReferences().byRecord(EKB, RECORD).orElseThrow().startsAt());
    }

    @Test
    void oneBranchsFailureDoesNotKeepTheOthersChangesBack() {
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, RECORD, "hash-1", "2026-12-01T11:30:00+03:00");
        yclients.on("GET", EKB_RECORDS).respond(500, "{\"success\":false,\"meta\":{\"message\":\"boom\"}}");
        serve(record(RECORD, "2026-12-01T11:30:00+03:00", true, "2026-11-20T11:50:00+03:00"));

        assertEquals(WatchStatus.Poll.Outcome.FAILED, watching.poll().run().outcome());
        assertEquals(1, sent.size(), "Moscow's cancellation is told: " + sent);
        assertTrue(bot.database().recordPollMarks().find(EKB).isEmpty(), "the failed branch asks again next time");
    }

    @Test
    void aWebhookEventOfAnyBranchServedIsTakenAndOfAnotherCompanyIgnored() {
        yclients.on("GET", "/api/v1/record/" + EKB + "/" + RECORD).respond(200,
                "{\"success\":true,\"data\":" + ekbRecord(RECORD, "2026-12-01 14:00:00", false) + ",\"meta\":[]}");
        assertEquals(RecordHints.Verdict.ACCEPTED, watching.hints().offer(
                new RecordHints.Hint(EKB, "record", RECORD, "update", "")));
        assertEquals(RecordHints.Verdict.IGNORED, watching.hints().offer(
                new RecordHints.Hint(Salon.BRANCH_ARBAT, "record", RECORD, "update", "")));
    }
}
