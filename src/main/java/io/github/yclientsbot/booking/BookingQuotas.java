package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.BookingLimits;
import io.github.yclientsbot.storage.BookingLimitEvents;
import io.github.yclientsbot.storage.BookingLimitEvents.Kind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The abuse limits of the in-chat booking: SMS codes per phone number and per Telegram user, bookings per
 * Telegram user, each over the last 24 hours (a rolling window: no burst at midnight, no time zone to get
 * wrong); 0 = no limit. Also how many wrong codes a customer may type per code, and how soon a new code may
 * be asked for. Counts live in the database ({@link BookingLimitEvents}), so a restart does not reset them,
 * and phones are counted by a keyed hash only. Admins are counted like everyone: they book as customers.
 */
public final class BookingQuotas {
    /** The window every limit counts over. */
    public static final Duration WINDOW = Duration.ofHours(24);
    /** Wrong codes accepted for one SMS code; then only a new code helps. */
    public static final int MAX_WRONG_CODES = 3;
    /** The least time between two SMS codes for one customer. */
    public static final Duration RESEND_AFTER = Duration.ofSeconds(60);

    /** Which limit was reached. */
    public enum Exceeded { SMS_PER_PHONE, SMS_PER_USER, BOOKINGS_PER_USER }

    /** A limit reached and its value, for the message. */
    public record Over(Exceeded which, int limit) {}

    private final BookingLimits limits;
    private final BookingLimitEvents events;
    private final UnaryOperator<String> phoneHash;
    private final Clock clock;

    /** @param phoneHash a keyed one-way hash of the phone digits (e.g. {@code SecretBox::fingerprint}) */
    public BookingQuotas(BookingLimits limits, BookingLimitEvents events, UnaryOperator<String> phoneHash,
                         Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.events = Objects.requireNonNull(events, "events");
        this.phoneHash = Objects.requireNonNull(phoneHash, "phoneHash");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the user may make one more booking now. */
    public Optional<Over> checkBooking(long userId) {
        int limit = limits.bookingsPerUser();
        if (limit > 0 && events.countForUser(Kind.BOOKING, userId, since()) >= limit) {
            return Optional.of(new Over(Exceeded.BOOKINGS_PER_USER, limit));
        }
        return Optional.empty();
    }

    /** Whether one more SMS code may be sent to {@code phone} for this user now (the phone's limit first). */
    public Optional<Over> checkSms(long userId, String phone) {
        int perPhone = limits.smsPerPhone();
        if (perPhone > 0 && events.countForPhone(Kind.SMS, hash(phone), since()) >= perPhone) {
            return Optional.of(new Over(Exceeded.SMS_PER_PHONE, perPhone));
        }
        int perUser = limits.smsPerUser();
        if (perUser > 0 && events.countForUser(Kind.SMS, userId, since()) >= perUser) {
            return Optional.of(new Over(Exceeded.SMS_PER_USER, perUser));
        }
        return Optional.empty();
    }

    /** YCLIENTS accepted {@code book_code}: an SMS went out. */
    public void smsSent(long userId, String phone) {
        events.record(Kind.SMS, userId, hash(phone));
    }

    /** YCLIENTS accepted {@code book_record}. */
    public void booked(long userId, String phone) {
        events.record(Kind.BOOKING, userId, hash(phone));
    }

    /** YCLIENTS refused the typed code (432). */
    public void wrongCode(long userId, String phone) {
        events.record(Kind.WRONG_CODE, userId, hash(phone));
    }

    /** Wrong codes typed since the user's latest SMS code. */
    public int wrongCodes(long userId) {
        Instant since = events.lastForUser(Kind.SMS, userId).orElse(since());
        return events.countForUser(Kind.WRONG_CODE, userId, since);
    }

    /** How long the user must wait before a new code may be sent; zero when it may be sent now. */
    public Duration resendWait(long userId) {
        Optional<Instant> last = events.lastForUser(Kind.SMS, userId);
        if (last.isEmpty()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), last.get().plus(RESEND_AFTER));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Instant since() {
        return clock.instant().minus(WINDOW);
    }

    private String hash(String phone) {
        return phoneHash.apply(PhoneNumber.normalize(phone).orElse(phone));
    }
}
