package io.github.yclientsbot.booking;

import io.github.yclientsbot.yclients.YclientsException;

/**
 * {@code book_record} went out but no usable answer came back (a timeout, a cut connection, a 5xx, an unreadable
 * body): the booking may exist in YCLIENTS. The customer must not be offered Confirm again — with "any
 * specialist" a second booking could be made with someone else.
 */
public final class BookingOutcomeUnknown extends Exception {
    private static final long serialVersionUID = 1L;

    public BookingOutcomeUnknown(YclientsException cause) {
        super(cause.getMessage(), cause);
    }
}
