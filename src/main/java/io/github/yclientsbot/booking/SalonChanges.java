package io.github.yclientsbot.booking;

import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.yclients.RecordDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a record learned from the poll or a webhook means for a visit the bot knows ({@code booking_reference}, by
 * company and record): the salon moved it (it now starts at another instant than the one stored) or cancelled it
 * (deleted, or gone from YCLIENTS). The stored visit is brought in line and its reminders re-planned or dropped.
 *
 * <p>The bot's own changes are not the salon's: a customer's move or cancel in the chat updates or deletes the
 * reference when YCLIENTS accepts it, so the record seen afterwards agrees with what is stored and nothing is told.
 * Times are compared as instants, never as strings ({@code 2026-12-01T10:00:00+03:00}, {@code 2026-12-01 10:00:00},
 * {@code …+0300} are one time). The stored time is changed only if it is still the one read (compare and set) and the
 * row deleted only once, so a change reported twice — by the poll and by a webhook — is told once. A visit whose
 * stored start has passed is brought in line silently: the salon tidying up its journal after the visit (a deleted
 * record, a corrected time) is not news to the customer.
 */
public final class SalonChanges {
    private static final Logger log = LoggerFactory.getLogger(SalonChanges.class);
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    /** What the customer should hear of. */
    public sealed interface Change {
        /** The customer who booked the visit. */
        long userId();

        /** The salon moved the visit from {@code before} to {@code after} (both as YCLIENTS wrote them). */
        record Moved(long userId, long referenceId, String before, String after) implements Change {}

        /** The salon cancelled the visit that started at {@code startsAt}. */
        record Cancelled(long userId, String startsAt) implements Change {}
    }

    private final BookingReferences references;
    private final ReminderPlan reminders;
    private final LongFunction<ZoneId> companyZone;
    private final Clock clock;

    /** @param companyZone the company's time zone, for a date-time YCLIENTS sends without an offset */
    public SalonChanges(BookingReferences references, ReminderPlan reminders, Supplier<ZoneId> companyZone, Clock clock) {
        this(references, reminders, company -> companyZone.get(), clock);
    }

    /** @param companyZone each branch's time zone, by its company id (a chain's branches may be in several) */
    public SalonChanges(BookingReferences references, ReminderPlan reminders,
                        LongFunction<ZoneId> companyZone, Clock clock) {
        this.references = references;
        this.reminders = reminders;
        this.companyZone = companyZone;
        this.clock = clock;
    }

    /** A record as YCLIENTS has it now; empty when it changes nothing the customer must hear of. */
    public Optional<Change> seen(long companyId, RecordDetails record) {
        if (record.deleted()) {
            return gone(companyId, record.id());
        }
        Optional<BookingReference> kept = references.byRecord(companyId, record.id());
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        BookingReference ref = kept.get();
        ZoneId zone = companyZone.apply(companyId);
        Optional<Instant> now = record.startsAt(zone);
        Optional<Instant> stored = instant(ref.startsAt(), zone);
        if (now.isEmpty() || (stored.isPresent() && stored.get().equals(now.get()))) {
            return Optional.empty();
        }
        if (!references.moveTo(ref.id(), ref.startsAt(), record.datetime())) {
            return Optional.empty(); // changed meanwhile: whoever changed it has told it
        }
        reminders.replan(ref.id());
        if (stored.isEmpty() || !stored.get().isAfter(clock.instant())) {
            return Optional.empty(); // the old time was never readable, or the visit is over: nothing to tell
        }
        log.info("Record {} of user {} was moved by the salon", record.id(), ref.userId());
        return Optional.of(new Change.Moved(ref.userId(), ref.id(), ref.startsAt(), record.datetime()));
    }

    /** The record was deleted, or YCLIENTS no longer knows it. */
    public Optional<Change> gone(long companyId, long recordId) {
        Optional<BookingReference> kept = references.byRecord(companyId, recordId);
        if (kept.isEmpty() || !references.deleteRecord(companyId, recordId)) {
            return Optional.empty();
        }
        BookingReference ref = kept.get();
        reminders.drop(companyId, recordId);
        if (!instant(ref.startsAt(), companyZone.apply(companyId)).map(s -> s.isAfter(clock.instant())).orElse(false)) {
            return Optional.empty(); // the visit is over (or its time unreadable): forgotten, not announced
        }
        log.info("Record {} of user {} was cancelled by the salon", recordId, ref.userId());
        return Optional.of(new Change.Cancelled(ref.userId(), ref.startsAt()));
    }

    /** A date-time as YCLIENTS or the bot wrote it, as an instant; without an offset, in {@code zone}. */
    public static Optional<Instant> instant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = OFFSET_WITHOUT_COLON.matcher(text.strip().replace(' ', 'T')).replaceFirst("$1:$2");
        return CalendarFile.start(iso, zone.getId());
    }
}
