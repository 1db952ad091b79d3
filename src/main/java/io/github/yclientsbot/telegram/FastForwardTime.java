package io.github.yclientsbot.telegram;

import io.github.yclientsbot.ratelimit.Sleeper;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for tests of behaviour that jumps forward by every wait asked of it: {@link #sleepNanos} moves it on by
 * the whole wait and lets {@code sleeper} (a shortened one) sleep the thread a little, so loops that wait for a
 * moment on this clock reach it without waiting for it. The jump is shared by every thread (time passes faster for
 * everyone), which a pacer's pauses allow: they only ever end earlier.
 */
final class FastForwardTime {
    private final Sleeper sleeper;
    private final AtomicLong skipped = new AtomicLong();

    FastForwardTime(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    long nanoTime() {
        return System.nanoTime() + skipped.get();
    }

    void sleepNanos(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        skipped.addAndGet(nanos);
        sleeper.sleepNanos(nanos);
    }
}
