package io.github.yclientsbot.storage;

import java.time.Instant;

/**
 * A booking made in chat ({@code booking_reference}): the YCLIENTS record and its hash, kept with the
 * customer's Telegram id for /mybookings. {@code startsAt} is the datetime exactly as booked.
 */
public record BookingReference(long id, long userId, long companyId, long recordId, String recordHash, String startsAt,
                               Instant createdAt) {

    @Override
    public String toString() {
        // the hash is the customer's proof: kept out of logs
        return "BookingReference[" + id + ", user " + userId + ", company " + companyId + ", record " + recordId + "]";
    }
}
