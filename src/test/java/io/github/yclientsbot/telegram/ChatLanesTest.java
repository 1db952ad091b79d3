package io.github.yclientsbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lanes alone, with tasks that are plain strings "chat:n". */
class ChatLanesTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private ChatLanes<String> lanes;

    @AfterEach
    void stop() {
        release.countDown();
        if (lanes != null) {
            lanes.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(5), () -> { });
        }
    }

    /** Runs a task by recording it; tasks of chat 7 wait for {@link #release} first. */
    private boolean run(String task) {
        if (task.startsWith("7:")) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ran.add(task);
        return false;
    }

    @Test
    void aHeldChatDoesNotHoldUpTheOthersAndEachChatRunsInOrder() {
        lanes = new ChatLanes<>(this::run, 2, 100);
        lanes.submit(7, "7:1");
        lanes.submit(7, "7:2");
        lanes.submit(8, "8:1");
        lanes.submit(8, "8:2");
        Awaitility.await().atMost(WAIT).until(() -> ran.size() == 2);
        assertEquals(List.of("8:1", "8:2"), ran, "chat 8 ran while chat 7 was held");
        assertEquals(2, lanes.backlog());

        release.countDown();
        Awaitility.await().atMost(WAIT).until(() -> lanes.backlog() == 0);
        assertEquals(List.of("8:1", "8:2", "7:1", "7:2"), ran);
    }

    @Test
    void aTaskHandedOnStaysInTheBacklogUntilReleasedAndIsNotCountedByItsOwnWorker() {
        List<Integer> seenByWorker = new CopyOnWriteArrayList<>();
        lanes = new ChatLanes<>(task -> {
            seenByWorker.add(lanes.backlogSeenHere());
            return true;
        }, 1, 100);
        lanes.submit(1, "1:1");
        lanes.submit(2, "2:1");
        Awaitility.await().atMost(WAIT).until(() -> seenByWorker.size() == 2);
        assertEquals(2, lanes.backlog(), "handed on, not yet released");
        assertTrue(seenByWorker.get(0) <= 1, "the running task is not counted by its own worker: " + seenByWorker);

        lanes.release(2);
        assertEquals(0, lanes.backlog());
    }

    @Test
    void finishGivesUpOnWhatDoesNotEndInTime() {
        lanes = new ChatLanes<>(this::run, 1, 100);
        lanes.submit(7, "7:1");
        List<String> gaveUp = new CopyOnWriteArrayList<>();
        Awaitility.await().atMost(WAIT).until(() -> lanes.backlog() == 1);
        assertEquals(false, lanes.finish(System.nanoTime(), () -> gaveUp.add("yes")));
        assertEquals(List.of("yes"), gaveUp);
    }
}
