package io.github.yclientsbot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One user sending more than {@code maxUpdates} updates within {@code window} gets one notice, and their
 * further updates in that window are not answered, so one person cannot use up the bot's sending budget.
 * {@code maxUpdates} or {@code window} of 0 turns it off. Thread-safe.
 */
public final class FloodGuard {
    /** What to do with one update. */
    public enum Verdict { ANSWER, NOTICE, IGNORE }

    private static final int CLEANUP_EVERY = 1000;

    private final int maxUpdates;
    private final long windowMillis;
    private final Clock clock;
    private final Map<Long, Recent> users = new HashMap<>();
    private int checks;

    /** The last {@code maxUpdates + 1} update times of one user, and when they were last told to slow down. */
    private static final class Recent {
        final ArrayDeque<Long> times = new ArrayDeque<>();
        long noticedAt = Long.MIN_VALUE;
    }

    /** {@code maxUpdates} per user within {@code window}; 0 (or a zero window) turns it off. */
    public FloodGuard(int maxUpdates, Duration window, Clock clock) {
        this.maxUpdates = maxUpdates;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    boolean enabled() {
        return maxUpdates > 0 && windowMillis > 0;
    }

    /** Counts one update from {@code userId} (0: no user, always answered) and says what to do with it. */
    synchronized Verdict check(long userId) {
        if (!enabled() || userId == 0) {
            return Verdict.ANSWER;
        }
        long now = clock.millis();
        if (++checks % CLEANUP_EVERY == 0) {
            users.values().removeIf(r -> r.times.isEmpty() || r.times.peekLast() <= now - windowMillis);
        }
        Recent recent = users.computeIfAbsent(userId, id -> new Recent());
        recent.times.addLast(now);
        while (recent.times.size() > maxUpdates + 1) {
            recent.times.removeFirst();
        }
        boolean over = recent.times.size() > maxUpdates && recent.times.peekFirst() > now - windowMillis;
        if (!over) {
            return Verdict.ANSWER;
        }
        if (recent.noticedAt > now - windowMillis) {
            return Verdict.IGNORE;
        }
        recent.noticedAt = now;
        return Verdict.NOTICE;
    }
}
