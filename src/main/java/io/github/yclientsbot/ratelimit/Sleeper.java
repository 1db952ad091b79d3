package io.github.yclientsbot.ratelimit;

import java.time.Duration;

/**
 * Waiting, as a seam: production sleeps the thread; tests pass a sleeper that moves a fake clock or waits a
 * fraction of the time, so no test waits for real seconds.
 */
@FunctionalInterface
public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;

    default void sleep(Duration duration) throws InterruptedException {
        sleepNanos(Math.max(0, duration.toNanos()));
    }

    /** Sleeps the calling thread. */
    static Sleeper real() {
        return nanos -> {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    /**
     * Sleeps {@code 1/divisor} of each wait (at most {@code capMillis}): for tests where a retry loop must still
     * yield the CPU (a back-off against a fake server) but the real length of the wait does not matter.
     */
    static Sleeper shortened(int divisor, long capMillis) {
        if (divisor < 1 || capMillis < 0) {
            throw new IllegalArgumentException("divisor >= 1, cap >= 0");
        }
        return nanos -> {
            long shortened = Math.min(nanos / divisor, capMillis * 1_000_000);
            if (shortened > 0) {
                Thread.sleep(shortened / 1_000_000, (int) (shortened % 1_000_000));
            }
        };
    }
}
