package io.github.yclientsbot.telegram;

import io.github.yclientsbot.testing.TestClock;

import static io.github.yclientsbot.telegram.FloodGuard.Verdict.ANSWER;
import static io.github.yclientsbot.telegram.FloodGuard.Verdict.IGNORE;
import static io.github.yclientsbot.telegram.FloodGuard.Verdict.NOTICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodGuardTest {

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));

    private static List<FloodGuard.Verdict> check(FloodGuard guard, long user, int times) {
        List<FloodGuard.Verdict> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(guard.check(user));
        }
        return out;
    }

    @Test
    void overTheLimitOneNoticeThenSilenceUntilTheWindowPasses() {
        FloodGuard guard = new FloodGuard(3, Duration.ofSeconds(10), clock);
        assertEquals(List.of(ANSWER, ANSWER, ANSWER, NOTICE, IGNORE, IGNORE), check(guard, 7, 6));
        assertEquals(ANSWER, guard.check(8), "other users are not affected");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(List.of(ANSWER, ANSWER, ANSWER, NOTICE), check(guard, 7, 4));
    }

    @Test
    void updatesSpreadOverTheWindowAreAllAnswered() {
        FloodGuard guard = new FloodGuard(3, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 20; i++) {
            assertEquals(ANSWER, guard.check(7));
            clock.advance(Duration.ofSeconds(4));
        }
    }

    @Test
    void zeroTurnsItOff() {
        assertEquals(List.of(ANSWER, ANSWER, ANSWER), check(new FloodGuard(0, Duration.ofSeconds(10), clock), 7, 3));
        assertEquals(List.of(ANSWER, ANSWER, ANSWER), check(new FloodGuard(1, Duration.ZERO, clock), 7, 3));
    }
}
