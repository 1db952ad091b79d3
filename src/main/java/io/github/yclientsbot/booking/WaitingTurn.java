package io.github.yclientsbot.booking;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a customer's next step will wait for its turn at YCLIENTS (whose 5 a second and 200 a minute every
 * customer shares): how long a call of theirs would wait right now, and which presses call YCLIENTS at all. The chat
 * says "one moment…" before such a step, while it waits.
 */
public final class WaitingTurn {
    private final BookingService booking;
    private final BookingDrafts drafts;

    public WaitingTurn(BookingService booking, BookingDrafts drafts) {
        this.booking = booking;
        this.drafts = drafts;
    }

    /** About how long a YCLIENTS call of {@code userId}'s would wait for its turn now; empty: refused at once. */
    public Optional<Duration> expected(long userId) {
        return booking.budgetWait(userId);
    }

    /**
     * Whether a press of {@code choice} may need YCLIENTS (a step's specialists, days or times, the booking, a code);
     * the others — a time, a page of times, consent, name, Cancel, "remember?" — are answered from the draft.
     */
    public static boolean callsYclients(Choice choice) {
        return choice instanceof Choice.Service || choice instanceof Choice.StaffPage || choice instanceof Choice.Staff
                || choice instanceof Choice.Month || choice instanceof Choice.Day || choice instanceof Choice.Back
                || choice instanceof Choice.Confirm || choice instanceof Choice.ResendCode;
    }

    /** The customer is to type an SMS code: what they type next books (and calls YCLIENTS). */
    public boolean atCodeStep(long userId) {
        return drafts.find(userId).map(v -> v.draft().step() == BookingDraft.Step.CODE).orElse(false);
    }
}
