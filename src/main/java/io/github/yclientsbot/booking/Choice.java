package io.github.yclientsbot.booking;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a customer chose with a button of the in-chat booking, as the chat read it from the button. The chat's
 * codec turns button data into these and back; the flow ({@link BookingFlow#press}) knows nothing of the data.
 */
public sealed interface Choice {

    /** A service button (of /book, /services or a list left on screen): the booking starts over with it. */
    record Service(long buttonId) implements Choice {}

    /** ‹ › under the services; {@code page} is 0-based and clamped by the list. */
    record ServicePage(int page) implements Choice {}

    /** A specialist; {@code 0}: any. */
    record Staff(long staffId) implements Choice {}

    record StaffPage(int page) implements Choice {}

    /** Another month of the calendar. */
    record Month(YearMonth month) implements Choice {}

    record Day(LocalDate day) implements Choice {}

    /** The {@code index}-th free time shown for {@code day}. */
    record Time(LocalDate day, int index) implements Choice {}

    record TimePage(int page) implements Choice {}

    record Back() implements Choice {}

    record Cancel() implements Choice {}

    /**
     * Confirm under a summary; {@code stamp} is the summary's ({@link BookingOutcome.Summary#stamp()}), or null
     * for the plain Confirm of summaries shown before stamps existed.
     */
    record Confirm(String stamp) implements Choice {}

    /** "I agree" to the privacy policy. */
    record Agree() implements Choice {}

    /** "Send the code again". */
    record ResendCode() implements Choice {}

    /** "Change name" on the summary. */
    record EditName() implements Choice {}

    /** "Use another number" on the summary. */
    record OtherPhone() implements Choice {}

    /** The answer to "remember my number?". */
    record Remember(boolean yes) implements Choice {}
}
