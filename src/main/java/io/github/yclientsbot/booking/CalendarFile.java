package io.github.yclientsbot.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An "add to calendar" file (iCalendar, RFC 5545) with one event: the booking, its times in UTC. */
public final class CalendarFile {
    /** Used when YCLIENTS gave no length for the booked time. */
    public static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    /**
     * When a booking starts: YCLIENTS sends {@code 2026-12-01T10:00:00+03:00}; without an offset the time is
     * read in {@code zone} (the company's), else Moscow time.
     */
    public static Optional<Instant> start(String datetime, String zone) {
        if (datetime == null || datetime.isBlank()) {
            return Optional.empty();
        }
        String s = datetime.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(s.replace(' ', 'T'));
                ZoneId id;
                try {
                    id = zone == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(zone);
                } catch (RuntimeException e) {
                    id = ZoneId.of("Europe/Moscow");
                }
                return Optional.of(local.atZone(id).toInstant());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** The .ics bytes (UTF-8, CRLF, long lines folded). {@code location} may be null. */
    public static byte[] event(String uid, Instant start, Duration length, String summary, String location, Instant stamp) {
        Duration len = length == null || length.isZero() || length.isNegative() ? DEFAULT_LENGTH : length;
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//yclients-telegram-bot//booking//EN");
        line(b, "CALSCALE:GREGORIAN");
        line(b, "METHOD:PUBLISH");
        line(b, "BEGIN:VEVENT");
        line(b, "UID:" + escape(uid));
        line(b, "DTSTAMP:" + UTC.format(stamp));
        line(b, "DTSTART:" + UTC.format(start));
        line(b, "DTEND:" + UTC.format(start.plus(len)));
        line(b, "SUMMARY:" + escape(summary));
        if (location != null && !location.isBlank()) {
            line(b, "LOCATION:" + escape(location.strip()));
        }
        line(b, "END:VEVENT");
        line(b, "END:VCALENDAR");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 character). */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
