package io.github.yclientsbot.ratelimit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who the work running on this thread is done for, while it runs: the chat sets it to the customer whose update is
 * being handled, and the customer use cases charge their YCLIENTS calls to that customer's share. One instance, made
 * by the composition root and handed to both sides (nothing static); the value is restored when the work ends, so
 * a pooled worker thread carries nothing from one update to the next.
 */
public final class CallerScope {
    private final ThreadLocal<Caller> current = new ThreadLocal<>();

    /** Runs {@code work} on behalf of {@code caller}; the caller before it (or none) is back afterwards. */
    public <T> T call(Caller caller, Supplier<T> work) {
        Objects.requireNonNull(caller, "caller");
        Caller before = current.get();
        current.set(caller);
        try {
            return work.get();
        } finally {
            if (before == null) {
                current.remove();
            } else {
                current.set(before);
            }
        }
    }

    /** The caller this thread works for, or {@code fallback} outside {@link #call}. */
    public Caller current(Caller fallback) {
        Caller c = current.get();
        return c == null ? fallback : c;
    }
}
