package io.github.yclientsbot;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.telegram.SendPacing;

import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Everything that makes the bot wait on the clock, in one place so the composition root injects it: the pacing of
 * messages to Telegram (given the configured messages a second), the YCLIENTS rate limiter, and the sleeper of
 * retry back-offs. Production keeps the real limits; tests of behaviour run {@link #none()} and one wiring test
 * checks that {@link #production()} is what {@code Main} starts.
 */
public record Pacing(IntFunction<SendPacing> telegram, Supplier<RequestLimiter> yclients, Sleeper sleeper) {

    /** Telegram's limits (30/s configurable, 1/s per chat, 20/min per group), YCLIENTS's 5/s and 200/min, real sleeps. */
    public static Pacing production() {
        return new Pacing(SendPacing::realTime, RequestLimiter::yclientsDefault, Sleeper.real());
    }

    /**
     * No pacing and no limiter; back-offs wait a hundredth of their time (at most 50 ms), so a retry loop against
     * a fake server still yields the CPU.
     */
    public static Pacing none() {
        return new Pacing(perSecond -> SendPacing.unpaced(), RequestLimiter::unlimited, Sleeper.shortened(100, 50));
    }
}
