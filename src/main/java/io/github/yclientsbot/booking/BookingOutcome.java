package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.ServiceButton;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What came of one step of the in-chat booking ({@link BookingFlow}): the screen the customer is at now, or why
 * nothing moved. Knows nothing of Telegram, messages or buttons; the chat turns each into text and a keyboard.
 * Outcomes carrying a {@link BookingDraft} show that draft (what was chosen so far).
 */
public sealed interface BookingOutcome {

    // --- the screens of the steps ------------------------------------------------------------------

    /** Step 1: the service buttons; {@code page} as asked (0-based, the view clamps it). */
    record ServiceList(List<ServiceButton> services, int page) implements BookingOutcome {
        public ServiceList {
            services = List.copyOf(services);
        }
    }

    /** Step 2: the specialists who take online bookings for the chosen service. */
    record SpecialistList(BookingDraft draft, List<Specialist> specialists, int page) implements BookingOutcome {
        public SpecialistList {
            specialists = List.copyOf(specialists);
        }
    }

    /** A specialist as offered; {@code specialization} may be null. */
    record Specialist(long id, String name, String specialization) {}

    /** Step 3: the bookable days (possibly none); the draft's {@code month} is the one to show, when bookable. */
    record Calendar(BookingDraft draft, List<LocalDate> days) implements BookingOutcome {
        public Calendar {
            days = List.copyOf(days);
        }
    }

    /** Step 4: the free times of the draft's day ({@link BookingDraft#times()}, possibly none). */
    record TimeList(BookingDraft draft, int page) implements BookingOutcome {}

    /** Before a phone number is asked for the first time: the consent to the privacy policy. */
    record ConsentAsked(BookingDraft draft, Optional<String> policyUrl) implements BookingOutcome {}

    /** Step 5: the phone number (shared or typed). */
    record ContactAsked(BookingDraft draft) implements BookingOutcome {}

    /**
     * Everything chosen, Confirm to press. {@code stamp} identifies what this summary shows, so a Confirm of an
     * older summary books nothing; {@code contactRemembered}: the phone is the one remembered from a booking before.
     */
    record Summary(BookingDraft draft, String stamp, boolean contactRemembered) implements BookingOutcome {}

    /** The customer asked to change the name: it is to be typed. */
    record NameAsked(BookingDraft draft) implements BookingOutcome {}

    /** The SMS code step. {@code waitSeconds}: with {@link CodeSent#RECENT}, when a new code may be sent. */
    record CodeAsked(BookingDraft draft, CodeSent how, long waitSeconds) implements BookingOutcome {}

    enum CodeSent {
        /** The first code of this booking went out. */
        SENT,
        /** "Send again": a new code went out. */
        RESENT,
        /** No new code: one went out less than a minute ago and may still be typed. */
        RECENT
    }

    /** Booked. {@code askToRemember}: the customer is to be asked whether to keep the phone and name. */
    record Booked(BookingDraft draft, long recordId, Optional<CalendarInvite> calendar, boolean askToRemember)
            implements BookingOutcome {}

    // --- another time for a visit the bot knows of ({@link VisitMoves}) -----------------------------

    /** The new time chosen: "move from {@code draft.moving().from()} to {@code draft.datetime()}?", Confirm stamped. */
    record MoveAsked(BookingDraft draft, String stamp) implements BookingOutcome {}

    /**
     * Moved: the visit starts at {@code datetime} now (as YCLIENTS answered); {@code calendar}: the updated
     * "add to calendar" file, for a visit booked in the chat (which got one when booked).
     */
    record Moved(BookingDraft draft, String datetime, Optional<CalendarInvite> calendar) implements BookingOutcome {}

    /**
     * No move: the visit stays at {@code from} (null when not known), for {@code trouble}; {@code salonPhone} is ""
     * when unknown; {@code then} is the screen to pick another time from (other free times, {@link NothingFree},
     * {@link StepFailed}) or null.
     */
    record MoveRefused(MoveTrouble trouble, String from, String salonPhone, BookingOutcome then) implements BookingOutcome {}

    enum MoveTrouble {
        /** The time went meanwhile (YCLIENTS refused it): another one to pick. */
        TAKEN,
        /** The company does not allow moving it now (at this distance from the visit, or online booking is off). */
        NOT_ALLOWED,
        /** A visit the staff made, and no user token: only the salon can move it. */
        NEEDS_SALON,
        /** YCLIENTS is not answering (or its answer was lost): nothing known to have changed. */
        UNAVAILABLE,
        /** YCLIENTS refused for another reason. */
        FAILED,
        /** The visit is no longer known: cancelled, forgotten, or deleted in YCLIENTS. */
        GONE
    }

    /** The customer left the move (Cancel): the visit stays at {@code from}. */
    record MoveDropped(String from) implements BookingOutcome {}

    // --- answers to what the customer typed or pressed ---------------------------------------------

    /** A phone number was accepted: the summary follows (and the share-contact keyboard goes). */
    record ContactTaken(Summary summary) implements BookingOutcome {}

    record ContactRefused(ContactProblem problem) implements BookingOutcome {}

    enum ContactProblem {
        /** Not a plausible phone number. */
        INVALID,
        /** A shared contact that is not the sender's own. */
        FOREIGN,
        /** A contact shared while no booking waits for one. */
        NOT_ASKED
    }

    record NameRefused(CustomerName.Problem problem) implements BookingOutcome {}

    /** Something at the code step that is not a booking; the customer stays there. */
    record CodeProblem(BookingDraft draft, CodeTrouble trouble, int triesLeft) implements BookingOutcome {}

    enum CodeTrouble {
        /** What was typed is not a code. */
        INVALID,
        /** YCLIENTS refused the code (432); {@code triesLeft} more may be typed. */
        WRONG,
        /** No tries left for this code: only a new one helps. */
        EXHAUSTED,
        /** "Send again" failed at YCLIENTS. */
        NOT_SENT,
        /** "Send again" failed: YCLIENTS is not answering. */
        UNAVAILABLE
    }

    /** "Send again" too soon after the last code. */
    record ResendTooSoon(long seconds) implements BookingOutcome {}

    /**
     * The answer to "remember my number?"; {@code phone} is the remembered one with {@link Remembering#SAVED} and
     * {@link Remembering#KEPT}.
     */
    record RememberAnswered(Remembering answer, String phone) implements BookingOutcome {}

    /** {@code KEPT}: answered again after the question was settled (a second tap) while a number is remembered. */
    enum Remembering { SAVED, DECLINED, EXPIRED, KEPT }

    /** Back from the phone step: the times again, and the share-contact keyboard goes. */
    record ContactDropped(TimeList times) implements BookingOutcome {}

    /** Cancel. {@code contactKeyboardShown}: it was pressed at the phone step, whose keyboard is to go. */
    record Cancelled(boolean contactKeyboardShown) implements BookingOutcome {}

    /** Cancel at the consent: nothing stored; the booking form is the way. */
    record ConsentDeclined(BookingDraft draft) implements BookingOutcome {}

    /** The service of a button is no longer offered (or booking in the chat is off). */
    record ServiceGone() implements BookingOutcome {}

    /**
     * A button of a booking conversation that is over (finished, cancelled or expired): it did nothing.
     * {@code confirm}: it was a Confirm.
     */
    record Ended(boolean confirm) implements BookingOutcome {}

    /** Nothing happened, for a reason the customer is told briefly. */
    record Ignored(Why why) implements BookingOutcome {}

    enum Why {
        /** A button of a step the customer has left. */
        STALE,
        /** The booking is being made right now. */
        BUSY,
        /** Confirm of a summary that no longer shows what would be booked. */
        OUTDATED_SUMMARY,
        /** A button of a booking already made (its "remember?" not answered yet). */
        ALREADY_BOOKED,
        /** A typed message while no step waits for one. */
        TEXT_NOT_EXPECTED
    }

    /** /forgetme done. */
    record Forgotten() implements BookingOutcome {}

    /** /book while nothing can be booked, and why: switched off, not set up, or no service open for booking yet. */
    record NoBooking(ServiceMenu.Unavailable why) implements BookingOutcome {}

    // --- failures and refusals ---------------------------------------------------------------------

    /** A YCLIENTS read of a step failed ({@link RefusalPolicy.Reason#UNAVAILABLE} or {@code GENERIC}). */
    record StepFailed(BookingDraft draft, RefusalPolicy.Reason reason) implements BookingOutcome {}

    /** A step needed YCLIENTS, and the bot's connection to it is not set up. */
    record StepNotReady(BookingDraft draft) implements BookingOutcome {}

    /** Confirm or a code while the connection to YCLIENTS is not set up: the draft stays, the form is offered. */
    record NotReady(BookingDraft draft) implements BookingOutcome {}

    /**
     * YCLIENTS refused the booking (or the code for it): {@code reason} said, then {@code then} — the screen the
     * customer went back to (a {@link Summary}, {@link TimeList}, {@link NothingFree}, {@link StepFailed} or
     * {@link StepNotReady}), or null when the chat cannot book this and only the form is left.
     * {@code nearest}: {@code then} holds the nearest free times instead of the one taken.
     */
    record Refused(BookingDraft draft, RefusalPolicy.Reason reason, boolean nearest, BookingOutcome then)
            implements BookingOutcome {}

    /** No free time that day nor on the next bookable days. */
    record NothingFree(BookingDraft draft) implements BookingOutcome {}

    /** {@code book_record} got no usable answer: the booking may exist. {@code salonPhone} is "" when unknown. */
    record OutcomeUnknown(String salonPhone) implements BookingOutcome {}

    /** A limit reached: nothing sent to YCLIENTS. {@code codeStillValid}: a code already received may be typed. */
    record OverLimit(BookingDraft draft, BookingQuotas.Over over, boolean codeStillValid) implements BookingOutcome {}
}
