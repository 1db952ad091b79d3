package io.github.yclientsbot.storage;

import java.time.Instant;

/**
 * A visit the bot knows of ({@code booking_reference}): the YCLIENTS record, kept with the customer's Telegram id for
 * /mybookings and the reminders. A booking made in chat carries its hash; a visit booked elsewhere (the form, a phone
 * call, the staff), found by the customer's verified phone, has none ({@code recordHash} null, {@code elsewhere}) and
 * is read back with the user token. {@code startsAt} is the datetime exactly as booked (or as last seen).
 */
public record BookingReference(long id, long userId, long companyId, long recordId, String recordHash, String startsAt,
                               Instant createdAt, boolean elsewhere) {
    /** {@code booked_via} of a booking made in the chat. */
    static final String CHAT = "CHAT";
    /** {@code booked_via} of a visit booked elsewhere and found by the customer's verified phone. */
    static final String ELSEWHERE = "ELSEWHERE";

    @Override
    public String toString() {
        // the hash is the customer's proof: kept out of logs
        return "BookingReference[" + id + ", user " + userId + ", company " + companyId + ", record " + recordId + "]";
    }
}
