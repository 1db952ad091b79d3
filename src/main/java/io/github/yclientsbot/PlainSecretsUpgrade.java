package io.github.yclientsbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.booking.BookingDrafts;
import io.github.yclientsbot.storage.PlainSecretsScrub;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.telegram.InboxMasking;

/**
 * The upgrade's rewrite of rows older versions stored in plain text, with the rules of the layers that own them:
 * an inbox payload is masked as the transport masks every update now ({@link InboxMasking}), a booking draft gets
 * its phone and name encrypted as {@link BookingDrafts} writes them now.
 */
final class PlainSecretsUpgrade implements PlainSecretsScrub {
    private final ObjectMapper mapper;
    private final SecretBox box;

    PlainSecretsUpgrade(ObjectMapper mapper, SecretBox box) {
        this.mapper = mapper;
        this.box = box;
    }

    @Override
    public String inboxPayload(String payload) {
        try {
            return InboxMasking.maskStored(mapper, payload);
        } catch (JsonProcessingException e) {
            // unreadable: the start would drop it anyway
            return null;
        }
    }

    @Override
    public String bookingState(String json) {
        return BookingDrafts.sealStored(json, box);
    }
}
