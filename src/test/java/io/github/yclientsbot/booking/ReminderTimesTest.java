package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.ReminderConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When each reminder goes: offsets before the visit, moved out of the quiet hours in the company's zone. */
class ReminderTimesTest {
    private static final ReminderConfig.QuietHours NIGHT = new ReminderConfig.QuietHours(LocalTime.of(22, 0), LocalTime.of(9, 0));
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    private static ReminderTimes times(Optional<ReminderConfig.QuietHours> quiet, Duration... offsets) {
        return new ReminderTimes(new ReminderConfig(List.of(offsets), quiet));
    }

    /** {@code local} in Vladivostok (UTC+10). */
    private static Instant vl(String local) {
        return java.time.LocalDateTime.parse(local).atZone(VLADIVOSTOK).toInstant();
    }

    @Test
    void eachOffsetBeforeTheVisitInTheCompanysZone() {
        Map<Integer, Instant> plan = times(Optional.of(NIGHT), Duration.ofHours(24), Duration.ofHours(2))
                .plan(vl("2026-12-01T14:00"), VLADIVOSTOK);
        assertEquals(Map.of(1440, vl("2026-11-30T14:00"), 120, vl("2026-12-01T12:00")), plan);
        assertEquals(List.of(1440, 120), List.copyOf(plan.keySet()), "longest first");
    }

    @Test
    void aReminderAtNightGoesWhenTheQuietHoursEndIfThatLeavesHalfItsOffset() {
        // 10:30 visit: 2h before is 08:30 (quiet); 09:00 is 90 minutes before, at least half of two hours
        assertEquals(vl("2026-12-01T09:00"), times(Optional.of(NIGHT), Duration.ofHours(2))
                .plan(vl("2026-12-01T10:30"), VLADIVOSTOK).get(120));
        // 23:00 visit: a day before is 23:00 (quiet); 09:00 is 14 hours before
        assertEquals(vl("2026-12-01T09:00"), times(Optional.of(NIGHT), Duration.ofHours(24))
                .plan(vl("2026-12-01T23:00"), VLADIVOSTOK).get(1440));
    }

    @Test
    void otherwiseTheEveningBeforeHalfAnHourBeforeTheQuietHours() {
        // 09:30 visit: 2h before is 07:30; 09:00 would leave 30 minutes, less than half: 21:30 the evening before
        assertEquals(vl("2026-11-30T21:30"), times(Optional.of(NIGHT), Duration.ofHours(2))
                .plan(vl("2026-12-01T09:30"), VLADIVOSTOK).get(120));
        // 00:30 visit (a night salon): 30 minutes before is 00:00 — never after the visit
        assertEquals(vl("2026-11-30T21:30"), times(Optional.of(NIGHT), Duration.ofMinutes(30))
                .plan(vl("2026-12-01T00:30"), VLADIVOSTOK).get(30));
    }

    @Test
    void whenTheQuietHoursPushAReminderOntoANearerOneTheNearerOneStandsInAlone() {
        // 09:30 visit: 3h before (06:30) and 2h before (07:30) both go to 21:30 the evening before: one message
        Map<Integer, Instant> plan = times(Optional.of(NIGHT), Duration.ofHours(3), Duration.ofHours(2))
                .plan(vl("2026-12-01T09:30"), VLADIVOSTOK);
        assertEquals(Map.of(120, vl("2026-11-30T21:30")), plan);
    }

    @Test
    void withoutQuietHoursAnyHourGoesAndOffsetsOfMinutesWork() {
        Map<Integer, Instant> plan = times(Optional.empty(), Duration.ofHours(2), Duration.ofMinutes(5))
                .plan(vl("2026-12-01T03:00"), VLADIVOSTOK);
        assertEquals(Map.of(120, vl("2026-12-01T01:00"), 5, vl("2026-12-01T02:55")), plan);
    }

    @Test
    void theSameVisitTimeInAnotherZoneMovesWithThatZonesNight() {
        Instant visit = Instant.parse("2026-12-01T01:30:00Z"); // 11:30 in Vladivostok, 04:30 in Moscow
        ReminderTimes two = times(Optional.of(NIGHT), Duration.ofHours(2));
        assertEquals(Instant.parse("2026-11-30T23:30:00Z"), two.plan(visit, VLADIVOSTOK).get(120), "09:30 there: day");
        assertEquals(Instant.parse("2026-11-30T18:30:00Z"), two.plan(visit, ZoneId.of("Europe/Moscow")).get(120),
                "02:30 in Moscow: 21:30 the evening before");
    }
}
