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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reminders' notes on H2 and PostgreSQL: each reminder done once, the /reminders choice with its time, one "I'll come" per visit. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ReminderStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");
    private static final Instant VISIT = Instant.parse("2026-12-01T07:00:00Z");

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(NOW);
    private Database database;
    private ReminderStore store;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:reminder-notes-" + System.nanoTime()).open(clock);
        store = database.reminders();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aReminderIsNotedDoneOncePerVisitStartAndCounted() {
        assertTrue(store.markDone(502817, 1, 1440, VISIT, 3003, ReminderStore.Outcome.SENT));
        assertFalse(store.markDone(502817, 1, 1440, VISIT, 3003, ReminderStore.Outcome.SKIPPED), "noted before");
        assertEquals(Optional.of(ReminderStore.Outcome.SENT), store.done(502817, 1, 1440, VISIT));
        assertEquals(Optional.empty(), store.done(502817, 1, 1440, VISIT.plus(Duration.ofDays(1))), "moved: due again");
        store.markDone(502817, 1, 120, VISIT, 3003, ReminderStore.Outcome.SKIPPED);
        store.markDone(502817, 2, 120, VISIT, 3004, ReminderStore.Outcome.UNDELIVERED);
        assertEquals(Set.of(1440, 120), store.doneOffsets(502817, 1, VISIT));
        assertEquals(1, store.count(ReminderStore.Outcome.SENT, NOW.minusSeconds(1)));
        assertEquals(1, store.count(ReminderStore.Outcome.UNDELIVERED, NOW.minusSeconds(1)));
        assertEquals(0, store.count(ReminderStore.Outcome.SENT, NOW.plusSeconds(1)));
        assertEquals(1, store.remindedVisits(NOW.minus(Duration.ofDays(7))));
    }

    @Test
    void followUpsAreNotedWithOffsetZeroAndCountedApartFromReminders() {
        store.markDone(502817, 1, 1440, VISIT, 3003, ReminderStore.Outcome.SENT);
        assertTrue(store.markDone(502817, 1, 0, VISIT, 3003, ReminderStore.Outcome.SENT));
        assertFalse(store.markDone(502817, 1, 0, VISIT, 3003, ReminderStore.Outcome.SENT), "a follow-up goes once");
        store.markDone(502817, 2, 0, VISIT, 3004, ReminderStore.Outcome.SKIPPED);
        assertEquals(1, store.count(ReminderStore.Outcome.SENT, NOW.minusSeconds(1)), "reminders only");
        assertEquals(1, store.followups(ReminderStore.Outcome.SENT, NOW.minusSeconds(1)));
        assertEquals(1, store.followups(ReminderStore.Outcome.SKIPPED, NOW.minusSeconds(1)));
        assertEquals(0, store.followups(ReminderStore.Outcome.SENT, NOW.plusSeconds(1)));
        assertEquals(1, store.remindedVisits(NOW.minus(Duration.ofDays(7))), "a follow-up is no reminder");
    }

    @Test
    void theChoiceIsKeptWithItsTimeAndIllComeOncePerVisit() {
        assertEquals(Optional.empty(), store.choice(3003));
        store.choose(3003, false);
        clock.advance(Duration.ofHours(1));
        assertEquals(Optional.of(new ReminderStore.Choice(false, NOW)), store.choice(3003));
        store.choose(3003, true);
        assertEquals(Optional.of(new ReminderStore.Choice(true, NOW.plus(Duration.ofHours(1)))), store.choice(3003));

        assertTrue(store.confirmOnce(502817, 1, 3003, "ASKING"));
        assertFalse(store.confirmOnce(502817, 1, 3003, "ASKING"));
        store.confirmed(502817, 1, "FAILED");
        assertEquals(Optional.of("FAILED"), store.confirmation(502817, 1));
        assertEquals(1, store.confirmations(NOW.minus(Duration.ofDays(7)), null));
        assertEquals(1, store.confirmations(NOW.minus(Duration.ofDays(7)), "FAILED"));
        assertEquals(0, store.confirmations(NOW.minus(Duration.ofDays(7)), "CONFIRMED"));
    }

    @Test
    void forgetDeletesTheCustomersNotesAndOldOnesGo() {
        store.markDone(502817, 1, 1440, VISIT, 3003, ReminderStore.Outcome.SENT);
        store.markDone(502817, 2, 1440, VISIT, 3004, ReminderStore.Outcome.SENT);
        store.choose(3003, false);
        store.confirmOnce(502817, 1, 3003, "CONFIRMED");
        assertEquals(3, store.forget(3003));
        assertEquals(Optional.empty(), store.choice(3003));
        assertEquals(Optional.empty(), store.confirmation(502817, 1));
        assertEquals(Optional.of(ReminderStore.Outcome.SENT), store.done(502817, 2, 1440, VISIT), "another customer's stays");
        assertEquals(1, store.deleteOld(VISIT.plusSeconds(1)));
        assertEquals(Optional.empty(), store.done(502817, 2, 1440, VISIT));
    }
}
