package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.ReminderStore;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reminder that came due: is it still to be sent, and what does it say? The visit is read back from YCLIENTS right
 * before (by its hash; a visit kept without one with the user token, and skipped quietly without that token): a
 * cancelled or past visit gets none, a moved one is re-planned at its new time. After downtime several reminders of a
 * visit may be due at once: only the nearest is sent (late, worded for the time actually left), the others are
 * skipped. Each reminder is sent once: what was sent is noted right after the send ({@link #sent}), and a reminder
 * noted is never sent again — the only window for a second copy is between the send and that note's commit
 * (milliseconds), when the process dies in between.
 */
public final class VisitReminders {
    private static final Logger log = LoggerFactory.getLogger(VisitReminders.class);

    /** What to do with a reminder that came due. */
    public sealed interface Due {
        /**
         * Send it. {@code datetime} as YCLIENTS has it; {@code staffName} may be null and {@code services} empty;
         * {@code address} is "" when unknown; {@code left} the time actually left before the visit.
         */
        record Send(ReminderId id, long userId, long referenceId, Instant visitStart, String datetime,
                    List<String> services, String staffName, String address, Duration left, boolean canConfirm,
                    boolean canMove, boolean canCancel) implements Due {
            public Send {
                services = List.copyOf(services);
            }
        }

        /** Not sent, on purpose (noted, so it never is). */
        record Skip(String why) implements Due {}

        /** The visit moved: this reminder goes at {@code at} instead. */
        record Later(Instant at) implements Due {}
    }

    /** YCLIENTS could not be asked now (unavailable, not set up): the reminder is tried again later. */
    public static final class NotNow extends RuntimeException {
        NotNow(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final BookingReferences references;
    private final ReminderStore store;
    private final BookingService booking;
    private final ReminderSchedule schedule;
    private final Attendance attendance;
    private final VisitChanges changes;
    private final RuntimeStats stats;
    private final Clock clock;

    public VisitReminders(BookingReferences references, ReminderStore store, BookingService booking,
                          ReminderSchedule schedule, Attendance attendance, VisitChanges changes, RuntimeStats stats,
                          Clock clock) {
        this.references = references;
        this.store = store;
        this.booking = booking;
        this.schedule = schedule;
        this.attendance = attendance;
        this.changes = changes;
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * What to do with reminder {@code id} now. Skips are noted (and counted) here.
     *
     * @throws NotNow when YCLIENTS cannot be asked now
     */
    public Due prepare(ReminderId id) {
        Optional<BookingReference> found = references.byRecord(id.companyId(), id.recordId());
        if (found.isEmpty()) {
            stats.reminder("skipped");
            return new Due.Skip("the visit is no longer kept (cancelled or forgotten)");
        }
        BookingReference ref = found.get();
        Instant now = clock.instant();
        Optional<Instant> kept = schedule.start(ref);
        if (kept.isEmpty()) {
            return skip(id, ref, now, "the visit's time is unreadable");
        }
        if (store.done(id.companyId(), id.recordId(), id.offsetMinutes(), kept.get()).isPresent()) {
            return new Due.Skip("sent already");
        }
        if (!store.choice(ref.userId()).map(ReminderStore.Choice::enabled).orElse(true)) {
            return skip(id, ref, kept.get(), "the customer turned reminders off");
        }
        Optional<RecordInfo> read = readBack(booking, ref);
        if (read.isEmpty()) {
            return skip(id, ref, kept.get(), "the visit cannot be read back (cancelled, or no user token)");
        }
        RecordInfo r = read.get();
        Optional<Instant> start = schedule.start(new BookingReference(ref.id(), ref.userId(), ref.companyId(),
                ref.recordId(), ref.recordHash(), r.datetime(), ref.createdAt(), ref.elsewhere()));
        if (r.deleted() || start.isEmpty()) {
            return skip(id, ref, kept.get(), "the visit was cancelled");
        }
        if (!start.get().isAfter(now)) {
            return skip(id, ref, kept.get(), "the visit has begun");
        }
        if (!start.get().equals(kept.get())) {
            return moved(id, ref, r.datetime(), start.get(), now);
        }
        Map<Integer, Instant> times = schedule.times(ref.companyId(), start.get());
        for (Map.Entry<Integer, Instant> t : times.entrySet()) {
            if (t.getKey() < id.offsetMinutes() && !t.getValue().isAfter(now)) {
                // a nearer reminder is due as well (the bot was down): that one alone is sent
                return skip(id, ref, start.get(), "a nearer reminder stands in for it");
            }
        }
        String address = address(ref.companyId());
        return new Due.Send(id, ref.userId(), ref.id(), start.get(), r.datetime(), r.services(), r.staffName(), address,
                Duration.between(now, start.get()), attendance.possible(),
                changes.canMove(ref.companyId(), start.get()), changes.canCancel(ref.companyId(), start.get()));
    }

    /** The reminder went out: noted at once (the end of the only duplicate window). */
    public void sent(Due.Send s) {
        store.markDone(s.id().companyId(), s.id().recordId(), s.id().offsetMinutes(), s.visitStart(), s.userId(),
                ReminderStore.Outcome.SENT);
        stats.reminder("sent");
        log.info("Reminder {} sent to user {}", s.id().instance(), s.userId());
    }

    /** The reminder could not be sent in all its tries: noted as failed (for /status), not tried again. */
    public void failed(ReminderId id) {
        stats.reminder("failed");
        references.byRecord(id.companyId(), id.recordId()).ifPresent(ref -> schedule.start(ref).ifPresent(start ->
                store.markDone(id.companyId(), id.recordId(), id.offsetMinutes(), start, ref.userId(),
                        ReminderStore.Outcome.UNDELIVERED)));
        log.warn("Reminder {} failed for good", id.instance());
    }

    private Due skip(ReminderId id, BookingReference ref, Instant visitStart, String why) {
        store.markDone(id.companyId(), id.recordId(), id.offsetMinutes(), visitStart, ref.userId(),
                ReminderStore.Outcome.SKIPPED);
        stats.reminder("skipped");
        log.info("Reminder {} skipped: {}", id.instance(), why);
        return new Due.Skip(why);
    }

    /** YCLIENTS has the visit at another time: kept so, the other reminders re-planned, this one at its new time. */
    private Due moved(ReminderId id, BookingReference ref, String datetime, Instant start, Instant now) {
        references.moved(ref.id(), datetime);
        schedule.replan(ref.id());
        Instant at = schedule.times(id.companyId(), start).get(id.offsetMinutes());
        log.info("Visit of record {} moved; reminder {} re-planned", ref.recordId(), id.instance());
        if (at == null || !at.isAfter(now)) {
            return skip(id, ref, start, "the visit moved and this reminder's time is past");
        }
        return new Due.Later(at);
    }

    /**
     * A kept visit as YCLIENTS has it now — by its hash, or with the user token for a visit kept without one (empty
     * without that token); empty when YCLIENTS no longer knows it.
     *
     * @throws NotNow when YCLIENTS cannot be asked now
     */
    static Optional<RecordInfo> readBack(BookingService booking, BookingReference ref) {
        try {
            if (ref.recordHash() == null || ref.recordHash().isBlank()) {
                return booking.staffRecord(ref.companyId(), ref.recordId());
            }
            return Optional.of(booking.record(ref.companyId(), ref.recordId(), ref.recordHash()));
        } catch (YclientsException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw new NotNow("record " + ref.recordId() + " not readable now: " + e.getMessage(), e);
        } catch (NotReadyException e) {
            throw new NotNow("YCLIENTS is not set up", e);
        }
    }

    /**
     * The address of the visit's branch as customers read it ("Москва, ул. Льва Толстого, 16"), "" when unknown; a
     * one-company bot: its company's.
     */
    private String address(long company) {
        try {
            Company c = (booking.branches().size() > 1 ? booking.forBranch(company) : booking).companyInfo();
            String address = c.address() == null ? "" : c.address().strip();
            String city = c.city() == null ? "" : c.city().strip();
            if (!city.isEmpty() && !address.isEmpty() && !address.contains(city)) {
                return city + ", " + address;
            }
            return address.isEmpty() ? city : address;
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return "";
        }
    }
}
