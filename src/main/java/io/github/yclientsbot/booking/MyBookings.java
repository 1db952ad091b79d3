package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * /mybookings: the customer's upcoming bookings made in chat, read back from YCLIENTS with their hash, and the visits
 * booked elsewhere that the bot found by the customer's verified phone, read back with the user token
 * ({@link StaffRecords}); and their cancellation. A cancellation counts only after YCLIENTS accepted it, and is
 * offered only where the company allows it at this distance from the visit ({@link VisitChanges}); a visit without a
 * hash (booked elsewhere) is cancelled with the user token ({@code DELETE /record}), else only the salon can (its
 * phone). A cancelled visit's reminders are dropped.
 */
public final class MyBookings {
    private static final Logger log = LoggerFactory.getLogger(MyBookings.class);

    private final BookingService booking;
    private final BookingReferences references;
    private final StaffRecords staffRecords;
    private final VisitChanges changes;
    private final ReminderPlan plan;

    public MyBookings(BookingService booking, BookingReferences references, StaffRecords staffRecords,
                      VisitChanges changes, ReminderPlan plan) {
        this.booking = booking;
        this.references = references;
        this.staffRecords = staffRecords;
        this.changes = changes;
        this.plan = plan;
    }

    /** A booking kept for the customer: {@code id} is ours (the buttons carry it), {@code startsAt} as booked. */
    public record Kept(long id, String startsAt) {}

    /**
     * An upcoming booking as YCLIENTS has it now; {@code staffName} may be null, {@code services} empty;
     * {@code elsewhere}: booked elsewhere, found by the customer's verified phone. {@code canMove}, {@code canCancel}:
     * whether 🔁 and ❌ are offered for it now. {@code branch}: the branch of a chain it is at (title and address),
     * null with one branch.
     */
    public record Upcoming(long id, String datetime, List<String> services, String staffName, Instant start,
                           boolean elsewhere, boolean canMove, boolean canCancel, String branch) {
        public Upcoming {
            services = List.copyOf(services);
        }

        public Upcoming(long id, String datetime, List<String> services, String staffName, Instant start,
                        boolean elsewhere, boolean canMove, boolean canCancel) {
            this(id, datetime, services, staffName, start, elsewhere, canMove, canCancel, null);
        }

        /** Cancel offered, no move (the bot before moves). */
        public Upcoming(long id, String datetime, List<String> services, String staffName, Instant start) {
            this(id, datetime, services, staffName, start, false, false, true);
        }
    }

    /** What /mybookings finds. */
    public sealed interface Listing {
        /**
         * The upcoming bookings of page {@code page} (of {@code pages}, at least 1), soonest first; possibly none.
         * {@code first} is how many bookings come before this page (to number them on).
         */
        record Found(List<Upcoming> upcoming, int page, int pages, int first) implements Listing {
            public Found {
                upcoming = List.copyOf(upcoming);
            }

            /** All of them, on one page. */
            public Found(List<Upcoming> upcoming) {
                this(upcoming, 0, 1, 0);
            }
        }

        /** The connection to YCLIENTS is not set up. */
        record NotReady() implements Listing {}

        /** YCLIENTS is not answering, or refused to show a booking: they cannot be checked (which is not "none"). */
        record Unreadable() implements Listing {}
    }

    /** What came of "Yes, cancel". */
    public sealed interface Cancellation {
        record Cancelled(String startsAt) implements Cancellation {}

        /** No such booking kept (cancelled already, or forgotten). */
        record Gone() implements Cancellation {}

        record NotReady() implements Cancellation {}

        /** YCLIENTS did not cancel; {@code unavailable}: it was not answering. {@code salonPhone} is "" when unknown. */
        record Refused(String startsAt, boolean unavailable, String salonPhone) implements Cancellation {}

        /** The company does not let customers cancel it now (this close to the visit): nothing sent. */
        record NotAllowed(String startsAt, String salonPhone) implements Cancellation {}

        /** A visit without a hash and no user token: only the salon can cancel it. */
        record NeedsSalon(String startsAt, String salonPhone) implements Cancellation {}
    }

    /** Every upcoming booking, on one page. */
    public Listing list(long userId) {
        return list(userId, 0, Integer.MAX_VALUE);
    }

    /**
     * One page of the upcoming bookings: the kept bookings are put in the order of the time they were booked for,
     * and only the {@code pageSize} of page {@code page} (clamped) are read back from YCLIENTS — a customer with many
     * bookings costs a page's worth of calls per look, not all of them. A booking YCLIENTS moved keeps its place by
     * the booked time; one gone there is left out, so a page may hold fewer.
     */
    public Listing list(long userId, int page, int pageSize) {
        List<Long> served;
        try {
            long first = booking.company();
            List<Long> branches = booking.branches();
            served = branches.isEmpty() ? List.of(first) : branches;
        } catch (NotReadyException e) {
            return new Listing.NotReady();
        }
        Instant now = booking.now();
        List<BookingReference> kept = references.forUser(userId).stream()
                // of a branch the bot no longer serves, or already past: not read back
                .filter(ref -> served.contains(ref.companyId())
                        && !CalendarFile.start(ref.startsAt(), null).map(s -> !s.isAfter(now)).orElse(false))
                .sorted(Comparator.comparing((BookingReference ref) -> CalendarFile.start(ref.startsAt(), null).orElse(Instant.MAX))
                        .thenComparingLong(BookingReference::id))
                .toList();
        int size = Math.max(1, pageSize);
        int pages = kept.isEmpty() ? 1 : (kept.size() - 1) / size + 1;
        int p = Math.max(0, Math.min(page, pages - 1));
        int first = p * size;
        List<Upcoming> upcoming = new ArrayList<>();
        for (BookingReference ref : kept.subList(first, Math.min(kept.size(), first + size))) {
            try {
                // each booking with its own branch (company), whose zone its datetime carries
                long company = ref.companyId();
                RecordInfo r = read(company, ref);
                if (r == null) {
                    // booked elsewhere, and the user token needed to read it is gone: nothing to show
                    continue;
                }
                Optional<Instant> start = CalendarFile.start(r.datetime(), null);
                if (!r.deleted() && start.isPresent() && start.get().isAfter(now)) {
                    upcoming.add(new Upcoming(ref.id(), r.datetime(), r.services(), r.staffName(), start.get(),
                            ref.elsewhere(), changes.canMove(company, start.get()),
                            changes.canCancel(company, start.get()), served.size() > 1 ? branchName(company) : null));
                }
            } catch (YclientsException e) {
                if (e.isUnavailable()) {
                    log.info("/mybookings of user {}: YCLIENTS unavailable: {}", userId, e.getMessage());
                    return new Listing.Unreadable();
                }
                if (!e.isNotFound()) {
                    // 401/403/licence, a refusal…: the bookings cannot be checked, which is not "you have none"
                    // (the message names method, path without the hash, status and YCLIENTS's text — no secret)
                    log.warn("/mybookings of user {}: record {} not readable: {}", userId, ref.recordId(), e.getMessage());
                    return new Listing.Unreadable();
                }
                // YCLIENTS no longer knows the booking (removed there): not listed
                log.info("/mybookings of user {}: record {} is gone: {}", userId, ref.recordId(), e.getMessage());
            } catch (NotReadyException e) {
                return new Listing.NotReady();
            }
        }
        upcoming.sort(Comparator.comparing(Upcoming::start));
        return new Listing.Found(upcoming, p, pages, first);
    }

    /**
     * A booking made in chat read back with its hash; a visit booked elsewhere read with the user token (null when
     * that is not possible any more).
     */
    private RecordInfo read(long company, BookingReference ref) throws YclientsException, NotReadyException {
        if (ref.recordHash() != null) {
            return booking.record(company, ref.recordId(), ref.recordHash());
        }
        if (!staffRecords.possible()) {
            return null;
        }
        RecordDetails r = staffRecords.read(company, ref.recordId());
        return new RecordInfo(r.id(), r.datetime(), r.lengthSeconds(),
                r.services().stream().map(RecordDetails.Service::title).filter(t -> !t.isBlank()).toList(),
                r.staffName(), r.deleted());
    }

    /** A kept booking of the customer, for "Cancel?". */
    public Optional<Kept> find(long userId, long id) {
        return references.find(userId, id).map(r -> new Kept(r.id(), r.startsAt()));
    }

    /**
     * Why Cancel cannot be asked for booking {@code id} now ({@link Cancellation.NotAllowed},
     * {@link Cancellation.NeedsSalon}, {@link Cancellation.Gone}); empty when it can.
     */
    public Optional<Cancellation> cannotCancel(long userId, long id) {
        Optional<BookingReference> found = references.find(userId, id);
        return found.isEmpty() ? Optional.of(new Cancellation.Gone()) : blocked(found.get());
    }

    private Optional<Cancellation> blocked(BookingReference ref) {
        Optional<Instant> start = CalendarFile.start(ref.startsAt(), null);
        if (start.isPresent() && !changes.canCancel(ref.companyId(), start.get())) {
            return Optional.of(new Cancellation.NotAllowed(ref.startsAt(), salonPhone(ref.companyId())));
        }
        if (ref.recordHash() == null && !booking.hasUserToken()) {
            return Optional.of(new Cancellation.NeedsSalon(ref.startsAt(), salonPhone(ref.companyId())));
        }
        return Optional.empty();
    }

    /**
     * Cancels the booking in YCLIENTS — by its hash, or for a visit without one with the user token — when the company
     * allows it now; it is forgotten here (and its reminders dropped) only when YCLIENTS accepted.
     */
    public Cancellation cancel(long userId, long id) {
        Optional<BookingReference> found = references.find(userId, id);
        if (found.isEmpty()) {
            return new Cancellation.Gone();
        }
        BookingReference ref = found.get();
        Optional<Cancellation> blocked = blocked(ref);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        try {
            if (ref.recordHash() != null) {
                booking.cancel(ref.recordId(), ref.recordHash());
            } else {
                booking.deleteRecord(ref.companyId(), ref.recordId());
            }
        } catch (NotReadyException e) {
            return new Cancellation.NotReady();
        } catch (YclientsException e) {
            log.info("Cancellation of record {} by user {} failed: {}", ref.recordId(), userId, e.getMessage());
            return new Cancellation.Refused(ref.startsAt(), e.isUnavailable(), salonPhone(ref.companyId()));
        }
        references.delete(userId, ref.id());
        try {
            plan.drop(ref.companyId(), ref.recordId());
        } catch (RuntimeException e) {
            log.warn("Record {} cancelled; its reminders not dropped: {}", ref.recordId(), e.toString());
        }
        log.info("User {} cancelled record {} in chat", userId, ref.recordId());
        return new Cancellation.Cancelled(ref.startsAt());
    }

    /** A branch of a chain as /mybookings names it (title and address of the cached company); null when unknown. */
    private String branchName(long company) {
        try {
            io.github.yclientsbot.yclients.Company c = booking.forBranch(company).companyInfo();
            return c.address() == null || c.address().isBlank() ? c.displayTitle() : c.displayTitle() + " — " + c.address().strip();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return null;
        }
    }

    /** The phone of the booking's branch from the (cached) company, or "" when unknown. */
    private String salonPhone(long company) {
        try {
            BookingService branch = company == booking.company() ? booking : booking.forBranch(company);
            String phone = branch.companyInfo().phone();
            return phone == null ? "" : phone.strip();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return "";
        }
    }
}
