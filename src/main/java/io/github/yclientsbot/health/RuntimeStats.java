package io.github.yclientsbot.health;

import io.github.yclientsbot.logging.SecretRedactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Counters support sees in /status: updates handled, errors since start and the last one (short, secrets redacted). */
public final class RuntimeStats {
    private static final int MAX_ERROR_LENGTH = 200;

    private final Clock clock;
    private final Instant startedAt;
    private final AtomicLong updatesHandled = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile LastError lastError;

    public RuntimeStats(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public record LastError(Instant at, String summary) {}

    public void updateHandled() {
        updatesHandled.incrementAndGet();
    }

    public void error(String where, Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        error(where, text);
    }

    public void error(String where, String text) {
        errors.incrementAndGet();
        String summary = SecretRedactor.redact(where + ": " + text).replaceAll("\\s+", " ");
        if (summary.length() > MAX_ERROR_LENGTH) {
            summary = summary.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        }
        lastError = new LastError(clock.instant(), summary);
    }

    public long updatesHandled() {
        return updatesHandled.get();
    }

    public long errors() {
        return errors.get();
    }

    public Optional<LastError> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Duration uptime() {
        return Duration.between(startedAt, clock.instant());
    }
}
