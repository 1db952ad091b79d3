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

    /** 5 a second and 200 a minute, on the real clock. */
    public static RequestLimiter yclientsDefault() {
        return new RequestLimiter(List.of(new Window(5, 1_000_000_000L), new Window(200, 60_000_000_000L)),
                System::nanoTime, Sleeper.real());
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
                wait = waitNanos(now);
                if (wait <= 0) {
                    recent.addLast(now);
                    while (recent.size() > keep) {
                        recent.removeFirst();
                    }
                    return true;
                }
                if (now + wait > deadlineNanos) {
                    return false;
                }
            }
            sleeper.sleepNanos(wait);
        }
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
