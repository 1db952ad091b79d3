package io.github.yclientsbot.company;

import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.yclients.YclientsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cache of YCLIENTS answers: expiry on the injected clock, one call for concurrent misses, failures not kept. */
class YclientsCacheTest {
    private static final Duration TTL = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final YclientsCache<String, String> cache = new YclientsCache<>(clock, TTL);
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "value " + loads.incrementAndGet();
    }

    @Test
    void aValueIsKeptForTheTtlOfTheInjectedClockThenLoadedAgain() throws Exception {
        assertEquals("value 1", cache.get("company", this::load));

        clock.advance(TTL.minusSeconds(1));
        assertEquals("value 1", cache.get("company", this::load), "still fresh a second before the TTL");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("value 2", cache.get("company", this::load), "expired at the TTL");
        assertEquals(2, loads.get());
    }

    @Test
    void keysAreCachedApartAndClearForgetsThemAll() throws Exception {
        assertEquals("value 1", cache.get("staff:1", this::load));
        assertEquals("value 2", cache.get("staff:2", this::load));
        assertEquals("value 1", cache.get("staff:1", this::load));

        cache.clear();

        assertEquals("value 3", cache.get("staff:1", this::load), "an admin change clears the cache");
    }

    @Test
    void aFailedLoadReachesTheCallerAsItCameAndIsNotCached() throws Exception {
        YclientsException down = YclientsException.http("GET", "/api/v1/company/1", 503, null, "down");

        YclientsException thrown = assertThrows(YclientsException.class, () -> cache.get("company", () -> {
            loads.incrementAndGet();
            throw down;
        }));

        assertSame(down, thrown);
        assertEquals("value 2", cache.get("company", this::load), "the next call loads again");
    }

    @Test
    void concurrentMissesForOneKeyMakeOneCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        YclientsCache.Loader<String> slowLoad = () -> {
            loads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "catalog";
        };
        List<FutureTask<String>> calls = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            FutureTask<String> call = new FutureTask<>(() -> cache.get("catalog", slowLoad));
            Thread thread = new Thread(call, "cache-miss-" + i);
            calls.add(call);
            threads.add(thread);
            thread.start();
        }
        // every caller is inside get(): one in the loader (waiting on the latch), the others waiting for its value;
        // a cache without single flight would have them all in the loader, waiting on the latch too
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.stream().allMatch(
                t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED));

        release.countDown();

        for (FutureTask<String> call : calls) {
            assertEquals("catalog", result(call));
        }
        assertEquals(1, loads.get(), "one call to YCLIENTS for four concurrent misses");
    }

    @Test
    void whenTheLoadTheOthersWaitedForFailsOneOfThemLoadsAgain() throws Exception {
        YclientsException down = YclientsException.http("GET", "/api/v1/company/1", 503, null, "down");
        CountDownLatch release = new CountDownLatch(1);
        YclientsCache.Loader<String> firstFails = () -> {
            if (loads.incrementAndGet() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw down;
            }
            return "company";
        };
        List<FutureTask<String>> calls = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FutureTask<String> call = new FutureTask<>(() -> cache.get("company", firstFails));
            Thread thread = new Thread(call, "cache-miss-" + i);
            calls.add(call);
            threads.add(thread);
            thread.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.stream().allMatch(
                t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED));

        release.countDown();

        int failed = 0;
        for (FutureTask<String> call : calls) {
            try {
                assertEquals("company", call.get());
            } catch (ExecutionException e) {
                assertSame(down, e.getCause());
                failed++;
            }
        }
        assertEquals(1, failed, "the caller whose load failed gets its failure");
        assertEquals(2, loads.get(), "the failure was not cached: one waiting caller loaded again, the last got that");
    }

    private static String result(FutureTask<String> call) throws InterruptedException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new AssertionError("a caller failed", e.getCause());
        }
    }
}
