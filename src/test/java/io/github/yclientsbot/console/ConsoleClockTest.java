package io.github.yclientsbot.console;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The console's clock: the real time moved forward only, its zone views moving with it. */
class ConsoleClockTest {
    private static final Instant REAL = Instant.parse("2026-11-30T03:40:00Z");

    @Test
    void movesForwardOnlyAndItsZoneViewsMoveWithIt() {
        ConsoleClock clock = new ConsoleClock(Clock.fixed(REAL, ZoneOffset.UTC));
        Clock moscow = clock.withZone(ZoneId.of("Europe/Moscow"));
        clock.advance(Duration.ofHours(23));
        assertEquals(REAL.plus(Duration.ofHours(23)), clock.instant());
        assertEquals(REAL.plus(Duration.ofHours(23)), moscow.instant(), "a view taken before the move sees it");
        assertEquals(ZoneId.of("Europe/Moscow"), moscow.getZone());
        assertEquals(Duration.ofHours(23), clock.offset());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMinutes(-5)));
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ZERO));
    }
}
