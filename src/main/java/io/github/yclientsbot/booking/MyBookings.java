package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
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
 * /mybookings: the customer's upcoming bookings made in chat, read back from YCLIENTS, and their cancellation. A
 * cancellation counts only after YCLIENTS accepted it.
 */
public final class MyBookings {
    private static final Logger log = LoggerFactory.getLogger(MyBookings.class);

    private final BookingService booking;
    private final BookingReferences references;
    private final ReminderPlan reminders;

    public MyBookings(BookingService booking, BookingReferences references) {
        this(booking, references, ReminderPlan.none());
    }

    /** @param reminders told of each cancellation, so the visit's reminders are dropped */
    public MyBookings(BookingService booking, BookingReferences references, ReminderPlan reminders) {
        this.booking = booking;
        this.references = references;
        this.reminders = reminders;
    }

    /** A booking kept for the customer: {@code id} is ours (the buttons carry it), {@code startsAt} as booked. */
    public record Kept(long id, String startsAt) {}

    /** An upcoming booking as YCLIENTS has it now; {@code staffName} may be null, {@code services} empty. */
    public record Upcoming(long id, String datetime, List<String> services, String staffName, Instant start) {
        public Upcoming {
            services = List.copyOf(services);
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
        long company;
        try {
            company = booking.company();
        } catch (NotReadyException e) {
            return new Listing.NotReady();
        }
        Instant now = booking.now();
        List<BookingReference> kept = references.forUser(userId).stream()
                // another branch's, or already past: not read back
                .filter(ref -> ref.companyId() == company
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
                RecordInfo r = booking.record(company, ref.recordId(), ref.recordHash());
                Optional<Instant> start = CalendarFile.start(r.datetime(), null);
                if (!r.deleted() && start.isPresent() && start.get().isAfter(now)) {
                    upcoming.add(new Upcoming(ref.id(), r.datetime(), r.services(), r.staffName(), start.get()));
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

    /** A kept booking of the customer, for "Cancel?". */
    public Optional<Kept> find(long userId, long id) {
        return references.find(userId, id).map(r -> new Kept(r.id(), r.startsAt()));
    }

    /** Cancels the booking in YCLIENTS; it is forgotten here only when YCLIENTS accepted. */
    public Cancellation cancel(long userId, long id) {
        Optional<BookingReference> found = references.find(userId, id);
        if (found.isEmpty()) {
            return new Cancellation.Gone();
        }
        BookingReference ref = found.get();
        try {
            booking.cancel(ref.recordId(), ref.recordHash());
        } catch (NotReadyException e) {
            return new Cancellation.NotReady();
        } catch (YclientsException e) {
            log.info("Cancellation of record {} by user {} failed: {}", ref.recordId(), userId, e.getMessage());
            return new Cancellation.Refused(ref.startsAt(), e.isUnavailable(), salonPhone());
        }
        references.delete(userId, ref.id());
        try {
            reminders.drop(ref.companyId(), ref.recordId());
        } catch (RuntimeException e) {
            // the reminder finds the visit gone and sends nothing
            log.warn("Reminders of cancelled record {} not dropped: {}", ref.recordId(), e.toString());
        }
        log.info("User {} cancelled record {} in chat", userId, ref.recordId());
        return new Cancellation.Cancelled(ref.startsAt());
    }

    /** The salon's phone from the (cached) company, or "" when unknown. */
    private String salonPhone() {
        try {
            String phone = booking.companyInfo().phone();
            return phone == null ? "" : phone.strip();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return "";
        }
    }
}
