package io.github.yclientsbot.booking;

import io.github.yclientsbot.health.RuntimeStats;

import java.time.Instant;
import java.util.Locale;

/**
 * What the record poll and the YCLIENTS webhook last did, for {@code /status}: built before both (the chat layer shows
 * it, the background jobs write it); {@code GET /metrics} counts the same ({@code yclients_bot_record_polls_total},
 * {@code yclients_bot_webhook_events_total}).
 */
public final class WatchStatus {
    private final RuntimeStats stats;

    public WatchStatus(RuntimeStats stats) {
        this.stats = stats;
    }

    /** What a poll did; {@code at} is null before the first. */
    public record Poll(Outcome outcome, Instant at, int records, String problem) {
        public enum Outcome { NOT_YET, NOT_SET_UP, NO_USER_TOKEN, OK, FAILED }
    }

    private volatile Poll lastPoll = new Poll(Poll.Outcome.NOT_YET, null, 0, "");
    private volatile Instant lastWebhookEvent;

    public Poll lastPoll() {
        return lastPoll;
    }

    /** When the last webhook event arrived (one that was not a repeat), or null. */
    public Instant lastWebhookEvent() {
        return lastWebhookEvent;
    }

    Poll polled(Poll poll) {
        lastPoll = poll;
        stats.recordPoll(poll.outcome().name().toLowerCase(Locale.ROOT));
        return poll;
    }

    /** A webhook event or request ended with {@code outcome} ({@link RuntimeStats#WEBHOOK_OUTCOMES}). */
    void webhookCounted(String outcome) {
        stats.webhookEvent(outcome);
    }

    void webhookEvent(Instant at) {
        lastWebhookEvent = at;
    }
}
