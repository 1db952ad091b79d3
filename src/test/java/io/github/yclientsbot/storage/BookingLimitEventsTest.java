package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.storage.BookingLimitEvents.Kind;
import io.github.yclientsbot.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The counters behind the booking limits: by user, by phone hash and by kind; old rows go on the next write. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class BookingLimitEventsTest {

    @Parameter
    TestDatabase db;

    private final Instant start = Instant.parse("2026-11-27T10:00:00Z");
    private final TestClock clock = new TestClock(start);
    private Database database;
    private BookingLimitEvents events;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:limits-" + System.nanoTime()).open(clock);
        events = database.bookingLimitEvents();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void eventsAreCountedByUserByPhoneAndByKindSinceAGivenTime() {
        events.record(Kind.SMS, 7_000_000_000L, "hash-a");
        events.record(Kind.SMS, 2L, "hash-a");
        events.record(Kind.SMS, 7_000_000_000L, "hash-b");
        events.record(Kind.BOOKING, 7_000_000_000L, "hash-a");

        Instant dayAgo = start.minus(Duration.ofHours(24));
        assertEquals(2, events.countForUser(Kind.SMS, 7_000_000_000L, dayAgo));
        assertEquals(1, events.countForUser(Kind.SMS, 2L, dayAgo));
        assertEquals(2, events.countForPhone(Kind.SMS, "hash-a", dayAgo), "whoever asked");
        assertEquals(1, events.countForUser(Kind.BOOKING, 7_000_000_000L, dayAgo));
        assertEquals(0, events.countForUser(Kind.WRONG_CODE, 7_000_000_000L, dayAgo));

        clock.advance(Duration.ofHours(1));
        events.record(Kind.SMS, 2L, "hash-c");
        Instant since = start.plus(Duration.ofMinutes(30));
        assertEquals(1, events.countForUser(Kind.SMS, 2L, since), "only the events at or after the time given");
        assertEquals(Optional.of(start.plus(Duration.ofHours(1))), events.lastForUser(Kind.SMS, 2L));
        assertEquals(Optional.empty(), events.lastForUser(Kind.WRONG_CODE, 2L));
    }

    @Test
    void rowsOlderThanTwoDaysAreDeletedOnTheNextWriteOrByTheCleanup() {
        events.record(Kind.SMS, 1L, "hash-a");
        events.record(Kind.BOOKING, 1L, "hash-a");
        Instant longAgo = start.minus(Duration.ofDays(10));
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertEquals(1, events.countForUser(Kind.SMS, 1L, longAgo), "still there until something is written");

        events.record(Kind.SMS, 2L, "hash-b");
        assertEquals(0, events.countForUser(Kind.SMS, 1L, longAgo));
        assertEquals(0, events.countForUser(Kind.BOOKING, 1L, longAgo));
        assertEquals(1, events.countForUser(Kind.SMS, 2L, longAgo));

        clock.advance(Duration.ofDays(3));
        assertEquals(1, events.deleteOld());
        assertTrue(events.lastForUser(Kind.SMS, 2L).isEmpty());
    }
}
