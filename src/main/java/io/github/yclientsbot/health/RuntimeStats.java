package io.github.yclientsbot.health;

import io.github.yclientsbot.logging.SecretRedactor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * Counters support sees in /status (updates handled, errors since start and the last one, short, secrets
 * redacted) and the ones {@code GET /metrics} exposes (replies sent, handling latency, YCLIENTS calls by
 * outcome, queue depths): a facade over the bot's Micrometer registry, whose meter names give the Prometheus
 * names {@code yclients_bot_…} (counters get {@code _total}, the timer is a histogram in seconds with fixed
 * buckets). Updated by every transport; thread-safe.
 */
public final class RuntimeStats {
    private static final int MAX_ERROR_LENGTH = 200;
    private static final String PREFIX = "yclients.bot.";

    /** Reply kinds, so every series exists (at 0) from the start. */
    public static final List<String> REPLY_KINDS = List.of("send", "edit", "delete", "answer_callback", "set_commands");
    /** {@code ok}, or a failed call's {@code YclientsException.Kind} in lower case. */
    public static final List<String> YCLIENTS_OUTCOMES = List.of("ok", "http", "network", "timeout", "bad_response");
    /** What became of a visit's reminder: sent, skipped on purpose, or failed for good. */
    public static final List<String> REMINDER_OUTCOMES = List.of("sent", "skipped", "failed");
    /** What became of a record poll ({@code WatchStatus.Poll.Outcome} in lower case). */
    public static final List<String> RECORD_POLL_OUTCOMES = List.of("ok", "failed", "not_set_up", "no_user_token");
    /**
     * What became of a YCLIENTS webhook event: accepted (the record is read again), duplicate (seen already), ignored
     * (not a record of ours, or too many waiting); and requests refused before any event: bad_json, wrong_secret.
     */
    public static final List<String> WEBHOOK_OUTCOMES = List.of("accepted", "duplicate", "ignored", "bad_json",
            "wrong_secret");
    /** The handling-latency buckets' upper bounds: from a cached reply to a slow YCLIENTS call. */
    public static final List<Duration> LATENCY_BOUNDS = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    private final Clock clock;
    private final MeterRegistry registry;
    private final Instant startedAt;
    private final Counter updatesHandled;
    private final Counter errors;
    private final Counter floodLimited;
    private final Counter sendDropped;
    private final Counter tooManyRequests;
    private final Timer handling;
    private final Map<String, Counter> repliesSent = new ConcurrentHashMap<>();
    private final Map<String, Counter> yclientsCalls = new ConcurrentHashMap<>();
    private final Map<String, Counter> reminders = new ConcurrentHashMap<>();
    private final Map<String, Counter> visitConfirmations = new ConcurrentHashMap<>();
    private final Map<String, Counter> followups = new ConcurrentHashMap<>();
    private final Map<String, Counter> recordPolls = new ConcurrentHashMap<>();
    private final Map<String, Counter> webhookEvents = new ConcurrentHashMap<>();
    private volatile IntSupplier remindersPending = () -> 0;
    private volatile LastError lastError;
    private volatile IntSupplier sendQueueDepth = () -> 0;
    private volatile DoubleSupplier sendPace = () -> 0;
    private volatile IntSupplier updateQueueDepth = () -> 0;

    /** Registers the bot's meters in {@code registry} (the one the composition root built). */
    public RuntimeStats(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
        this.startedAt = clock.instant();
        this.updatesHandled = Counter.builder(PREFIX + "updates.handled")
                .description("Updates (messages, button presses) handled.").register(registry);
        this.errors = Counter.builder(PREFIX + "errors")
                .description("Errors since start: failed updates and refused or failed sends.").register(registry);
        this.floodLimited = Counter.builder(PREFIX + "flood.limited")
                .description("Updates from a user over the flood limit: one notice, the rest not answered.")
                .register(registry);
        this.sendDropped = Counter.builder(PREFIX + "send.dropped")
                .description("Messages dropped: Telegram did not take them within telegram.send.max-age-seconds.")
                .register(registry);
        this.tooManyRequests = Counter.builder(PREFIX + "send.too.many.requests")
                .description("Sends Telegram refused with 429 Too Many Requests (each is tried again after the wait).")
                .register(registry);
        this.handling = Timer.builder(PREFIX + "update.handling")
                .description("Time to handle one update and send its reply.")
                .serviceLevelObjectives(LATENCY_BOUNDS.toArray(Duration[]::new))
                .register(registry);
        gauge("uptime", "seconds", "Seconds since the bot started.", () -> uptime().toSeconds());
        gauge("update.queue.depth", null,
                "Updates received and not yet handled (stored in the inbox, queued for a worker).", this::updateQueueDepth);
        gauge("send.queue.depth", null, "Replies waiting to be sent (0 while replies are sent at once).",
                this::sendQueueDepth);
        gauge("send.pace", null, "Messages a second the bot lets through now over all chats (0 = no limit): lower than"
                + " telegram.rate.per-second after Telegram's 429s, climbing back.", () -> sendPace.getAsDouble());
        REPLY_KINDS.forEach(this::replyCounter);
        YCLIENTS_OUTCOMES.forEach(this::yclientsCounter);
        REMINDER_OUTCOMES.forEach(this::reminderCounter);
        REMINDER_OUTCOMES.forEach(this::followupCounter);
        RECORD_POLL_OUTCOMES.forEach(this::recordPollCounter);
        WEBHOOK_OUTCOMES.forEach(this::webhookCounter);
        gauge("reminders.pending", null, "Reminders of visits waiting in the durable schedule.",
                () -> remindersPending.getAsInt());
    }

    public record LastError(Instant at, String summary) {}

    /** One update handled, without a latency (prefer {@link #updateHandled(Duration)}). */
    public void updateHandled() {
        updatesHandled.increment();
    }

    public void error(String where, Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        error(where, text);
    }

    public void error(String where, String text) {
        errors.increment();
        String summary = SecretRedactor.redact(where + ": " + text).replaceAll("\\s+", " ");
        if (summary.length() > MAX_ERROR_LENGTH) {
            summary = summary.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        }
        lastError = new LastError(clock.instant(), summary);
    }

    /** One update handled (any outcome), and how long handling and answering it took. */
    public void updateHandled(Duration took) {
        updatesHandled.increment();
        handling.record(took.isNegative() ? Duration.ZERO : took);
    }

    /** A reply action the transport delivered, by kind ({@link #REPLY_KINDS}). */
    public void replySent(String kind) {
        replyCounter(kind).increment();
    }

    /** A YCLIENTS call finished with {@code outcome} ({@link #YCLIENTS_OUTCOMES}). */
    public void yclientsCall(String outcome) {
        yclientsCounter(outcome).increment();
    }

    /** A visit's reminder ended with {@code outcome} ({@link #REMINDER_OUTCOMES}). */
    public void reminder(String outcome) {
        reminderCounter(outcome).increment();
    }

    /** A visit's follow-up (the message after it) ended with {@code outcome}: sent, skipped or failed. */
    public void followup(String outcome) {
        followupCounter(outcome).increment();
    }

    /** A record poll ended with {@code outcome} ({@link #RECORD_POLL_OUTCOMES}). */
    public void recordPoll(String outcome) {
        recordPollCounter(outcome).increment();
    }

    /** A webhook event (or a refused webhook request) ended with {@code outcome} ({@link #WEBHOOK_OUTCOMES}). */
    public void webhookEvent(String outcome) {
        webhookCounter(outcome).increment();
    }

    private Counter followupCounter(String outcome) {
        return followups.computeIfAbsent(outcome, o -> Counter.builder(PREFIX + "followups").tag("outcome", o)
                .description("Follow-ups after visits by outcome (sent, skipped, failed).").register(registry));
    }

    private Counter recordPollCounter(String outcome) {
        return recordPolls.computeIfAbsent(outcome, o -> Counter.builder(PREFIX + "record.polls").tag("outcome", o)
                .description("Record polls (GET /records changed_after) by outcome.").register(registry));
    }

    private Counter webhookCounter(String outcome) {
        return webhookEvents.computeIfAbsent(outcome, o -> Counter.builder(PREFIX + "webhook.events").tag("outcome", o)
                .description("YCLIENTS webhook events by outcome (accepted, duplicate, ignored, bad_json, wrong_secret).")
                .register(registry));
    }

    /** "I'll come" pressed (the first tap of a visit), with what YCLIENTS made of it (confirmed, already, failed…). */
    public void visitConfirmation(String result) {
        visitConfirmations.computeIfAbsent(result, r -> Counter.builder(PREFIX + "visit.confirmations").tag("result", r)
                .description("\"I'll come\" pressed under a reminder (the first tap of a visit), by result.")
                .register(registry)).increment();
    }

    /** Reminders sent, skipped and failed since start, by outcome. */
    public Map<String, Long> reminders() {
        return counts(reminders);
    }

    /** Reminders waiting in the durable schedule now. */
    public int remindersPending() {
        return remindersPending.getAsInt();
    }

    /** Where the number of pending reminders comes from (the durable schedule). */
    public void remindersPendingFrom(IntSupplier pending) {
        this.remindersPending = pending;
    }

    /** Where the send-queue depth comes from once replies are queued; 0 until then. */
    public void sendQueueDepthFrom(IntSupplier depth) {
        this.sendQueueDepth = depth;
    }

    /** Where the send pace comes from; 0 until set. */
    public void sendPaceFrom(DoubleSupplier pace) {
        this.sendPace = pace;
    }

    /** A message dropped: Telegram did not take it within telegram.send.max-age-seconds. */
    public void sendDropped() {
        sendDropped.increment();
    }

    public long sendDroppedCount() {
        return (long) sendDropped.count();
    }

    /** Telegram refused a send with 429 (it is tried again after the wait). */
    public void tooManyRequests() {
        tooManyRequests.increment();
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
        return (long) floodLimited.count();
    }

    /** Replies sent by kind, sorted by kind. */
    public Map<String, Long> repliesSent() {
        return counts(repliesSent);
    }

    /** YCLIENTS calls by outcome, sorted by outcome. */
    public Map<String, Long> yclientsCalls() {
        return counts(yclientsCalls);
    }

    public long updatesHandled() {
        return (long) updatesHandled.count();
    }

    public long errors() {
        return (long) errors.count();
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

    private Counter replyCounter(String kind) {
        return repliesSent.computeIfAbsent(kind, k -> Counter.builder(PREFIX + "replies.sent").tag("action", k)
                .description("Reply actions delivered, by kind.").register(registry));
    }

    private Counter reminderCounter(String outcome) {
        return reminders.computeIfAbsent(outcome, o -> Counter.builder(PREFIX + "reminders").tag("outcome", o)
                .description("Reminders of visits by outcome (sent, skipped, failed).").register(registry));
    }

    private Counter yclientsCounter(String outcome) {
        return yclientsCalls.computeIfAbsent(outcome, o -> Counter.builder(PREFIX + "yclients.calls").tag("outcome", o)
                .description("YCLIENTS API calls by outcome (ok, http, network, timeout, bad_response).")
                .register(registry));
    }

    private void gauge(String name, String baseUnit, String description, java.util.function.Supplier<Number> value) {
        Gauge.builder(PREFIX + name, value).baseUnit(baseUnit).description(description).strongReference(true)
                .register(registry);
    }

    private static Map<String, Long> counts(Map<String, Counter> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, c) -> out.put(k, (long) c.count()));
        return out;
    }
}
