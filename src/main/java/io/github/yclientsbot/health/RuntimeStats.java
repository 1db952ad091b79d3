package io.github.yclientsbot.health;

import io.github.yclientsbot.logging.SecretRedactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Counters support sees in /status (updates handled, errors since start and the last one, short, secrets
 * redacted) and the ones {@code GET /metrics} exposes (replies sent, handling latency, YCLIENTS calls by
 * outcome, send-queue depth). Updated by every transport; thread-safe.
 */
public final class RuntimeStats {
    private static final int MAX_ERROR_LENGTH = 200;

    private final Clock clock;
    private final Instant startedAt;
    private final AtomicLong updatesHandled = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile LastError lastError;
    private final Map<String, LongAdder> repliesSent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> yclientsCalls = new ConcurrentHashMap<>();
    private final LatencyHistogram handling = new LatencyHistogram(LatencyHistogram.DEFAULT_BOUNDS);
    private volatile IntSupplier sendQueueDepth = () -> 0;
    private volatile IntSupplier updateQueueDepth = () -> 0;
    private final LongAdder floodLimited = new LongAdder();

    /** Reply kinds, so every series exists (at 0) from the start. */
    public static final List<String> REPLY_KINDS = List.of("send", "edit", "delete", "answer_callback", "set_commands");
    /** {@code ok}, or a failed call's {@code YclientsException.Kind} in lower case. */
    public static final List<String> YCLIENTS_OUTCOMES = List.of("ok", "http", "network", "timeout", "bad_response");

    public RuntimeStats(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
        REPLY_KINDS.forEach(k -> repliesSent.put(k, new LongAdder()));
        YCLIENTS_OUTCOMES.forEach(o -> yclientsCalls.put(o, new LongAdder()));
    }

    public record LastError(Instant at, String summary) {}

    /** One update handled, without a latency (prefer {@link #updateHandled(Duration)}). */
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

    /** One update handled (any outcome), and how long handling and answering it took. */
    public void updateHandled(Duration took) {
        updatesHandled.incrementAndGet();
        handling.record(took);
    }

    /** A reply action the transport delivered, by kind ({@link #REPLY_KINDS}). */
    public void replySent(String kind) {
        repliesSent.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A YCLIENTS call finished with {@code outcome} ({@link #YCLIENTS_OUTCOMES}). */
    public void yclientsCall(String outcome) {
        yclientsCalls.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /** Where the send-queue depth comes from once replies are queued; 0 until then. */
    public void sendQueueDepthFrom(IntSupplier depth) {
        this.sendQueueDepth = depth;
    }

    public int sendQueueDepth() {
        return sendQueueDepth.getAsInt();
    }

    /** Where the number of received updates waiting to be handled comes from; 0 until set. */
    public void updateQueueDepthFrom(IntSupplier depth) {
        this.updateQueueDepth = depth;
    }

    /** Received updates not yet handled (queued in memory, stored in the inbox). */
    public int updateQueueDepth() {
        return updateQueueDepth.getAsInt();
    }

    /** An update from a user over the flood limit: one notice, or not answered. */
    public void floodLimited() {
        floodLimited.increment();
    }

    public long floodLimitedCount() {
        return floodLimited.sum();
    }

    /** Replies sent by kind, sorted by kind. */
    public Map<String, Long> repliesSent() {
        Map<String, Long> out = new TreeMap<>();
        repliesSent.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** YCLIENTS calls by outcome, sorted by outcome. */
    public Map<String, Long> yclientsCalls() {
        Map<String, Long> out = new TreeMap<>();
        yclientsCalls.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public LatencyHistogram.Snapshot handlingLatency() {
        return handling.snapshot();
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
