package io.github.yclientsbot.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reminders of visits.
 *
 * @param offsets    how long before a visit each reminder goes, longest first, distinct, whole minutes; empty: off
 * @param quietHours when no reminder is sent, in the company's time zone; empty: any time
 */
public record ReminderConfig(List<Duration> offsets, Optional<QuietHours> quietHours) {
    /** At most this many reminders per visit. */
    static final int MAX_OFFSETS = 6;
    /** And none earlier than this before the visit. */
    static final Duration LONGEST = Duration.ofDays(14);
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?");
    /** Words that mean "none" as well as an empty value (an empty variable is awkward in some environments). */
    private static final List<String> OFF = List.of("off", "none");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    public ReminderConfig {
        offsets = List.copyOf(offsets);
    }

    /**
     * The hours at night no reminder is sent, {@code from} inclusive to {@code to} exclusive; {@code from} after
     * {@code to} spans midnight (22:00–09:00).
     */
    public record QuietHours(LocalTime from, LocalTime to) {
        public boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    /** Reminders are on (at least one offset). */
    public boolean enabled() {
        return !offsets.isEmpty();
    }

    static ReminderConfig read(SettingReader r) throws ConfigException {
        return new ReminderConfig(offsets(r), quietHours(r));
    }

    private static List<Duration> offsets(SettingReader r) throws ConfigException {
        String text = r.text(SettingKey.BOOKING_REMINDERS).strip();
        List<Duration> out = new ArrayList<>();
        if (text.isEmpty() || OFF.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return out;
        }
        String fix = "to a comma list of durations before the visit like 24h,2h (d, h, m: 1d, 90m, 1h30m), or empty for no reminders";
        for (String part : text.split(",")) {
            Optional<Duration> d = parseOffset(part.strip());
            if (d.isEmpty() || d.get().isZero() || d.get().compareTo(LONGEST) > 0) {
                throw r.invalid(SettingKey.BOOKING_REMINDERS, "must list durations from 1m to 14d, got "
                        + SettingReader.quote(part.strip()), fix);
            }
            if (!out.contains(d.get())) {
                out.add(d.get());
            }
        }
        if (out.size() > MAX_OFFSETS) {
            throw r.invalid(SettingKey.BOOKING_REMINDERS, "lists more than " + MAX_OFFSETS + " reminders", fix);
        }
        out.sort(Comparator.reverseOrder());
        return out;
    }

    /** {@code 24h}, {@code 2h}, {@code 30m}, {@code 1d}, {@code 1h30m}; empty when unreadable. */
    static Optional<Duration> parseOffset(String s) {
        Matcher m = DURATION.matcher(s.toLowerCase(java.util.Locale.ROOT));
        if (s.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        long minutes = 0;
        minutes += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 24 * 60;
        minutes += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        minutes += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Optional.of(Duration.ofMinutes(minutes));
    }

    private static Optional<QuietHours> quietHours(SettingReader r) throws ConfigException {
        String text = r.text(SettingKey.BOOKING_REMINDERS_QUIET_HOURS).strip();
        if (text.isEmpty() || OFF.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        Matcher m = HOURS.matcher(text);
        try {
            if (m.matches()) {
                LocalTime from = LocalTime.parse(pad(m.group(1)));
                LocalTime to = LocalTime.parse(pad(m.group(2)));
                if (!from.equals(to)) {
                    return Optional.of(new QuietHours(from, to));
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw r.invalid(SettingKey.BOOKING_REMINDERS_QUIET_HOURS, "must be two different times like 22:00-09:00, got "
                + SettingReader.quote(text), "like 22:00-09:00 (the company's time), or empty to send reminders at any hour");
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }
}
