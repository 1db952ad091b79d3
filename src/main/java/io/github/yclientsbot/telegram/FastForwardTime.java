package io.github.yclientsbot.telegram;

import io.github.yclientsbot.ratelimit.Sleeper;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for tests of behaviour that jumps over every wait asked of it: {@link #sleepNanos} moves it on to the
 * moment the wait ends and lets {@code sleeper} (a shortened one) sleep the thread a little, so loops that wait for
 * a moment on this clock reach it without waiting for it. The jump is shared by every thread (time passes faster
 * for everyone), which a pacer's pauses allow: they only ever end earlier.
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
        long target = nanoTime() + nanos;
        // the clock jumps to the moment this sleep ends (two threads sleeping a second side by side: one second)
        skipped.accumulateAndGet(target - System.nanoTime(), Math::max);
        sleeper.sleepNanos(nanos);
    }
}
