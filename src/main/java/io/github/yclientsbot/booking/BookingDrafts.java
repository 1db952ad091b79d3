package io.github.yclientsbot.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.storage.BookingStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Booking drafts in the database, as {@link BookingDraft} values; each change names the version it starts from. */
public final class BookingDrafts {
    private static final Logger log = LoggerFactory.getLogger(BookingDrafts.class);

    private final BookingStates states;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public BookingDrafts(BookingStates states) {
        this.states = states;
    }

    /** A draft and the version a change must name. */
    public record Versioned(BookingDraft draft, int version) {}

    public Optional<Versioned> find(long userId) {
        Optional<BookingStates.Stored> stored = states.find(userId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Versioned(mapper.readValue(stored.get().json(), BookingDraft.class), stored.get().version()));
        } catch (JsonProcessingException e) {
            // written by another version of the bot: start again rather than fail every message
            log.warn("Unreadable booking state of user {} dropped: {}", userId, e.getOriginalMessage());
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

    public int deleteExpired() {
        return states.deleteExpired();
    }

    private String json(BookingDraft draft) {
        try {
            return mapper.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a booking draft", e);
        }
    }
}
