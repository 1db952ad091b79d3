package io.github.yclientsbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandledRecorderTest {
    private final List<List<Long>> writes = new CopyOnWriteArrayList<>();
    private final AtomicInteger written = new AtomicInteger();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

    private static void await(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(2))
                .until(condition::getAsBoolean);
    }

    @Test
    void idsHandedOverWhileAWriteRunsGoIntoTheNextWriteTogether() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        HandledRecorder recorder = new HandledRecorder(ids -> {
            writes.add(ids);
            if (writes.size() == 1) {
                firstWriteStarted.countDown();
                try {
                    releaseFirstWrite.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, written::addAndGet, failures::add, 0, 256);
        recorder.record(1);
        assertTrue(firstWriteStarted.await(15, TimeUnit.SECONDS));
        for (long id = 2; id <= 50; id++) {
            recorder.record(id);
        }
        releaseFirstWrite.countDown();
        await(() -> written.get() == 50);

        assertEquals(List.of(1L), writes.get(0));
        List<Long> rest = new ArrayList<>();
        writes.subList(1, writes.size()).forEach(rest::addAll);
        assertEquals(49, rest.size());
        assertEquals(2, writes.size(), "the 49 that gathered meanwhile are one write: " + writes);
        recorder.close();
    }

    @Test
    void closeWritesEverythingHandedOverAndLaterIdsAreWrittenAtOnce() {
        HandledRecorder recorder = new HandledRecorder(writes::add, written::addAndGet, failures::add, 50, 256);
        for (long id = 1; id <= 10; id++) {
            recorder.record(id);
        }
        recorder.close();
        assertEquals(10, written.get(), "nothing handed over is left unwritten by close");

        recorder.record(11);
        assertEquals(11, written.get());
        assertEquals(List.of(11L), writes.get(writes.size() - 1));
    }

    @Test
    void aFailedWriteIsReportedAndItsIdsStillLeaveTheCount() throws Exception {
        HandledRecorder recorder = new HandledRecorder(ids -> {
            throw new IllegalStateException("database down");
        }, written::addAndGet, failures::add, 0, 256);
        recorder.record(1);
        await(() -> written.get() == 1);
        assertEquals(1, failures.size());
        recorder.close();
    }
}
