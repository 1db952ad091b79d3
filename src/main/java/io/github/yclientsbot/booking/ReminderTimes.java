package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.ReminderConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a visit's reminders go: each offset of {@code booking.reminders} before the start, in the company's time zone,
 * never inside the quiet hours. A reminder that falls inside them goes at their end (09:00) when that is still at
 * least half its offset before the visit, else {@link #EVENING_MARGIN} before they begin, the evening before — never
 * after the visit. When quiet hours push a reminder to or past a nearer one, the nearer one stands in for it alone.
 */
public final class ReminderTimes {
    /** How long before the quiet hours begin a reminder pushed out of them goes the evening before. */
    static final Duration EVENING_MARGIN = Duration.ofMinutes(30);

    private final List<Duration> offsets;
    private final Optional<ReminderConfig.QuietHours> quiet;

    public ReminderTimes(ReminderConfig config) {
        this.offsets = config.offsets().stream().sorted(Comparator.reverseOrder()).toList();
        this.quiet = config.quietHours();
    }

    /** The offsets configured, in minutes, longest first. */
    public List<Integer> offsetMinutes() {
        return offsets.stream().map(d -> (int) d.toMinutes()).toList();
    }

    /** Offset minutes → when that reminder goes, longest offset first; offsets a nearer reminder stands in for are left out. */
    public Map<Integer, Instant> plan(Instant visitStart, ZoneId zone) {
        List<Integer> keys = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (Duration offset : offsets) {
            Instant at = shifted(visitStart.minus(offset), offset, visitStart, zone);
            if (at.isBefore(visitStart)) {
                keys.add((int) offset.toMinutes());
                times.add(at);
            }
        }
        Map<Integer, Instant> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean nearerFirst = i + 1 < times.size() && !times.get(i).isBefore(times.get(i + 1));
            if (!nearerFirst) {
                out.put(keys.get(i), times.get(i));
            }
        }
        return out;
    }

    private Instant shifted(Instant due, Duration offset, Instant visitStart, ZoneId zone) {
        if (quiet.isEmpty()) {
            return due;
        }
        ReminderConfig.QuietHours q = quiet.get();
        ZonedDateTime local = due.atZone(zone);
        if (!q.contains(local.toLocalTime())) {
            return due;
        }
        LocalDate day = local.toLocalDate();
        ZonedDateTime end = day.atTime(q.to()).atZone(zone);
        if (end.isBefore(local)) {
            end = end.plusDays(1);
        }
        if (!end.toInstant().isAfter(visitStart.minus(offset.dividedBy(2)))) {
            return end.toInstant();
        }
        ZonedDateTime start = day.atTime(q.from()).atZone(zone);
        if (start.isAfter(local)) {
            start = start.minusDays(1);
        }
        return start.toInstant().minus(EVENING_MARGIN);
    }
}
