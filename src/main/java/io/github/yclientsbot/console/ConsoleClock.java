package io.github.yclientsbot.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The console's clock: the real one, moved forward by {@code /clock +23h} so a reminder due tomorrow can be seen
 * now. It only ever moves forward; the bot reads it through {@code BotApplication.Options}, so everything that
 * asks the time (reminders, booking days, caches) sees the moved one.
 */
public final class ConsoleClock extends Clock {
    private final Clock real;
    private volatile Duration offset = Duration.ZERO;

    public ConsoleClock(Clock real) {
        this.real = real;
    }

    /** Moves the clock {@code by} forward (a negative or zero amount is refused). */
    public void advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the console's clock only moves forward");
        }
        offset = offset.plus(by);
    }

    /** How far ahead of the real time it is. */
    public Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    /** A view in another zone that moves with this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        ConsoleClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }
}
