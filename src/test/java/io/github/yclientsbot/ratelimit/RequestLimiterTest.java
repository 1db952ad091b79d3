package io.github.yclientsbot.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter on a fake clock: deterministic, no real waiting. */
class RequestLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(0);
    private final AtomicLong slept = new AtomicLong(0);
    private final RequestLimiter limiter = new RequestLimiter(
            List.of(new RequestLimiter.Window(5, SECOND), new RequestLimiter.Window(200, 60 * SECOND)),
            now::get, nanos -> {
                slept.addAndGet(nanos);
                now.addAndGet(nanos);
            });

    @Test
    void fiveASecondThenTheSixthWaitsForTheOldestToLeaveTheWindow() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.acquire(Long.MAX_VALUE));
        }
        assertEquals(0, slept.get());
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        assertEquals(SECOND, slept.get(), "the sixth request waits one second");
    }

    @Test
    void twoHundredAMinuteHoldsEvenWhenEachSecondHasRoom() throws Exception {
        for (int i = 0; i < 200; i++) {
            assertTrue(limiter.acquire(Long.MAX_VALUE));
        }
        long before = now.get();
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        // the first of the 200 was at t=0: the 201st may go only at t=60 s
        assertEquals(60 * SECOND, now.get());
        assertTrue(now.get() - before > SECOND);
    }

    @Test
    void givesUpAtOnceWhenNoSlotFreesBeforeTheDeadline() throws Exception {
        for (int i = 0; i < 5; i++) {
            limiter.acquire(Long.MAX_VALUE);
        }
        assertFalse(limiter.acquire(now.get() + SECOND / 2));
        assertEquals(0, slept.get(), "it did not wait for nothing");
    }

    @Test
    void tryAcquireTakesAFreeSlotOrSaysHowLongUntilOneFreesWithoutWaiting() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.tryAcquire());
        }
        now.addAndGet(SECOND / 4);
        assertEquals(3 * SECOND / 4, limiter.tryAcquire(), "the oldest of the five leaves the window in 0.75 s");
        assertEquals(3 * SECOND / 4, limiter.tryAcquire(), "asking took nothing");
        now.addAndGet(3 * SECOND / 4);
        assertEquals(0, limiter.tryAcquire());
        assertEquals(0, slept.get());
    }
}
