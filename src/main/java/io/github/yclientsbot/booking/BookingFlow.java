package io.github.yclientsbot.booking;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingOutcome.Ignored;
import io.github.yclientsbot.booking.BookingOutcome.Why;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.CustomerContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The in-chat booking, step by step: service → specialist → day → time → (consent) → phone → summary → confirm
 * ({@link BookingConfirmation} from there). Each call takes what the customer did and returns what came of it
 * ({@link BookingOutcome}); where the customer is lives in the database ({@link BookingDrafts}, each change naming
 * the version it starts from), so a restart mid-way continues and a second tap finds the step taken.
 */
public final class BookingFlow {
    private static final Logger log = LoggerFactory.getLogger(BookingFlow.class);

    private final BookingService booking;
    private final BookingDrafts drafts;
    private final ServiceMenu menu;
    private final PrivacyConsent consent;
    private final RememberedContacts remembered;
    private final BookingReferences references;
    private final BookingSteps steps;
    private final BookingConfirmation confirmation;
    private final AcceptedBookings accepted;
    private final VisitMoves moves;

    public BookingFlow(BookingService booking, BookingDrafts drafts, ServiceMenu menu, PrivacyConsent consent,
                       RememberedContacts remembered, BookingReferences references, BookingSteps steps,
                       BookingConfirmation confirmation, AcceptedBookings accepted, VisitMoves moves) {
        this.moves = moves;
        this.booking = booking;
        this.drafts = drafts;
        this.menu = menu;
        this.consent = consent;
        this.remembered = remembered;
        this.references = references;
        this.steps = steps;
        this.confirmation = confirmation;
        this.accepted = accepted;
    }

    /** A contact shared in Telegram: whose it is ({@code ownerId}, null when not a Telegram user's) and what it says. */
    public record SharedContact(Long ownerId, String phone, String firstName, String lastName) {
        @Override
        public String toString() {
            return "SharedContact[owner " + ownerId + "]";
        }
    }

    /** Booking in the chat is on (mode chat or both). */
    public boolean inChatEnabled() {
        return booking.mode() != BookingService.Mode.FORM;
    }

    /** /book: a new conversation at the service step, or {@link BookingOutcome.NoBooking}. */
    public BookingOutcome start(long userId) {
        return start(userId, 0);
    }

    /** /book at branch {@code company} of a chain (0: the first branch, as with one company). */
    public BookingOutcome start(long userId, long company) {
        Optional<ServiceMenu.Unavailable> closed = (company == 0 ? menu : menu.forBranch(company)).linksUnavailable();
        if (closed.isPresent()) {
            return new BookingOutcome.NoBooking(closed.get());
        }
        if (steps.booking(company).services().isEmpty()) {
            return new BookingOutcome.NoBooking(ServiceMenu.Unavailable.NO_SERVICES);
        }
        drafts.start(userId, BookingDraft.start().branch(company));
        return steps.services(company, 0);
    }

    /**
     * /forgetme: the conversation, the stored consent, the remembered contact and the booking references are
     * deleted. The counters of the booking limits are kept on purpose (else /forgetme would reset the limits);
     * they hold no phone number and are deleted after two days.
     */
    public BookingOutcome forget(long userId) {
        accepted.forget(userId);
        drafts.end(userId);
        boolean hadConsent = consent.forget(userId);
        boolean hadContact = remembered.forget(userId);
        int bookings = references.deleteAll(userId);
        log.info("User {} asked to be forgotten; consent {}, remembered contact {}, {} booking reference(s) deleted",
                userId, hadConsent ? "deleted" : "none stored", hadContact ? "deleted" : "none stored", bookings);
        return new BookingOutcome.Forgotten();
    }

    /** A typed message is wanted at the phone step (the number), the SMS code step (the code) and the name step. */
    public boolean wantsText(long userId) {
        return drafts.find(userId).map(v -> v.draft().step() == Step.CONTACT || v.draft().step() == Step.CODE
                || v.draft().step() == Step.NAME).orElse(false);
    }

    /** A button of the booking. */
    public BookingOutcome press(long userId, Choice choice) {
        if (choice instanceof Choice.Service s) {
            return chooseService(userId, s.buttonId());
        }
        // a booking made while the database failed: its conversation is closed first, if the database answers again
        accepted.retry(userId);
        Optional<BookingDrafts.Versioned> found = drafts.find(userId);
        if (found.isEmpty()) {
            return choice instanceof Choice.Remember answer
                    ? lateRememberAnswer(userId, answer)
                    : new BookingOutcome.Ended(choice instanceof Choice.Confirm);
        }
        BookingDrafts.Versioned v = found.get();
        BookingDraft d = v.draft();
        if (d.step() == Step.REMEMBER) {
            return rememberAnswer(userId, d, choice);
        }
        try {
            return step(userId, v, choice);
        } catch (BookingSteps.Unavailable failed) {
            return failed.outcome();
        }
    }

    private BookingOutcome step(long userId, BookingDrafts.Versioned v, Choice choice) throws BookingSteps.Unavailable {
        if (v.draft().moving() != null) {
            return moves.press(userId, v, choice); // another time for a known visit, not a new booking
        }
        BookingDraft d = v.draft();
        Step at = d.step();
        if (at == Step.BOOKING && accepted.madeButOpen(userId)) {
            // YCLIENTS accepted it; only the database has not been told yet: nothing to confirm, go back to or cancel
            return new Ignored(Why.ALREADY_BOOKED);
        }
        if (choice instanceof Choice.Cancel) {
            return cancel(userId, d);
        }
        if (choice instanceof Choice.Back) {
            return back(userId, v);
        }
        if (choice instanceof Choice.Confirm c) {
            if (at == Step.SUMMARY && c.stamp() != null && !c.stamp().equals(BookingSteps.stamp(d))) {
                // an older summary (another time, number or name than the one now chosen) books nothing
                return new Ignored(Why.OUTDATED_SUMMARY);
            }
            return confirmation.confirm(userId, v);
        }
        if (choice instanceof Choice.ResendCode && at == Step.CODE) {
            return confirmation.resend(userId, v);
        }
        if (choice instanceof Choice.Agree && at == Step.CONSENT) {
            consent.give(userId);
            log.info("User {} consented to the privacy policy", userId);
            return phoneStep(userId, v, d);
        }
        if (choice instanceof Choice.EditName && at == Step.SUMMARY) {
            BookingDraft next = d.step(Step.NAME);
            drafts.save(userId, v.version(), next);
            return new BookingOutcome.NameAsked(next);
        }
        if (choice instanceof Choice.OtherPhone && at == Step.SUMMARY) {
            // the name stays (it may have been typed or remembered); only the number is asked again
            return askContact(userId, v, d.contact(null, d.name()));
        }
        if (choice instanceof Choice.ServicePage p && at == Step.SERVICE) {
            return steps.services(d.company(), p.page());
        }
        if (choice instanceof Choice.StaffPage p && at == Step.STAFF) {
            return steps.specialists(userId, d, p.page());
        }
        // the next screen is read before the draft moves: when the read fails (YCLIENTS busy) the customer is still
        // at the screen on display, and the same button works again
        if (choice instanceof Choice.Staff s && at == Step.STAFF) {
            String name = s.staffId() > 0 ? steps.staffName(userId, d.company(), d.serviceId(), s.staffId()) : null;
            BookingDraft next = d.staff(s.staffId(), name).step(Step.DAY);
            BookingOutcome calendar = steps.calendar(userId, next);
            drafts.save(userId, v.version(), next);
            return calendar;
        }
        if (choice instanceof Choice.Month m && at == Step.DAY) {
            BookingDraft next = d.month(m.month().toString());
            BookingOutcome calendar = steps.calendar(userId, next);
            drafts.save(userId, v.version(), next);
            return calendar;
        }
        if (choice instanceof Choice.Day day && at == Step.DAY) {
            BookingDraft next = d.day(day.day().toString(), steps.freeTimes(userId, d, day.day())).step(Step.TIME);
            drafts.save(userId, v.version(), next);
            return new BookingOutcome.TimeList(next, 0);
        }
        if (choice instanceof Choice.TimePage p && at == Step.TIME) {
            return new BookingOutcome.TimeList(d, p.page());
        }
        if (choice instanceof Choice.Time t && at == Step.TIME) {
            return chooseTime(userId, v, t);
        }
        // a button of a step the customer has left (an older message)
        return new Ignored(Why.STALE);
    }

    /**
     * A message typed at the phone step (the number), the code step (the SMS code) or the name step (the name).
     * {@code profileName}: the name to book with when none was typed or shared (the Telegram profile's, already
     * checked like a typed one — or a neutral name when it did not pass).
     */
    public BookingOutcome typed(long userId, String text, String profileName) {
        Optional<BookingDrafts.Versioned> found = drafts.find(userId);
        if (found.isPresent() && found.get().draft().step() == Step.CODE) {
            return confirmation.code(userId, found.get(), text);
        }
        if (found.isPresent() && found.get().draft().step() == Step.NAME) {
            return name(userId, found.get(), text);
        }
        return phone(userId, text, null, profileName);
    }

    /** A shared contact: taken only at the phone step, and only when it is the sender's own. */
    public BookingOutcome contactShared(long userId, SharedContact c, String profileName) {
        Optional<BookingDrafts.Versioned> found = drafts.find(userId);
        if (found.isEmpty() || found.get().draft().step() != Step.CONTACT) {
            // a "share my number" keyboard left from a booking that ended
            return new BookingOutcome.ContactRefused(BookingOutcome.ContactProblem.NOT_ASKED);
        }
        if (c.ownerId() == null || c.ownerId() != userId) {
            log.info("User {} shared a contact that is not their own; refused", userId);
            return new BookingOutcome.ContactRefused(BookingOutcome.ContactProblem.FOREIGN);
        }
        // the contact's name passes the check a typed one does (a link, one letter, emoji only are not names); else
        // the profile's is used
        CustomerName.Checked name = CustomerName.check(CustomerName.joined(c.firstName(), c.lastName()));
        String shared = PhoneNumber.normalizeShared(c.phone()).map(p -> "+" + p).orElse(c.phone()); // usually without "+"
        return phone(userId, shared, name.ok() ? name.name() : null, profileName);
    }

    // --- steps -------------------------------------------------------------------------------------

    private BookingOutcome chooseService(long userId, long buttonId) {
        // the button says which branch is booked: with one branch (or a button of the first) that is the first branch
        long company = booking.branchOfButton(buttonId).orElse(0);
        Optional<ServiceButton> button = steps.booking(company).service(buttonId);
        if (button.isEmpty() || !inChatEnabled()) {
            return new BookingOutcome.ServiceGone();
        }
        ServiceButton s = button.get();
        try {
            String zone = steps.zone(userId, company);
            BookingDraft d = BookingDraft.start().branch(company).service(s.serviceId(), s.title(), s.priceMin(),
                    s.priceMax(), s.staffId(), s.hasStaff(), zone);
            if (d.staffFixed()) {
                d = d.staff(s.staffId(), steps.staffName(userId, company, s.serviceId(), s.staffId())).step(Step.DAY);
                drafts.start(userId, d);
                return steps.calendar(userId, d);
            }
            d = d.step(Step.STAFF);
            drafts.start(userId, d);
            return steps.specialists(userId, d, 0);
        } catch (BookingSteps.Unavailable failed) {
            return failed.outcome();
        }
    }

    private BookingOutcome chooseTime(long userId, BookingDrafts.Versioned v, Choice.Time t) {
        BookingDraft d = v.draft();
        if (d.date() == null || !t.day().toString().equals(d.date()) || t.index() < 0 || t.index() >= d.times().size()) {
            return new Ignored(Why.STALE);
        }
        List<String> slot = d.times().get(t.index());
        BookingDraft chosen = d.time(slot.get(0), slot.get(1));
        if (chosen.phone() != null) {
            BookingDraft next = chosen.step(Step.SUMMARY);
            drafts.save(userId, v.version(), next);
            return steps.summary(userId, next);
        }
        if (!consent.given(userId)) {
            BookingDraft next = chosen.step(Step.CONSENT);
            drafts.save(userId, v.version(), next);
            return new BookingOutcome.ConsentAsked(next, consent.policyUrl());
        }
        return phoneStep(userId, v, chosen);
    }

    /** After the consent: a remembered contact goes straight to the summary, otherwise the phone is asked for. */
    private BookingOutcome phoneStep(long userId, BookingDrafts.Versioned v, BookingDraft chosen) {
        Optional<CustomerContacts.Contact> saved = remembered.forNextBooking(userId);
        if (saved.isEmpty()) {
            return askContact(userId, v, chosen);
        }
        BookingDraft next = chosen.contact(saved.get().phone(), saved.get().name()).step(Step.SUMMARY);
        drafts.save(userId, v.version(), next);
        return steps.summary(userId, next);
    }

    private BookingOutcome askContact(long userId, BookingDrafts.Versioned v, BookingDraft chosen) {
        BookingDraft next = chosen.step(Step.CONTACT);
        drafts.save(userId, v.version(), next);
        return new BookingOutcome.ContactAsked(next);
    }

    private BookingOutcome phone(long userId, String raw, String nameFromContact, String profileName) {
        Optional<BookingDrafts.Versioned> found = drafts.find(userId);
        if (found.isEmpty() || found.get().draft().step() != Step.CONTACT) {
            return new Ignored(Why.TEXT_NOT_EXPECTED);
        }
        Optional<String> phone = PhoneNumber.normalize(raw);
        if (phone.isEmpty()) {
            return new BookingOutcome.ContactRefused(BookingOutcome.ContactProblem.INVALID);
        }
        // a name typed or remembered earlier in this booking stays; otherwise the shared contact's, else the profile's
        String kept = found.get().draft().name();
        String name = kept != null ? kept : nameFromContact != null ? nameFromContact : profileName;
        BookingDraft next = found.get().draft().contact(phone.get(), name).step(Step.SUMMARY);
        drafts.save(userId, found.get().version(), next);
        return new BookingOutcome.ContactTaken(steps.summary(userId, next));
    }

    /** A typed name: accepted → the summary again; refused → why. */
    private BookingOutcome name(long userId, BookingDrafts.Versioned v, String text) {
        CustomerName.Checked checked = CustomerName.check(text);
        if (!checked.ok()) {
            return new BookingOutcome.NameRefused(checked.problem());
        }
        BookingDraft next = v.draft().contact(v.draft().phone(), checked.name()).step(Step.SUMMARY);
        drafts.save(userId, v.version(), next);
        return steps.summary(userId, next);
    }

    /** The answer to "remember?": only Yes stores the contact; either way the finished booking's draft goes. */
    private BookingOutcome rememberAnswer(long userId, BookingDraft d, Choice choice) {
        if (!(choice instanceof Choice.Remember answer)) {
            // Back, Cancel or Confirm of a message of the booking just made
            return new Ignored(Why.ALREADY_BOOKED);
        }
        if (!answer.yes()) {
            drafts.end(userId);
            return new BookingOutcome.RememberAnswered(BookingOutcome.Remembering.DECLINED, null);
        }
        remembered.remember(userId, d.phone(), d.name());
        drafts.end(userId);
        log.info("User {} asked the bot to remember their contact for the next booking", userId);
        return new BookingOutcome.RememberAnswered(BookingOutcome.Remembering.SAVED, d.phone());
    }

    /**
     * "Remember?" answered once more after the first answer ended the booking's conversation (a second tap, or an
     * old message): what is stored decides the reply — a remembered number is never called "not saved".
     */
    private BookingOutcome lateRememberAnswer(long userId, Choice.Remember answer) {
        Optional<CustomerContacts.Contact> kept = remembered.forNextBooking(userId);
        if (kept.isPresent()) {
            return new BookingOutcome.RememberAnswered(BookingOutcome.Remembering.KEPT, kept.get().phone());
        }
        return new BookingOutcome.RememberAnswered(answer.yes() ? BookingOutcome.Remembering.EXPIRED
                : BookingOutcome.Remembering.DECLINED, null);
    }

    private BookingOutcome back(long userId, BookingDrafts.Versioned v) throws BookingSteps.Unavailable {
        BookingDraft d = v.draft();
        Step to = switch (d.step()) {
            case SERVICE, STAFF -> Step.SERVICE;
            case DAY -> d.staffFixed() ? Step.SERVICE : Step.STAFF;
            case TIME -> Step.DAY;
            case CONSENT, CONTACT, SUMMARY, BOOKING, CODE, REMEMBER -> Step.TIME;
            case NAME -> Step.SUMMARY;
        };
        if (d.step() == Step.BOOKING) {
            return new Ignored(Why.BUSY);
        }
        BookingDraft next = d.step(to);
        BookingOutcome shown = switch (to) {
            case SERVICE -> steps.services(d.company(), 0);
            case STAFF -> steps.specialists(userId, next, 0);
            case DAY -> steps.calendar(userId, next);
            case SUMMARY -> steps.summary(userId, next);
            default -> d.step() == Step.CONTACT
                    ? new BookingOutcome.ContactDropped(new BookingOutcome.TimeList(next, 0))
                    : new BookingOutcome.TimeList(next, 0);
        };
        drafts.save(userId, v.version(), next);
        return shown;
    }

    private BookingOutcome cancel(long userId, BookingDraft d) {
        drafts.end(userId);
        if (d.step() == Step.CONSENT) {
            // the customer would rather not give their phone here: nothing is stored, the form is the way
            log.info("User {} declined the privacy consent", userId);
            return new BookingOutcome.ConsentDeclined(d);
        }
        return new BookingOutcome.Cancelled(d.step() == Step.CONTACT);
    }
}
