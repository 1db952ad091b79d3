package io.github.yclientsbot;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.telegram.SendPacing;

import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Everything that makes the bot wait on the clock, in one place so the composition root injects it: the pacing of
 * messages to Telegram (given the configured messages a second), the YCLIENTS rate limiter, and the sleeper of
 * retry back-offs, and the first wait after a failed getUpdates (the library schedules the next poll itself, so this
 * is a length, not a sleeper). Production keeps the real limits; tests of behaviour run {@link #none()} and one wiring test
 * checks that {@link #production()} is what {@code Main} starts.
 */
public record Pacing(IntFunction<SendPacing> telegram, Supplier<RequestLimiter> yclients, Sleeper sleeper,
                     Duration pollRetry) {

    /** Telegram's limits (30/s configurable, 1/s per chat, 20/min per group), YCLIENTS's 5/s and 200/min, real sleeps. */
    public static Pacing production() {
        return new Pacing(SendPacing::realTime, RequestLimiter::yclientsDefault, Sleeper.real(), Duration.ofMillis(500));
    }

    /**
     * No pacing and no limiter; back-offs wait a hundredth of their time (at most 50 ms), so a retry loop against
     * a fake server still yields the CPU; Telegram's 429s and failed sends still pause the chat or the bot, on the
     * pacing's fast-forward clock ({@link SendPacing#unpaced()}); a failed getUpdates is tried again after 5 ms (doubling).
     */
    public static Pacing none() {
        return new Pacing(perSecond -> SendPacing.unpaced(), RequestLimiter::unlimited, Sleeper.shortened(100, 50),
                Duration.ofMillis(5));
    }
}
