package io.github.yclientsbot.booking;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingOutcome.CodeTrouble;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.yclients.BookedRecord;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Confirm and what follows it: the limits, the SMS code when the company wants the phone confirmed,
 * {@code book_check} right before {@code book_record}, and where a refusal leads ({@link RefusalPolicy}). A booking
 * YCLIENTS accepted is counted for the limits, kept for /mybookings and comes with its calendar file; from that moment
 * nothing goes back to the summary: what the database fails to write waits in {@link AcceptedBookings}.
 */
public final class BookingConfirmation {
    private static final Logger log = LoggerFactory.getLogger(BookingConfirmation.class);

    private final BookingService booking;
    private final BookingDrafts drafts;
    private final BookingQuotas quotas;
    private final RememberedContacts remembered;
    private final AcceptedBookings accepted;
    private final BookingSteps steps;
    private final RefusalPolicy policy;

    public BookingConfirmation(BookingService booking, BookingDrafts drafts, BookingQuotas quotas,
                               RememberedContacts remembered, AcceptedBookings accepted, BookingSteps steps,
                               RefusalPolicy policy) {
        this.booking = booking;
        this.drafts = drafts;
        this.quotas = quotas;
        this.remembered = remembered;
        this.accepted = accepted;
        this.steps = steps;
        this.policy = policy;
    }

    /**
     * Confirm: the summary becomes "booking" in one guarded transition (a second tap finds it taken). Then the
     * bookings limit; when the company wants the phone confirmed, the SMS code is sent and asked for; else
     * {@code book_check} right before {@code book_record}.
     */
    BookingOutcome confirm(long userId, BookingDrafts.Versioned v) {
        BookingDraft d = v.draft();
        if (d.step() != Step.SUMMARY || !drafts.save(userId, v.version(), d.step(Step.BOOKING))) {
            return new BookingOutcome.Ignored(d.step() == Step.BOOKING ? BookingOutcome.Why.BUSY : BookingOutcome.Why.STALE);
        }
        try {
            Optional<BookingQuotas.Over> over = quotas.checkBooking(userId);
            if (over.isPresent()) {
                return overLimit(userId, d, over.get(), Step.SUMMARY);
            }
            if (phoneConfirmation(userId, d)) {
                return sendCode(userId, d, true);
            }
            return book(userId, d, null);
        } catch (RuntimeException e) {
            throw unstuck(userId, d, Step.SUMMARY, e);
        }
    }

    /** "Send the code again": not sooner than a minute after the last one, and within the SMS limits. */
    BookingOutcome resend(long userId, BookingDrafts.Versioned v) {
        Duration wait = quotas.resendWait(userId);
        if (!wait.isZero()) {
            return new BookingOutcome.ResendTooSoon(seconds(wait));
        }
        if (!drafts.save(userId, v.version(), v.draft())) {
            return new BookingOutcome.Ignored(BookingOutcome.Why.BUSY);
        }
        return sendCode(userId, v.draft(), false);
    }

    /** A message at the code step: the code (spaces and dashes dropped), booked in one guarded transition. */
    BookingOutcome code(long userId, BookingDrafts.Versioned v, String typed) {
        BookingDraft d = v.draft();
        String code = SmsCode.clean(typed);
        if (code == null) {
            return new BookingOutcome.CodeProblem(d, CodeTrouble.INVALID, 0);
        }
        if (quotas.wrongCodes(userId) >= BookingQuotas.MAX_WRONG_CODES) {
            return new BookingOutcome.CodeProblem(d, CodeTrouble.EXHAUSTED, 0);
        }
        Optional<BookingQuotas.Over> over = quotas.checkBooking(userId);
        if (over.isPresent()) {
            return overLimit(userId, d, over.get(), Step.CODE);
        }
        if (!drafts.save(userId, v.version(), d.step(Step.BOOKING))) {
            return new BookingOutcome.Ignored(BookingOutcome.Why.BUSY);
        }
        try {
            return book(userId, d, code);
        } catch (RuntimeException e) {
            throw unstuck(userId, d, Step.CODE, e);
        }
    }

    /**
     * Something unexpected (a database hiccup) after the draft was moved to BOOKING and before YCLIENTS was asked to
     * book (after that, {@link #book} throws nothing): it goes back to {@code to}, so Confirm works again instead of
     * "being booked" for 30 minutes; the error goes on to the generic answer.
     */
    private RuntimeException unstuck(long userId, BookingDraft d, Step to, RuntimeException e) {
        try {
            drafts.find(userId).filter(v -> v.draft().step() == Step.BOOKING)
                    .ifPresent(v -> drafts.save(userId, v.version(), d.step(to)));
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
        return e;
    }

    /**
     * {@code book_check} and {@code book_record}, with the typed SMS code or none ({@code null}). Once YCLIENTS
     * accepted, nothing here throws: the customer gets the booking's number whatever the database does.
     */
    private BookingOutcome book(long userId, BookingDraft d, String code) {
        List<BookedRecord> records;
        try {
            records = booking(d).book(d, code);
        } catch (BookingOutcomeUnknown e) {
            log.warn("Booking of user {} may or may not have been made (no usable answer to book_record): {}", userId,
                    e.getMessage());
            return refused(userId, d, policy.ofUnknownOutcome());
        } catch (NotReadyException e) {
            backTo(userId, d, code == null ? Step.SUMMARY : Step.CODE);
            return new BookingOutcome.NotReady(d);
        } catch (YclientsException e) {
            log.info("Booking for user {} refused by YCLIENTS: {}", userId, e.getMessage());
            return refused(userId, d, policy.ofBooking(e, code != null));
        }
        log.info("User {} booked service {} with staff {} in chat: record {}", userId, d.serviceId(), d.staffId(),
                records.get(0).recordId());
        // the phone and name stay in the draft only until the customer answers "remember?" (or it expires)
        boolean ask = accepted.settle(userId, d, records, companyId(userId, d), shouldAskToRemember(userId, d));
        Optional<CalendarInvite> calendar;
        try {
            calendar = calendarFile(d, records.get(0), companyOrNull(userId, d));
        } catch (RuntimeException e) {
            log.warn("Booking of user {} made; no calendar file: {}", userId, e.toString());
            calendar = Optional.empty();
        }
        return new BookingOutcome.Booked(d, records.get(0).recordId(), calendar, ask);
    }

    /**
     * Sends an SMS code: the SMS limits first (nothing reaches YCLIENTS over them), then on the first send
     * {@code book_check} (no SMS for a slot already taken), then {@code book_code}; the draft moves to CODE.
     * {@code first == false}: "send the code again", where a failure leaves the customer at the code step.
     */
    private BookingOutcome sendCode(long userId, BookingDraft d, boolean first) {
        Optional<BookingQuotas.Over> over = quotas.checkSms(userId, d.phone());
        if (over.isPresent()) {
            return overLimit(userId, d, over.get(), first ? Step.SUMMARY : Step.CODE);
        }
        // "send again" waits for the minute to pass (see resend); so does a Confirm after going back to another time
        Duration wait = quotas.resendWait(userId);
        try {
            if (first) {
                booking(d).check(d);
            }
            if (!wait.isZero()) {
                backTo(userId, d, Step.CODE);
                return new BookingOutcome.CodeAsked(d, BookingOutcome.CodeSent.RECENT, seconds(wait));
            }
            booking(d).sendCode(d);
        } catch (NotReadyException e) {
            backTo(userId, d, first ? Step.SUMMARY : Step.CODE);
            return new BookingOutcome.NotReady(d);
        } catch (YclientsException e) {
            log.info("SMS code for user {} not sent: {}", userId, e.getMessage());
            return refused(userId, d, first ? policy.ofCodeRequest(e) : policy.ofResend(e));
        }
        countSms(userId, d);
        log.info("SMS code sent for the booking of user {}", userId);
        backTo(userId, d, Step.CODE);
        return new BookingOutcome.CodeAsked(d, first ? BookingOutcome.CodeSent.SENT : BookingOutcome.CodeSent.RESENT, 0);
    }

    /** 432: one more wrong code counted; the customer types again, or (after the last try) asks for a new code. */
    private BookingOutcome wrongCode(long userId, BookingDraft d) {
        quotas.wrongCode(userId, d.phone());
        backTo(userId, d, Step.CODE);
        int left = BookingQuotas.MAX_WRONG_CODES - quotas.wrongCodes(userId);
        return new BookingOutcome.CodeProblem(d, left > 0 ? CodeTrouble.WRONG : CodeTrouble.EXHAUSTED, Math.max(0, left));
    }

    /** A refusal of book_check / book_record / book_code (or no answer at all): the draft goes where the policy says. */
    private BookingOutcome refused(long userId, BookingDraft d, RefusalPolicy.Refusal refusal) {
        RefusalPolicy.Reason reason = refusal.reason();
        return switch (refusal.next()) {
            case NEAREST_TIMES -> nearest(userId, d, reason);
            case CHOOSE_TIME -> {
                BookingDraft next = d.contact(null, null).step(Step.TIME);
                backTo(userId, next, Step.TIME);
                yield new BookingOutcome.Refused(d, reason, false, new BookingOutcome.TimeList(next, 0));
            }
            case SUMMARY -> {
                backTo(userId, d, Step.SUMMARY);
                yield new BookingOutcome.Refused(d, reason, false, steps.summary(userId, d));
            }
            case FORM_ONLY -> {
                drafts.end(userId);
                yield new BookingOutcome.Refused(d, reason, false, null);
            }
            case RETYPE_CODE -> wrongCode(userId, d);
            case SEND_CODE -> sendCode(userId, d, true);
            case STAY_AT_CODE -> new BookingOutcome.CodeProblem(d,
                    reason == RefusalPolicy.Reason.UNAVAILABLE ? CodeTrouble.UNAVAILABLE : CodeTrouble.NOT_SENT, 0);
            case END_UNKNOWN -> {
                // counted as a booking: it may well exist; never back to the summary
                accepted.settleUnknown(userId, d);
                yield new BookingOutcome.OutcomeUnknown(salonPhone(d));
            }
        };
    }

    /** The slot went: the nearest free times instead; when even they cannot be read, the conversation ends. */
    private BookingOutcome nearest(long userId, BookingDraft d, RefusalPolicy.Reason reason) {
        BookingDraft next;
        try {
            next = steps.nearest(userId, d);
        } catch (BookingSteps.Unavailable failed) {
            drafts.end(userId);
            return new BookingOutcome.Refused(d, reason, false, failed.outcome());
        }
        backTo(userId, next, Step.TIME);
        if (next.times().isEmpty()) {
            return new BookingOutcome.Refused(d, reason, false, new BookingOutcome.NothingFree(d));
        }
        return new BookingOutcome.Refused(d, reason, true, new BookingOutcome.TimeList(next, 0));
    }

    /** A limit reached: nothing sent to YCLIENTS, the draft kept at {@code keep} (the summary or the code step). */
    private BookingOutcome overLimit(long userId, BookingDraft d, BookingQuotas.Over over, Step keep) {
        log.info("User {} reached the booking limit {} ({})", userId, over.which(), over.limit());
        backTo(userId, d, keep);
        return new BookingOutcome.OverLimit(d, over, keep == Step.CODE);
    }

    /** The calls of the draft's branch. */
    private BookingService booking(BookingDraft d) {
        return d.company() == 0 ? booking : booking.forBranch(d.company());
    }

    /** After a failed confirm: the draft goes back to a step the customer can act on. */
    private void backTo(long userId, BookingDraft d, Step step) {
        drafts.find(userId).ifPresent(v -> drafts.save(userId, v.version(), d.step(step)));
    }

    /** {@code phone_confirmation} of the company; unknown (YCLIENTS down) counts as no, a 432 still asks for a code. */
    private boolean phoneConfirmation(long userId, BookingDraft d) {
        try {
            return booking(d).phoneConfirmation();
        } catch (YclientsException | NotReadyException e) {
            log.debug("Phone confirmation of the company unknown for user {}: {}", userId, e.getMessage());
            return false;
        }
    }

    /** Ask "remember?" unless exactly this phone and name are remembered already; a storage hiccup skips the question. */
    private boolean shouldAskToRemember(long userId, BookingDraft d) {
        try {
            return !remembered.remembers(userId, d.phone(), d.name());
        } catch (RuntimeException e) {
            log.warn("Booking of user {} made; not asking to remember the contact: {}", userId, e.toString());
            return false;
        }
    }

    /** A code YCLIENTS sent counts toward the SMS limits; a failure to count does not stop the booking. */
    private void countSms(long userId, BookingDraft d) {
        try {
            quotas.smsSent(userId, d.phone());
        } catch (RuntimeException e) {
            log.warn("SMS code for user {} sent but not counted for the limits: {}", userId, e.toString());
        }
    }

    /** The company the booking went to, for /mybookings; empty when not known (then nothing is kept there). */
    private OptionalLong companyId(long userId, BookingDraft d) {
        try {
            return OptionalLong.of(booking(d).company());
        } catch (NotReadyException | RuntimeException e) {
            log.warn("Booking of user {} made but not stored for /mybookings: {}", userId, e.toString());
            return OptionalLong.empty();
        }
    }

    /** The salon's phone from the (cached) company, or "" when unknown. */
    private String salonPhone(BookingDraft d) {
        try {
            String phone = booking(d).companyInfo().phone();
            return phone == null ? "" : phone.strip();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return "";
        }
    }

    private Company companyOrNull(long userId, BookingDraft d) {
        try {
            return booking(d).companyInfo();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            log.debug("No company details for the calendar file of user {}: {}", userId, e.getMessage());
            return null;
        }
    }

    /** The "add to calendar" file: the booked time in UTC, as long as the slot YCLIENTS offered, at the company's address. */
    private Optional<CalendarInvite> calendarFile(BookingDraft d, BookedRecord record, Company company) {
        Optional<Instant> start = CalendarFile.start(d.datetime(), d.zone());
        if (start.isEmpty()) {
            return Optional.empty();
        }
        String summary = company == null ? d.serviceTitle() : d.serviceTitle() + " — " + company.displayTitle();
        String location = company == null ? null : company.address();
        long companyId = company == null ? 0 : company.id();
        byte[] ics = CalendarFile.event("yclients-" + companyId + "-" + record.recordId() + "@yclients-telegram-bot",
                start.get(), Duration.ofSeconds(length(d)), summary, location, booking.now());
        return Optional.of(new CalendarInvite("booking-" + record.recordId() + ".ics", ics));
    }

    /** The slot's length in seconds as YCLIENTS offered it (the third item of a free time), 0 when unknown. */
    static long length(BookingDraft d) {
        for (List<String> t : d.times()) {
            if (t.size() > 2 && t.get(1).equals(d.datetime())) {
                try {
                    return Math.max(0, Long.parseLong(t.get(2)));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
