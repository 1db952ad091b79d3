package io.github.yclientsbot.booking;

import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.ReminderStore;
import io.github.yclientsbot.yclients.RecordInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One follow-up that came due: does the visit deserve a thank-you now, and what does it name? The visit is read back
 * from YCLIENTS right before (by its hash; without one with the user token, and skipped quietly without that token).
 * None for a visit cancelled or marked "did not come" (attendance -1: the staff read always carries it; the online
 * read by hash documents no attendance, so there a visit not deleted counts as taken place unless the answer says -1),
 * nor for a customer who turned reminders off. A visit moved, or longer than the kept start lets the plan know, gets
 * its follow-up at its real end ({@link Due.Later}). Sent once: noted in {@code reminder_log} (offset
 * {@link FollowupId#NOTE_OFFSET}) right after the send, the same milliseconds-wide duplicate window as a reminder's.
 */
public final class VisitFollowups {
    private static final Logger log = LoggerFactory.getLogger(VisitFollowups.class);

    /** What to do with a follow-up that came due. */
    public sealed interface Due {
        /**
         * Send it: the visit's services (titles; may be empty) and specialist (null when unknown), and what 📅 Book again
         * books — the first service's id and the specialist's (0 when unknown).
         */
        record Send(FollowupId id, long userId, Instant visitStart, List<String> services, String staffName,
                    long serviceId, long staffId, long branch) implements Due {
            public Send {
                services = List.copyOf(services);
            }

            public Send(FollowupId id, long userId, Instant visitStart, List<String> services, String staffName,
                        long serviceId, long staffId) {
                this(id, userId, visitStart, services, staffName, serviceId, staffId, 0);
            }
        }

        /** Not sent, on purpose. */
        record Skip(String why) implements Due {}

        /** Not yet: the visit ends later than planned (moved, or its length): at {@code at}. */
        record Later(Instant at) implements Due {}
    }

    private final BookingReferences references;
    private final ReminderStore store;
    private final BookingService booking;
    private final ReminderSchedule schedule;
    private final Consumer<String> counted;
    private final Clock clock;

    /** @param counted told of each outcome ({@code sent}, {@code skipped}, {@code failed}) for the metrics */
    public VisitFollowups(BookingReferences references, ReminderStore store, BookingService booking,
                          ReminderSchedule schedule, Consumer<String> counted, Clock clock) {
        this.references = references;
        this.store = store;
        this.booking = booking;
        this.schedule = schedule;
        this.counted = counted;
        this.clock = clock;
    }

    /**
     * What to do with follow-up {@code id} now. Skips are noted here.
     *
     * @throws VisitReminders.NotNow when YCLIENTS cannot be asked now (tried again later)
     */
    public Due prepare(FollowupId id) {
        Optional<BookingReference> found = references.byRecord(id.companyId(), id.recordId());
        if (found.isEmpty()) {
            counted.accept("skipped");
            return new Due.Skip("the visit is no longer kept (cancelled or forgotten)");
        }
        BookingReference ref = found.get();
        Optional<Instant> kept = schedule.start(ref);
        if (kept.isEmpty()) {
            counted.accept("skipped");
            return new Due.Skip("the visit's time is unreadable");
        }
        if (store.done(id.companyId(), id.recordId(), FollowupId.NOTE_OFFSET, kept.get()).isPresent()) {
            return new Due.Skip("sent already");
        }
        if (!store.choice(ref.userId()).map(ReminderStore.Choice::enabled).orElse(true)) {
            return skip(id, ref, kept.get(), "the customer turned reminders off");
        }
        Optional<RecordInfo> read = VisitReminders.readBack(booking, ref);
        if (read.isEmpty() || read.get().deleted()) {
            return skip(id, ref, kept.get(), "the visit was cancelled (or cannot be read without the user token)");
        }
        RecordInfo r = read.get();
        Optional<Instant> start = CalendarFile.start(r.datetime(), schedule.zoneId(ref.companyId()));
        if (start.isEmpty()) {
            return skip(id, ref, kept.get(), "the visit's time is unreadable");
        }
        if (!start.get().equals(kept.get())) {
            references.moved(ref.id(), r.datetime());
            schedule.replan(ref.id());
            log.info("Visit of record {} moved; its follow-up follows it", ref.recordId());
        }
        Instant end = start.get().plusSeconds(Math.max(0, r.lengthSeconds()));
        Optional<Instant> at = schedule.followupAt(ref.companyId(), end);
        if (at.isEmpty()) {
            return skip(id, ref, start.get(), "follow-ups are off");
        }
        if (at.get().isAfter(clock.instant())) {
            return new Due.Later(at.get());
        }
        if (schedule.followupTooLate(end)) {
            return skip(id, ref, start.get(), "too long after the visit");
        }
        if (r.noShow()) {
            return skip(id, ref, start.get(), "the customer did not come");
        }
        // Book again books the visit's own branch (0: the bot's first, as a one-company bot has it)
        long branch = booking.branches().size() > 1 ? ref.companyId() : 0;
        return new Due.Send(id, ref.userId(), start.get(), r.services(), r.staffName(),
                r.serviceIds().isEmpty() ? 0 : r.serviceIds().get(0), r.staffId(), branch);
    }

    /** The follow-up went out: noted at once. */
    public void sent(Due.Send s) {
        store.markDone(s.id().companyId(), s.id().recordId(), FollowupId.NOTE_OFFSET, s.visitStart(), s.userId(),
                ReminderStore.Outcome.SENT);
        counted.accept("sent");
        log.info("Follow-up {} sent to user {}", s.id().instance(), s.userId());
    }

    /** The follow-up could not be sent in all its tries: noted as failed, not tried again. */
    public void failed(FollowupId id) {
        counted.accept("failed");
        references.byRecord(id.companyId(), id.recordId()).ifPresent(ref -> schedule.start(ref).ifPresent(start ->
                store.markDone(id.companyId(), id.recordId(), FollowupId.NOTE_OFFSET, start, ref.userId(),
                        ReminderStore.Outcome.UNDELIVERED)));
        log.warn("Follow-up {} failed for good", id.instance());
    }

    private Due skip(FollowupId id, BookingReference ref, Instant visitStart, String why) {
        store.markDone(id.companyId(), id.recordId(), FollowupId.NOTE_OFFSET, visitStart, ref.userId(),
                ReminderStore.Outcome.SKIPPED);
        counted.accept("skipped");
        log.info("Follow-up {} skipped: {}", id.instance(), why);
        return new Due.Skip(why);
    }
}
