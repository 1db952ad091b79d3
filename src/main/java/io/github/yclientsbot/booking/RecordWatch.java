package io.github.yclientsbot.booking;

import io.github.yclientsbot.yclients.RecordDetails;

/**
 * What the bot learns of the company's records from the record poll ({@code GET /records} with
 * {@code changed_after}) and YCLIENTS webhooks: each new, changed or deleted record, re-read from the API (a webhook's
 * body is only a hint). Listeners decide what it means — the salon moved or cancelled a visit a customer knows of, or
 * a visit booked elsewhere belongs to a verified, opted-in customer. Called from the poll's thread; a listener must
 * not throw.
 */
public interface RecordWatch {

    void seen(long companyId, RecordDetails record);

    /** YCLIENTS says the record is gone and cannot be read any more (deleted for good, 404). */
    default void gone(long companyId, long recordId) {
    }
}
