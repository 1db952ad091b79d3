package io.github.yclientsbot.storage;

/**
 * How the upgrade to schema version 7 ({@link PlainSecretsMigration}) rewrites the rows older versions stored with a
 * secret or a phone number in plain text. The formats belong to other layers — an inbox payload is a Telegram update
 * as the transport writes it, a booking state is the booking's draft — so the composition root supplies this.
 */
public interface PlainSecretsScrub {
    /**
     * A waiting update's payload (JSON) with its secrets and phone numbers masked; the same string when there is
     * nothing to mask; {@code null} to drop the row (it cannot be read, so it would be dropped at start anyway).
     */
    String inboxPayload(String payload);

    /**
     * A booking draft (JSON) with the customer's phone and name encrypted; the same string when there is nothing to
     * encrypt; {@code null} to drop the row.
     */
    String bookingState(String json);

    /** Rewrites nothing: for tests and tools that only ever open databases this version created. */
    PlainSecretsScrub NONE = new PlainSecretsScrub() {
        @Override
        public String inboxPayload(String payload) {
            return payload;
        }

        @Override
        public String bookingState(String json) {
            return json;
        }
    };
}
