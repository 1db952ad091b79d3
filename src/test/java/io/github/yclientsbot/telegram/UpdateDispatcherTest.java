package io.github.yclientsbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.UpdateInbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The dispatcher with a hand-written handler and a real (in-memory) inbox. */
class UpdateDispatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ObjectMapper mapper = BotApplication.objectMapper();
    private final Clock clock = Clock.systemUTC();
    private final RuntimeStats stats = new RuntimeStats(clock, new SimpleMeterRegistry());
    private final List<Long> handled = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Updates of the held chat that have entered the handler (and wait there for {@link #release}). */
    private final List<Long> held = new CopyOnWriteArrayList<>();
    private Database database;
    private final List<UpdateDispatcher> dispatchers = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        database = Database.open("jdbc:h2:mem:dispatch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, clock);
    }

    @AfterEach
    void close() {
        release.countDown();
        dispatchers.forEach(d -> d.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
        database.close();
    }

    private UpdateDispatcher dispatcher(UpdateDispatcher.Handling handling, int workers, int maxBacklog) {
        UpdateDispatcher d = new UpdateDispatcher(new io.github.yclientsbot.InboxStore(database.inbox()), mapper, handling,
                new FloodGuard(0, Duration.ZERO, clock), user -> false, stats, clock, workers, maxBacklog);
        dispatchers.add(d);
        return d;
    }

    private Update update(long id, long chat) throws Exception {
        return mapper.readValue("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"U\"},\"text\":\"hi\"}}", Update.class);
    }

    /** Records the update; holds the ones in {@code heldChat} until {@link #release} opens. */
    private UpdateDispatcher.Handling recording(long heldChat) {
        return (Update u, FloodGuard.Verdict v, BooleanSupplier abandoned) -> {
            if (UpdateDispatcher.chatOf(u) == heldChat) {
                held.add((long) u.getUpdateId());
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (abandoned.getAsBoolean()) {
                    return false;
                }
            }
            handled.add((long) u.getUpdateId());
            return true;
        };
    }

    private void await(BooleanSupplier condition, String what) {
        org.awaitility.Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
    }

    @Test
    void consumeBlocksWhileTooManyUpdatesWaitAndResumesWhenTheyAreHandled() throws Exception {
        UpdateDispatcher d = dispatcher(recording(7), 1, 2);
        List<Update> batch = List.of(update(1, 7), update(2, 7), update(3, 7), update(4, 7), update(5, 7));
        Thread poller = new Thread(() -> d.consume(batch), "test-poller");
        poller.start();
        await(() -> d.backlog() == 5 && poller.getState() == Thread.State.TIMED_WAITING, "consume waits for space");
        assertEquals(5, database.inbox().waitingCount(), "the batch was stored before consume began to wait");
        assertTrue(poller.isAlive());

        release.countDown();
        poller.join(WAIT.toMillis());
        assertFalse(poller.isAlive(), "consume returned once the backlog went down");
        await(() -> handled.size() == 5, "all handled");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), handled);
        await(() -> database.inbox().waitingCount() == 0, "the inbox is empty");
        assertEquals(0, d.backlog());
    }

    @Test
    void aHandlerThatThrowsDoesNotStopItsWorkerOrTheChat() throws Exception {
        UpdateDispatcher d = dispatcher((u, v, abandoned) -> {
            if (u.getUpdateId() == 1) {
                throw new IllegalStateException("boom");
            }
            handled.add((long) u.getUpdateId());
            return true;
        }, 1, 100);
        d.consume(List.of(update(1, 7), update(2, 7)));
        d.consume(List.of(update(3, 8)));
        await(() -> handled.size() == 2 && d.backlog() == 0, "the other updates are handled");
        assertEquals(java.util.Set.of(2L, 3L), java.util.Set.copyOf(handled), "chats take turns, so in any order");
        assertEquals(1, stats.errors());
        assertTrue(database.inbox().isHandled(1), "a failed update is not retried forever");
    }

    @Test
    void anUpdateReceivedTwiceIsHandledOnce() throws Exception {
        UpdateDispatcher d = dispatcher(recording(-1), 2, 100);
        d.consume(List.of(update(1, 7), update(2, 8)));
        d.consume(List.of(update(1, 7), update(2, 8), update(3, 7)));
        await(() -> d.backlog() == 0 && handled.size() == 3, "handled");
        d.consume(List.of(update(3, 7)));
        await(() -> d.backlog() == 0, "handled");
        assertEquals(3, handled.size(), "each once: " + handled);
    }

    @Test
    void afterTheBudgetRunsOutWhatIsLeftIsHandledAtTheNextStartInOrder() throws Exception {
        UpdateDispatcher first = dispatcher(recording(7), 2, 100);
        first.consume(List.of(update(1, 7), update(2, 7), update(3, 8), update(4, 7)));
        await(() -> handled.contains(3L), "the other chat is handled");
        // the held update must be inside its handler: a worker that has not picked it up yet stops at once
        await(() -> held.contains(1L), "the first update of the held chat is being handled");

        assertFalse(first.finish(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)), "the held update did not finish");
        release.countDown();
        assertEquals(List.of(1L, 2L, 4L), database.inbox().waiting().stream().map(UpdateInbox.Entry::updateId).toList());

        handled.clear();
        UpdateDispatcher second = dispatcher(recording(-1), 2, 100);
        second.recover();
        await(() -> second.backlog() == 0 && handled.size() == 3, "the left-over updates are handled");
        assertEquals(List.of(1L, 2L, 4L), handled);
        assertEquals(0, database.inbox().waitingCount());
    }

    @Test
    void theQueueSeenWhileHandlingAnUpdateLeavesThatUpdateOut() throws Exception {
        // what /status shows as "Update queue" while it is itself being handled
        List<Integer> seenByHandler = new CopyOnWriteArrayList<>();
        CountDownLatch batchQueued = new CountDownLatch(1);
        UpdateDispatcher d = dispatcher((u, v, abandoned) -> {
            // the worker may start on the first update before consume has queued the other two: look once it has
            try {
                batchQueued.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seenByHandler.add(stats.updateQueueDepth());
            return recording(7).handle(u, v, abandoned);
        }, 1, 100);
        d.consume(List.of(update(1, 7), update(2, 7), update(3, 8)));
        batchQueued.countDown();
        await(() -> seenByHandler.size() == 1, "the first update is being handled");

        assertEquals(List.of(2), seenByHandler, "the other two wait; the one being handled is not counted");
        assertEquals(3, stats.updateQueueDepth(), "seen from elsewhere (/metrics) every update not yet handled counts");
        release.countDown();
        await(() -> d.backlog() == 0, "all handled and recorded");
        assertEquals(0, stats.updateQueueDepth());
        assertEquals(0, database.inbox().waitingCount());
    }

    @Test
    void whenTheInboxCannotBeWrittenTheBatchIsHandledBeforeConsumeReturns() throws Exception {
        UpdateDispatcher d = dispatcher(recording(-1), 2, 100);
        database.close();
        d.consume(List.of(update(1, 7), update(2, 8)));
        assertEquals(List.of(1L, 2L), handled, "handled in order, in the polling thread, before Telegram is told");
        assertTrue(stats.errors() >= 1);
    }
}
