package io.github.yclientsbot.booking;

import java.time.Instant;

/**
 * What the record poll and the YCLIENTS webhook last did, for {@code /status}: built before both (the chat layer shows
 * it, the background jobs write it).
 */
public final class WatchStatus {

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
        return poll;
    }

    void webhookEvent(Instant at) {
        lastWebhookEvent = at;
    }
}
