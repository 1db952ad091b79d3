package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class UpdateInboxTest {

    @Parameter
    TestDatabase db;

    private final Instant start = Instant.parse("2025-03-01T10:00:00Z");
    private final TestClock clock = new TestClock(start);
    private Database database;
    private UpdateInbox inbox;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:inbox-" + System.nanoTime()).open(clock);
        inbox = database.inbox();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static UpdateInbox.Entry entry(long id, long chat) {
        return new UpdateInbox.Entry(id, chat, "{\"update_id\":" + id + ",\"text\":\"привет " + "x".repeat(5000) + "\"}",
                Instant.EPOCH);
    }

    @Test
    void addedUpdatesWaitInUpdateIdOrderWithTheirPayload() {
        List<UpdateInbox.Entry> added = inbox.add(List.of(entry(12, -100_123_456_789L), entry(11, 7)));

        assertEquals(List.of(12L, 11L), added.stream().map(UpdateInbox.Entry::updateId).toList());
        assertEquals(start, added.get(0).receivedAt());
        List<UpdateInbox.Entry> waiting = inbox.waiting();
        assertEquals(List.of(11L, 12L), waiting.stream().map(UpdateInbox.Entry::updateId).toList());
        assertEquals(-100_123_456_789L, waiting.get(1).chatId());
        assertEquals(entry(12, 0).payload(), waiting.get(1).payload());
        assertEquals(start, waiting.get(0).receivedAt());
        assertEquals(2, inbox.waitingCount());
    }

    @Test
    void anUpdateWaitingOrHandledIsNotAddedAgain() {
        inbox.add(List.of(entry(1, 7), entry(2, 7)));
        inbox.markHandled(1);

        List<UpdateInbox.Entry> added = inbox.add(List.of(entry(1, 7), entry(2, 7), entry(3, 8)));

        assertEquals(List.of(3L), added.stream().map(UpdateInbox.Entry::updateId).toList());
        assertEquals(List.of(2L, 3L), inbox.waiting().stream().map(UpdateInbox.Entry::updateId).toList());
    }

    @Test
    void markingHandledMovesTheIdOutOfTheInboxAndIsIdempotent() {
        inbox.add(List.of(entry(5, 7)));
        assertFalse(inbox.isHandled(5));

        inbox.markHandled(5);
        inbox.markHandled(5);
        inbox.markHandled(6);

        assertTrue(inbox.isHandled(5));
        assertTrue(inbox.isHandled(6));
        assertEquals(0, inbox.waitingCount());
    }

    @Test
    void aGroupOfHandledIdsIsRecordedInOneGoIncludingOnesRecordedBefore() {
        inbox.add(List.of(entry(1, 7), entry(2, 8), entry(3, 7), entry(4, 9)));
        inbox.markHandled(2);

        inbox.markHandled(List.of(1L, 2L, 3L, 3L, 99L));

        assertEquals(List.of(4L), inbox.waiting().stream().map(UpdateInbox.Entry::updateId).toList());
        for (long id : List.of(1L, 2L, 3L, 99L)) {
            assertTrue(inbox.isHandled(id), "update " + id);
        }
        assertFalse(inbox.isHandled(4));
    }

    @Test
    void largeGroupsAreSplitAndStillSeeEveryKnownId() {
        List<UpdateInbox.Entry> many = new java.util.ArrayList<>();
        for (long id = 1; id <= 700; id++) {
            many.add(new UpdateInbox.Entry(id, id % 13, "{}", Instant.EPOCH));
        }
        assertEquals(700, inbox.add(many).size());
        List<Long> handled = new java.util.ArrayList<>();
        for (long id = 1; id <= 700; id += 2) {
            handled.add(id);
        }
        inbox.markHandled(handled);

        assertEquals(350, inbox.waitingCount());
        List<UpdateInbox.Entry> again = new java.util.ArrayList<>(many);
        again.add(new UpdateInbox.Entry(701, 1, "{}", Instant.EPOCH));
        assertEquals(List.of(701L), inbox.add(again).stream().map(UpdateInbox.Entry::updateId).toList());
        assertTrue(inbox.isHandled(699));
        assertFalse(inbox.isHandled(700));
    }

    @Test
    void anUpdateTwiceInOneBatchIsStoredOnce() {
        List<UpdateInbox.Entry> added = inbox.add(List.of(entry(1, 7), entry(1, 7), entry(2, 7)));

        assertEquals(List.of(1L, 2L), added.stream().map(UpdateInbox.Entry::updateId).toList());
        assertEquals(2, inbox.waitingCount());
    }

    @Test
    void pruningForgetsOnlyOldHandledIds() {
        inbox.markHandled(1);
        clock.advance(Duration.ofHours(25));
        inbox.markHandled(2);

        assertEquals(1, inbox.pruneHandled(clock.instant().minus(Duration.ofHours(24))));

        assertFalse(inbox.isHandled(1));
        assertTrue(inbox.isHandled(2));
    }

    @Test
    void theInboxSurvivesReopeningTheDatabase() throws Exception {
        TestDatabase.Target target = db == TestDatabase.H2
                ? new TestDatabase.Target("jdbc:h2:mem:inbox-reopen-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null)
                : TestDatabase.inSchema(getClass());
        database.close();
        database = target.open(clock);
        database.inbox().add(List.of(entry(40, 9)));
        database.close();
        database = target.open(clock);
        assertEquals(List.of(40L), database.inbox().waiting().stream().map(UpdateInbox.Entry::updateId).toList());
    }
}
