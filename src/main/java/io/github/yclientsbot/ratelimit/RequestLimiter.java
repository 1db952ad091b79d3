package io.github.yclientsbot.ratelimit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * At most N requests in any sliding window (several windows at once: YCLIENTS allows 5 a second and 200 a minute;
 * Telegram about 30 messages a second per bot and 1 a second per chat):
 * a caller waits for a free slot, or gives up when none frees before its deadline. Sliding windows
 * over the times of recent requests; thread-safe.
 *
 * <p>Why not a library's token bucket (Bucket4j, Resilience4j, Guava, Failsafe): a bucket that refills 5 a second
 * lets through its burst of 5 and then one every 200 ms, up to 9 in the first second; one that refills all 5 at
 * each second's start lets 10 through across a boundary. Neither keeps "at most 5 in any second", which is how a
 * per-IP limit is safely read, short of refilling one at a time (no burst at all). The exact window costs a deque of
 * at most 200 times. Time and waiting are injected ({@code nanoTime}, {@link Sleeper}), so tests never sleep.
 */
public final class RequestLimiter {
    /** At most {@code permits} requests in any {@code windowNanos}. */
    public record Window(int permits, long windowNanos) {}

    private final List<Window> windows;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Deque<Long> recent = new ArrayDeque<>();
    private final int keep;

    public RequestLimiter(List<Window> windows, LongSupplier nanoTime, Sleeper sleeper) {
        this.windows = List.copyOf(windows);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.keep = windows.stream().mapToInt(Window::permits).max().orElse(0);
    }

    /** The limits this limiter keeps (empty: none). */
    public List<Window> windows() {
        return windows;
    }

    /** The clock this limiter reads (a scheduler in front of it waits on the same time). */
    LongSupplier nanoTime() {
        return nanoTime;
    }

    /** What this limiter waits with. */
    Sleeper sleeper() {
        return sleeper;
    }

    /**
     * YCLIENTS's 5 a second and 200 a minute, on the real clock, kept with a margin: what counts is when a request
     * reaches YCLIENTS, and requests let go 200 ms apart can arrive closer together (a busy machine, the network),
     * which a strict limit answers with 429. So: one at least every 250 ms, 5 in any 1.25 s, 200 in any 61 s — a
     * request may arrive 250 ms late before the one five later catches up with it. The booking benchmark (5/s and
     * 200/min enforced by arrival) got 429s with the exact windows, with 50 ms and with 100 ms of margin on a busy
     * machine. Over a minute or more the 200 decide, so the margin on the second costs nothing there.
     */
    public static RequestLimiter yclientsDefault() {
        return new RequestLimiter(List.of(new Window(1, 250_000_000L), new Window(5, 1_250_000_000L),
                new Window(200, 61_000_000_000L)), System::nanoTime, Sleeper.real());
    }

    /** No limit at all (tests of other behaviour). */
    public static RequestLimiter unlimited() {
        return new RequestLimiter(List.of(), System::nanoTime, nanos -> { });
    }

    /**
     * Takes a slot, waiting if needed.
     *
     * @return false when no slot frees up before {@code deadlineNanos} (nothing is taken then)
     */
    public boolean acquire(long deadlineNanos) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                wait = take(now);
                if (wait == 0) {
                    return true;
                }
                if (now + wait > deadlineNanos) {
                    return false;
                }
            }
            sleeper.sleepNanos(wait);
        }
    }

    /**
     * Takes a slot if every window has room now, without waiting: the step a scheduler in front of this limiter
     * (one that decides which of several waiting callers goes next) builds on.
     *
     * @return 0 when a slot was taken, else the nanoseconds until one frees up (nothing is taken then)
     */
    public synchronized long tryAcquire() {
        return take(nanoTime.getAsLong());
    }

    /** The nanoseconds until every window has room (0: a slot is free now); nothing is taken. */
    public synchronized long nanosUntilFree() {
        return waitNanos(nanoTime.getAsLong());
    }

    private long take(long now) {
        long wait = waitNanos(now);
        if (wait > 0) {
            return wait;
        }
        recent.addLast(now);
        while (recent.size() > keep) {
            recent.removeFirst();
        }
        return 0;
    }

    /** How long until every window has room (0 = now). */
    private long waitNanos(long now) {
        long wait = 0;
        for (Window w : windows) {
            if (recent.size() < w.permits()) {
                continue;
            }
            // the request that must leave the window before another may enter it
            long oldestInWindow = nth(recent.size() - w.permits());
            long free = oldestInWindow + w.windowNanos() - now;
            wait = Math.max(wait, free);
        }
        return wait;
    }

    private long nth(int index) {
        int i = 0;
        for (long t : recent) {
            if (i++ == index) {
                return t;
            }
        }
        throw new IllegalStateException("index " + index);
    }
}
