package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The record poll's watermark ({@code record_poll}, migration V10) and the lookups the salon's changes need on
 * {@code booking_reference}: by record, a compare-and-set move, a delete by record — on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class RecordPollMarksTest {

    @Parameter
    TestDatabase db;

    private final Instant start = Instant.parse("2026-11-27T10:00:00Z");
    private final TestClock clock = new TestClock(start);
    private Database database;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:poll-" + System.nanoTime()).open(clock);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theWatermarkIsKeptPerCompanyToTheMicrosecondAndNeverMovesBack() {
        RecordPollMarks marks = database.recordPollMarks();
        assertEquals(Optional.empty(), marks.find(502817));

        Instant seen = Instant.parse("2026-11-27T09:58:12.123456789Z");
        marks.save(502817, seen);
        assertEquals(new RecordPollMarks.Mark(502817, Instant.parse("2026-11-27T09:58:12.123456Z"), start),
                marks.find(502817).orElseThrow());

        clock.advance(Duration.ofMinutes(5));
        marks.save(502817, seen.minus(Duration.ofHours(1)));
        assertEquals(Instant.parse("2026-11-27T09:58:12.123456Z"), marks.find(502817).orElseThrow().changedUpTo(),
                "an older change does not move it back");
        assertEquals(start.plus(Duration.ofMinutes(5)), marks.find(502817).orElseThrow().polledAt());

        marks.save(7, start);
        assertEquals(start, marks.find(7).orElseThrow().changedUpTo());
        assertEquals(Instant.parse("2026-11-27T09:58:12.123456Z"), marks.find(502817).orElseThrow().changedUpTo());
    }

    @Test
    void aKeptBookingIsFoundByItsRecordMovedOnlyFromTheTimeReadAndDeletedOnce() {
        BookingReferences refs = database.bookingReferences();
        refs.add(3003, 502817, 784512200L, "hash", "2026-12-01T11:30:00+03:00");
        BookingReference ref = refs.byRecord(502817, 784512200L).orElseThrow();
        assertEquals(3003, ref.userId());
        assertEquals(Optional.empty(), refs.byRecord(502818, 784512200L));

        assertEquals(true, refs.moveTo(ref.id(), "2026-12-01T11:30:00+03:00", "2026-12-01 14:00:00"));
        assertEquals(false, refs.moveTo(ref.id(), "2026-12-01T11:30:00+03:00", "2026-12-01 15:00:00"),
                "a second report of the same move finds the time changed already");
        assertEquals("2026-12-01 14:00:00", refs.byRecord(502817, 784512200L).orElseThrow().startsAt());

        assertEquals(true, refs.deleteRecord(502817, 784512200L));
        assertEquals(false, refs.deleteRecord(502817, 784512200L));
    }
}
