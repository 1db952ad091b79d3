package io.github.yclientsbot.telegram;

import io.github.yclientsbot.ratelimit.Sleeper;

import java.util.function.LongSupplier;

/**
 * What a message waits for before it goes to Telegram: in production a {@link SendPacer} keeping the bot under
 * Telegram's limits; in tests of other behaviour, nothing ({@link #unpaced()}), so scenarios do not wait for the
 * real one-message-a-second per chat. Chosen by the composition root.
 */
public interface SendPacing {
    /** Waits until a message may go to {@code chatId}. */
    void acquire(long chatId) throws InterruptedException;

    /** Senders waiting right now: the send queue's depth in /status and /metrics. */
    int waiting();

    /** Messages a second over all chats; 0 = no global limit. */
    int perSecond();

    /** Whether this pacing keeps Telegram's per-chat limits (one a second; 20 a minute in a group). */
    boolean pacesChats();

    /** Telegram's limits on the real clock: {@code perSecond} over all chats (0 = none) and the per-chat ones. */
    static SendPacing realTime(int perSecond) {
        return new SendPacer(perSecond, System::nanoTime, Sleeper.real());
    }

    /** Telegram's limits on a given clock and sleeper (tests of the pacer itself). */
    static SendPacing on(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        return new SendPacer(perSecond, nanoTime, sleeper);
    }

    /** No pacing at all. */
    static SendPacing unpaced() {
        return new SendPacing() {
            @Override
            public void acquire(long chatId) {
                // nothing to wait for
            }

            @Override
            public int waiting() {
                return 0;
            }

            @Override
            public int perSecond() {
                return 0;
            }

            @Override
            public boolean pacesChats() {
                return false;
            }

            @Override
            public String toString() {
                return "unpaced";
            }
        };
    }
}
