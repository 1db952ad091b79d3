package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.FollowupConfig;
import io.github.yclientsbot.config.ReminderConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a visit's follow-up goes: {@code booking.followup} after the visit's end, never inside the reminders' quiet
 * hours (in the company's time zone): one that falls inside them goes when they end (a visit ending at 20:00 with
 * {@code 3h} gets its thanks at 09:00 the next morning). Not sent at all once the visit ended longer ago than the
 * follow-up itself and {@link #GRACE} (the bot was down, or learned of the visit late).
 */
public final class FollowupTimes {
    /** A follow-up this much later than its time is not sent any more. */
    public static final Duration GRACE = Duration.ofDays(1);

    private final Optional<Duration> after;
    private final Optional<ReminderConfig.QuietHours> quiet;

    public FollowupTimes(FollowupConfig config, ReminderConfig reminders) {
        this.after = config.after();
        this.quiet = reminders.quietHours();
    }

    private FollowupTimes() {
        this.after = Optional.empty();
        this.quiet = Optional.empty();
    }

    /** No follow-ups. */
    public static FollowupTimes off() {
        return new FollowupTimes();
    }

    public boolean enabled() {
        return after.isPresent();
    }

    /** When the follow-up of a visit ending at {@code end} goes (quiet hours respected); empty when off. */
    public Optional<Instant> at(Instant end, ZoneId zone) {
        return after.map(a -> outOfQuietHours(end.plus(a), zone));
    }

    /** The follow-up of a visit ending at {@code end} is too late to send at {@code now}. */
    public boolean tooLate(Instant end, Instant now) {
        return after.map(a -> now.isAfter(end.plus(a).plus(GRACE))).orElse(true);
    }

    private Instant outOfQuietHours(Instant due, ZoneId zone) {
        if (quiet.isEmpty()) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        if (!quiet.get().contains(local.toLocalTime())) {
            return due;
        }
        ZonedDateTime end = local.toLocalDate().atTime(quiet.get().to()).atZone(zone);
        return (end.isBefore(local) ? end.plusDays(1) : end).toInstant();
    }
}
