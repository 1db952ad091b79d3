package io.github.yclientsbot.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yclientsbot.storage.BookingStates;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.storage.SecretBoxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Booking drafts in the database, as {@link BookingDraft} values; each change names the version it starts from.
 * The customer's phone and name are stored encrypted with the bot's {@link SecretBox}, like a remembered contact:
 * the JSON in {@code booking_state} holds {@code "phone":"v1:…"}, never the number.
 */
public final class BookingDrafts {
    private static final Logger log = LoggerFactory.getLogger(BookingDrafts.class);
    /** The fields of a draft that are the customer's own data. */
    private static final List<String> PERSONAL = List.of("phone", "name");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BookingStates states;
    private final SecretBox box;

    public BookingDrafts(BookingStates states, SecretBox box) {
        this.states = states;
        this.box = box;
    }

    /** A draft and the version a change must name. */
    public record Versioned(BookingDraft draft, int version) {}

    public Optional<Versioned> find(long userId) {
        Optional<BookingStates.Stored> stored = states.find(userId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = MAPPER.readTree(stored.get().json());
            if (tree instanceof ObjectNode o) {
                open(o);
            }
            return Optional.of(new Versioned(MAPPER.treeToValue(tree, BookingDraft.class), stored.get().version()));
        } catch (JsonProcessingException e) {
            // written by another version of the bot: start again rather than fail every message
            log.warn("Unreadable booking state of user {} dropped: {}", userId, e.getOriginalMessage());
            states.delete(userId);
            return Optional.empty();
        } catch (SecretBoxException e) {
            log.warn("The booking state of user {} cannot be decrypted (was the secret key changed?); dropped", userId);
            states.delete(userId);
            return Optional.empty();
        }
    }

    public void start(long userId, BookingDraft draft) {
        states.start(userId, json(draft));
    }

    /** {@code false} when the draft changed (or ended) since {@code version} was read: nothing written. */
    public boolean save(long userId, int version, BookingDraft draft) {
        return states.transition(userId, version, json(draft));
    }

    public void end(long userId) {
        states.delete(userId);
    }

    /** Ends the draft only if it is still at {@code version}; {@code false} when it moved on (or is gone). */
    public boolean end(long userId, int version) {
        return states.delete(userId, version);
    }

    public int deleteExpired() {
        return states.deleteExpired();
    }

    private String json(BookingDraft draft) {
        ObjectNode tree = MAPPER.valueToTree(draft);
        seal(tree, box);
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a booking draft", e);
        }
    }

    /** Decrypts the phone and name in place; a value not in the stored form (an older version's) is read as it is. */
    private void open(ObjectNode tree) throws SecretBoxException {
        for (String field : PERSONAL) {
            JsonNode v = tree.get(field);
            if (v != null && v.isTextual() && SecretBox.isSealed(v.asText())) {
                tree.put(field, box.decrypt(v.asText()));
            }
        }
    }

    /** Encrypts the phone and name in place (those not encrypted yet); {@code true} when something changed. */
    private static boolean seal(ObjectNode tree, SecretBox box) {
        boolean changed = false;
        for (String field : PERSONAL) {
            JsonNode v = tree.get(field);
            if (v != null && v.isTextual() && !SecretBox.isSealed(v.asText())) {
                tree.put(field, box.encrypt(v.asText()));
                changed = true;
            }
        }
        return changed;
    }

    /**
     * A stored draft as an older version wrote it (the phone and name in plain text) with the two encrypted, for the
     * upgrade; the same text when there is nothing to encrypt, {@code null} when it cannot be read (it would be
     * dropped when next looked at anyway).
     */
    public static String sealStored(String json, SecretBox box) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode o)) {
                return null;
            }
            return seal(o, box) ? MAPPER.writeValueAsString(o) : json;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
