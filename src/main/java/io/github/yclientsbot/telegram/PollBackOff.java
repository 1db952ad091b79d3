package io.github.yclientsbot.telegram;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between failed getUpdates calls: 0.5 s doubling to at most {@code maxMillis}, with jitter.
 * (The library's default jumps to a 15-minute wait once an outage has lasted 15 minutes.)
 */
final class PollBackOff implements BackOff {
    private final long initialMillis;
    private final long maxMillis;
    private long current;

    PollBackOff(long initialMillis, long maxMillis) {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.current = initialMillis;
    }

    @Override
    public synchronized void reset() {
        current = initialMillis;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long base = current;
        current = Math.min(maxMillis, current * 2);
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Math.min(maxMillis, base - base / 8 + jitter);
    }
}
