package io.github.yclientsbot.booking;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.yclients.BookedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a booking YCLIENTS accepted leaves to write: the draft closed (or moved on to "remember this number?"), the
 * booking counted for the limits, its records kept for /mybookings. Once YCLIENTS accepted, a failed write never
 * undoes or repeats the booking — the customer is told its number, and no path offers Confirm again: what could not
 * be written is kept here, in memory, and written again before that customer's next step and by the background
 * jobs every few seconds, until the database answers. Until then the draft stays at BOOKING, where Confirm, Back and
 * Cancel change nothing. (A restart in between loses what waits here: the draft then expires at BOOKING and
 * /mybookings lacks the booking; the customer has its number from the chat.)
 */
public final class AcceptedBookings {
    private static final Logger log = LoggerFactory.getLogger(AcceptedBookings.class);

    private final BookingDrafts drafts;
    private final BookingQuotas quotas;
    private final BookingReferences references;
    private final ReminderPlan reminders;
    private final List<Unsaved> unsaved = new CopyOnWriteArrayList<>();

    public AcceptedBookings(BookingDrafts drafts, BookingQuotas quotas, BookingReferences references) {
        this(drafts, quotas, references, ReminderPlan.none());
    }

    /** @param reminders told of each booking kept, so its reminders are planned */
    public AcceptedBookings(BookingDrafts drafts, BookingQuotas quotas, BookingReferences references,
                            ReminderPlan reminders) {
        this.drafts = drafts;
        this.quotas = quotas;
        this.references = references;
        this.reminders = reminders;
    }

    /** What of one accepted booking is still to be written. Guarded by itself. */
    private static final class Unsaved {
        final long userId;
        final BookingDraft draft;
        final long company;
        boolean draftOpen;
        boolean uncounted;
        final List<BookedRecord> records;

        Unsaved(long userId, BookingDraft draft, long company, boolean draftOpen, boolean uncounted,
                List<BookedRecord> records) {
            this.userId = userId;
            this.draft = draft;
            this.company = company;
            this.draftOpen = draftOpen;
            this.uncounted = uncounted;
            this.records = new ArrayList<>(records);
        }

        boolean done() {
            return !draftOpen && !uncounted && records.isEmpty();
        }
    }

    /**
     * Writes what the booking {@code records} of draft {@code d} (now at BOOKING) leaves: the draft moves to REMEMBER
     * when {@code ask}, else ends; the booking is counted; the records are kept with the customer ({@code company}
     * empty: the company is not known, nothing to keep). Never throws.
     *
     * @return {@code true} when the draft now waits at REMEMBER (so "remember this number?" may be asked)
     */
    boolean settle(long userId, BookingDraft d, List<BookedRecord> records, OptionalLong company, boolean ask) {
        boolean remembering = false;
        boolean draftOpen = false;
        try {
            if (ask) {
                remembering = drafts.find(userId).filter(v -> v.draft().step() == Step.BOOKING)
                        .map(v -> drafts.save(userId, v.version(), d.step(Step.REMEMBER))).orElse(false);
                if (!remembering) {
                    drafts.end(userId);
                }
            } else {
                drafts.end(userId);
            }
        } catch (RuntimeException e) {
            draftOpen = true;
            remembering = false;
            log.warn("Booking {} of user {} made, but its booking conversation could not be closed: {}",
                    records.get(0).recordId(), userId, e.toString());
        }
        Unsaved u = new Unsaved(userId, d, company.orElse(0), draftOpen, true,
                company.isPresent() ? records : List.of());
        writeCount(u);
        writeReferences(u);
        if (!u.done()) {
            unsaved.add(u);
            log.warn("Booking {} of user {} is made in YCLIENTS but not yet stored in full (the database did not answer);"
                    + " kept in memory and stored once it answers", records.get(0).recordId(), userId);
        }
        return remembering;
    }

    /**
     * The outcome of {@code book_record} is unknown (it may well exist): the draft ends and the booking is counted,
     * now or, when the database fails, later. Never throws.
     */
    void settleUnknown(long userId, BookingDraft d) {
        Unsaved u = new Unsaved(userId, d, 0, true, true, List.of());
        writeDraft(u, false);
        writeCount(u);
        if (!u.done()) {
            unsaved.add(u);
            log.warn("Booking of user {} may have been made; its conversation and count are kept in memory until the"
                    + " database answers", userId);
        }
    }

    /** Writes what waits for {@code userId} (before their next step); a failure leaves it waiting. */
    void retry(long userId) {
        for (Unsaved u : unsaved) {
            if (u.userId == userId) {
                retry(u);
            }
        }
    }

    /** Writes everything that waits (the background jobs); returns how many bookings still wait. */
    public int retry() {
        for (Unsaved u : unsaved) {
            retry(u);
        }
        return unsaved.size();
    }

    /** How many accepted bookings wait for a write. */
    public int waiting() {
        return unsaved.size();
    }

    /**
     * {@code true} while a booking of the user is made but its conversation could not be closed: their draft at
     * BOOKING is that booking, done.
     */
    boolean madeButOpen(long userId) {
        return unsaved.stream().anyMatch(u -> u.userId == userId && u.draftOpen);
    }

    /** /forgetme: the records waiting to be kept for /mybookings are not kept (the count still is). */
    void forget(long userId) {
        for (Unsaved u : unsaved) {
            if (u.userId == userId) {
                synchronized (u) {
                    u.records.clear();
                    u.draftOpen = false;
                }
            }
        }
        unsaved.removeIf(u -> u.userId == userId && u.done());
    }

    private void retry(Unsaved u) {
        writeDraft(u, true);
        writeCount(u);
        writeReferences(u);
        if (u.done() && unsaved.remove(u)) {
            log.info("Booking of user {} made earlier is now stored in full", u.userId);
        }
    }

    /**
     * Closes the conversation of the booking: later ({@code later}), only if it is still at BOOKING for this time
     * (the customer may have started another meanwhile).
     */
    private void writeDraft(Unsaved u, boolean later) {
        synchronized (u) {
            if (!u.draftOpen) {
                return;
            }
            try {
                if (later) {
                    drafts.find(u.userId)
                            .filter(v -> v.draft().step() == Step.BOOKING && Objects.equals(v.draft().datetime(), u.draft.datetime()))
                            .ifPresent(v -> drafts.end(u.userId, v.version()));
                } else {
                    drafts.end(u.userId);
                }
                u.draftOpen = false;
            } catch (RuntimeException e) {
                log.debug("Conversation of user {} still not closed: {}", u.userId, e.toString());
            }
        }
    }

    /** Counts the booking toward the limits. */
    private void writeCount(Unsaved u) {
        synchronized (u) {
            if (!u.uncounted) {
                return;
            }
            try {
                quotas.booked(u.userId, u.draft.phone());
                u.uncounted = false;
            } catch (RuntimeException e) {
                log.warn("Booking of user {} not counted for the limits yet: {}", u.userId, e.toString());
            }
        }
    }

    /** The kept booking's reminders planned; a failure is logged (the next start plans every kept visit). */
    private void planReminders(long company, long recordId) {
        try {
            references.byRecord(company, recordId).ifPresent(ref -> reminders.replan(ref.id()));
        } catch (RuntimeException e) {
            log.warn("Reminders of booking {} not planned yet: {}", recordId, e.toString());
        }
    }

    /** Keeps the records for /mybookings (storing one twice keeps it once). */
    private void writeReferences(Unsaved u) {
        synchronized (u) {
            while (!u.records.isEmpty()) {
                BookedRecord r = u.records.get(0);
                try {
                    references.add(u.userId, u.company, r.recordId(), r.recordHash(), u.draft.datetime());
                    u.records.remove(0);
                    planReminders(u.company, r.recordId());
                } catch (RuntimeException e) {
                    log.warn("Booking {} of user {} not stored for /mybookings yet: {}", r.recordId(), u.userId, e.toString());
                    return;
                }
            }
        }
    }
}
