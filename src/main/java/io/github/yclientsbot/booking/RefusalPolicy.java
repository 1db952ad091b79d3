package io.github.yclientsbot.booking;

import io.github.yclientsbot.yclients.YclientsException;

/**
 * What a refusal of YCLIENTS's booking calls means for the customer, and where they go from there. YCLIENTS
 * answers {@code book_check}, {@code book_code} and {@code book_record} with its own codes (431–438); a call may also
 * find YCLIENTS unavailable, or get no usable answer to {@code book_record} at all. No state: every decision is
 * made from the refusal and where in the booking it came.
 */
public final class RefusalPolicy {

    /** Why, as the customer is told. */
    public enum Reason {
        /** 431: the phone number was not accepted. */
        PHONE_REFUSED,
        /** 432: the SMS code is wrong. */
        WRONG_CODE,
        /** 433: someone has just taken the time. */
        TIME_TAKEN,
        /** 434: online booking is closed for this phone number. */
        PHONE_BLOCKED,
        /** 435: a name is needed. */
        NAME_NEEDED,
        /** 436: no specialist is free at the time any more. */
        NO_SPECIALIST,
        /** 437: the appointments of one booking overlap. */
        APPOINTMENTS_OVERLAP,
        /** 438: the service cannot be booked online any more. */
        NOT_ONLINE,
        /** YCLIENTS is not answering (network, 5xx, rate limit). */
        UNAVAILABLE,
        /** Nothing was sent: too many bookings at once for YCLIENTS's rate limit; the customer presses again shortly. */
        BUSY,
        /** Any other refusal. */
        GENERIC,
        /** {@code book_record} went out and no usable answer came back. */
        OUTCOME_UNKNOWN
    }

    /** Where the customer goes next. */
    public enum Next {
        /** The slot went: the nearest free times that day, or on the next bookable days. */
        NEAREST_TIMES,
        /** Back to the times with the phone number dropped, to be given again. */
        CHOOSE_TIME,
        /** The summary again: Confirm may be pressed again. */
        SUMMARY,
        /** The chat cannot book this: the conversation ends, the booking form is offered. */
        FORM_ONLY,
        /** A wrong code was typed: counted, and typed again (or a new code asked for). */
        RETYPE_CODE,
        /** YCLIENTS wants an SMS code although the company did not say so: one is sent. */
        SEND_CODE,
        /** "Send again" failed: the customer stays at the code step. */
        STAY_AT_CODE,
        /** No Confirm again: the booking may exist, and with "any specialist" a retry could book someone else. */
        END_UNKNOWN
    }

    /** A refusal's reason and where it leads. */
    public record Refusal(Reason reason, Next next) {}

    /**
     * A refusal of {@code book_check}/{@code book_record}. {@code codeTyped}: the booking carried the SMS code the
     * customer typed, so a 432 means that code was wrong; without one, a 432 means a code is wanted.
     */
    public Refusal ofBooking(YclientsException e, boolean codeTyped) {
        if (apiCode(e) == 432) {
            return new Refusal(Reason.WRONG_CODE, codeTyped ? Next.RETYPE_CODE : Next.SEND_CODE);
        }
        return refusal(e);
    }

    /** A refusal of {@code book_check}/{@code book_code} before the first SMS code of a booking was sent. */
    public Refusal ofCodeRequest(YclientsException e) {
        return refusal(e);
    }

    /** A failure of "send the code again": said, and the code step stays. */
    public Refusal ofResend(YclientsException e) {
        return new Refusal(e.isBusy() ? Reason.BUSY : e.isUnavailable() ? Reason.UNAVAILABLE : Reason.GENERIC,
                Next.STAY_AT_CODE);
    }

    /** {@code book_record} got no usable answer (timeout, cut connection, 5xx, unreadable body). */
    public Refusal ofUnknownOutcome() {
        return new Refusal(Reason.OUTCOME_UNKNOWN, Next.END_UNKNOWN);
    }

    /**
     * A failed YCLIENTS read of a step (specialists, days, times): only whether YCLIENTS is answering matters — or
     * whether the read waited its turn in vain (BUSY: the customer is told "one moment" and stays where they are).
     */
    public Reason ofLookup(YclientsException e) {
        return e.isBusy() ? Reason.BUSY : e.isUnavailable() ? Reason.UNAVAILABLE : Reason.GENERIC;
    }

    private static Refusal refusal(YclientsException e) {
        if (e.isBusy()) {
            // never sent: the summary stays, Confirm works again in a moment
            return new Refusal(Reason.BUSY, Next.SUMMARY);
        }
        if (e.apiCode() == null || e.isUnavailable()) {
            return new Refusal(e.isUnavailable() ? Reason.UNAVAILABLE : Reason.GENERIC, Next.SUMMARY);
        }
        return switch (e.apiCode()) {
            case 431 -> new Refusal(Reason.PHONE_REFUSED, Next.CHOOSE_TIME);
            case 432 -> new Refusal(Reason.WRONG_CODE, Next.SUMMARY);
            case 433 -> new Refusal(Reason.TIME_TAKEN, Next.NEAREST_TIMES);
            case 434 -> new Refusal(Reason.PHONE_BLOCKED, Next.FORM_ONLY);
            case 435 -> new Refusal(Reason.NAME_NEEDED, Next.SUMMARY);
            case 436 -> new Refusal(Reason.NO_SPECIALIST, Next.NEAREST_TIMES);
            case 437 -> new Refusal(Reason.APPOINTMENTS_OVERLAP, Next.NEAREST_TIMES);
            case 438 -> new Refusal(Reason.NOT_ONLINE, Next.FORM_ONLY);
            default -> new Refusal(Reason.GENERIC, Next.SUMMARY);
        };
    }

    private static int apiCode(YclientsException e) {
        return e.apiCode() == null ? 0 : e.apiCode();
    }
}
