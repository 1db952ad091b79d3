package io.github.yclientsbot.telegram;

import io.github.yclientsbot.ratelimit.Sleeper;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What a message waits for before it goes to Telegram, and what Telegram's "too many requests" (429) does to the
 * waiting: in production a {@link SendPacer} keeping the bot under Telegram's limits on the real clock; in tests of
 * other behaviour {@link #unpaced()} (no limits, but a 429 still pauses, on a clock that jumps over the pause), so
 * scenarios do not wait for the real one-message-a-second per chat. Chosen by the composition root.
 *
 * <p>Times are nanoseconds on {@link #nanoTime()}, the pacer's own clock: a sender computes its deadline there.
 */
public interface SendPacing {
    /** Who a 429 was about, as the pacer reads it. */
    enum Scope {
        /** That chat alone is over its limit (one message a second, a group's 20 a minute): that chat pauses. */
        CHAT,
        /** 429s from several chats within a short time: the bot as a whole is over its limit, every send pauses. */
        BOT
    }

    /**
     * Waits until a message may go to {@code chatId}: no pause of that chat or of the bot, and a free place in the
     * chat's and the bot's pace.
     *
     * @return false, at once and without taking a place, when that moment would come after {@code deadlineNanos}
     */
    boolean acquire(long chatId, long deadlineNanos) throws InterruptedException;

    /** Waits out a pause of {@code chatId} or of the bot only (for calls outside the pace, e.g. answering a button). */
    boolean awaitPause(long chatId, long deadlineNanos) throws InterruptedException;

    /** Telegram answered 429 for {@code chatId} and asked to wait {@code retryAfter}: pauses the chat or the bot. */
    Scope tooManyRequests(long chatId, Duration retryAfter);

    /** A failed call (5xx, network) to {@code chatId}: nothing more goes there for {@code wait}. */
    void backOff(long chatId, Duration wait);

    /** Now on the pacer's clock, in nanoseconds. */
    long nanoTime();

    /** Senders waiting right now: the send queue's depth in /status and /metrics. */
    int waiting();

    /** The configured messages a second over all chats; 0 = no global limit. */
    int perSecond();

    /** Messages a second the pacer lets through now (below {@link #perSecond()} after 429s, climbing back); 0 = no limit. */
    double pace();

    /** Whether this pacing keeps Telegram's per-chat limits (one a second; 20 a minute in a group). */
    boolean pacesChats();

    /** Telegram's limits on the real clock: {@code perSecond} over all chats (0 = none) and the per-chat ones. */
    static SendPacing realTime(int perSecond) {
        return new SendPacer(perSecond, true, System::nanoTime, Sleeper.real());
    }

    /** Telegram's limits on a given clock and sleeper (tests of the pacer itself). */
    static SendPacing on(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        return new SendPacer(perSecond, true, nanoTime, sleeper);
    }

    /**
     * No limits; a 429 still pauses the chat (or the bot) and a failure still backs off, but on a clock that jumps
     * forward by each wait while the thread sleeps a hundredth of it (at most 50 ms): tests see Telegram's answers
     * handled as in production without waiting for them.
     */
    static SendPacing unpaced() {
        FastForwardTime time = new FastForwardTime(Sleeper.shortened(100, 50));
        return new SendPacer(0, false, time::nanoTime, time::sleepNanos);
    }
}
