package io.github.yclientsbot.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What came of "I'll come" (a visit's attendance confirmed in YCLIENTS): {@code GET /metrics} counts every result
 * ({@code yclients_bot_attendance_total{result="confirmed|already|changed|not_possible|failed"}}), and /status shows
 * how many YCLIENTS refused or did not answer today (the UTC day, since the bot started: kept in memory).
 * Thread-safe.
 */
public final class AttendanceStats {
    /** The results, so every series exists (at 0) from the start. */
    public static final List<String> RESULTS = List.of("confirmed", "already", "changed", "not_possible", "failed");

    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private LocalDate day;
    private long failedThatDay;

    public AttendanceStats(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
        RESULTS.forEach(this::counter);
    }

    /** One confirmation's result, by name ({@code CONFIRMED} or {@code confirmed}). */
    public void record(String result) {
        String name = result.toLowerCase(Locale.ROOT);
        counter(name).increment();
        if (name.equals("failed")) {
            synchronized (this) {
                LocalDate today = today();
                if (!today.equals(day)) {
                    day = today;
                    failedThatDay = 0;
                }
                failedThatDay++;
            }
        }
    }

    /** Confirmations YCLIENTS refused or did not answer today (UTC). */
    public synchronized long failedToday() {
        return today().equals(day) ? failedThatDay : 0;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Counter counter(String result) {
        return counters.computeIfAbsent(result, r -> Counter.builder("yclients.bot.attendance").tag("result", r)
                .description("\"I'll come\" taps by result: confirmed in YCLIENTS, already confirmed, the visit changed"
                        + " (nothing written), no user token, YCLIENTS refused or did not answer.")
                .register(registry));
    }
}
