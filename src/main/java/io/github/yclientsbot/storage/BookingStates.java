package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Customers' booking conversations ({@code booking_state}): JSON per Telegram user, with a version that
 * guards every transition. A conversation idle longer than the time-out is deleted when it is next looked at
 * (and by {@link #deleteExpired()}).
 */
public final class BookingStates {

    public static final int MAX_JSON = 32_000;

    private final SessionFactory sessionFactory;
    private final Clock clock;
    private final Duration idleTimeout;

    BookingStates(SessionFactory sessionFactory, Clock clock, Duration idleTimeout) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** A stored conversation: its JSON and the version a transition must name. */
    public record Stored(String json, int version) {}

    /** The user's live conversation; an expired one is deleted and reported as none. */
    public Optional<Stored> find(long userId) {
        Instant now = Database.now(clock);
        return sessionFactory.fromTransaction(session -> {
            BookingStateEntity e = session.find(BookingStateEntity.class, userId);
            if (e == null) {
                return Optional.empty();
            }
            if (e.updatedAt().plus(idleTimeout).isBefore(now)) {
                session.remove(e);
                return Optional.empty();
            }
            return Optional.of(new Stored(e.stateJson(), e.version()));
        });
    }

    /** Starts (or restarts) the user's conversation. */
    public void start(long userId, String json) {
        check(json);
        Instant now = Database.now(clock);
        try {
            sessionFactory.inTransaction(session -> {
                BookingStateEntity e = session.find(BookingStateEntity.class, userId);
                if (e == null) {
                    session.persist(new BookingStateEntity(userId, json, 1, now));
                } else {
                    e.update(json, now);
                }
            });
        } catch (ConstraintViolationException concurrentStart) {
            sessionFactory.inTransaction(session -> session.find(BookingStateEntity.class, userId).update(json, now));
        }
    }

    /**
     * Moves the conversation on, but only from {@code expectedVersion}: in one transaction, so of two quick
     * taps on the same button only one succeeds. {@code false} when the state moved on (or is gone) meanwhile.
     */
    public boolean transition(long userId, int expectedVersion, String json) {
        check(json);
        Instant now = Database.now(clock);
        int updated = sessionFactory.fromTransaction(session -> session
                .createMutationQuery("update BookingStateEntity set stateJson = :json, version = version + 1, updatedAt = :now"
                        + " where userId = :userId and version = :version")
                .setParameter("json", json)
                .setParameter("now", now)
                .setParameter("userId", userId)
                .setParameter("version", expectedVersion)
                .executeUpdate());
        return updated == 1;
    }

    /** Ends the conversation. */
    public boolean delete(long userId) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingStateEntity where userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate()) > 0;
    }

    /** Ends the conversation only if it is still at {@code version}; {@code false} when it moved on or is gone. */
    public boolean delete(long userId, int version) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingStateEntity where userId = :userId and version = :version")
                .setParameter("userId", userId)
                .setParameter("version", version)
                .executeUpdate()) > 0;
    }

    /** Deletes every conversation idle longer than the time-out; returns how many. */
    public int deleteExpired() {
        Instant cutoff = Database.now(clock).minus(idleTimeout);
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingStateEntity where updatedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    private static void check(String json) {
        if (json.length() > MAX_JSON) {
            throw new IllegalArgumentException("booking state over " + MAX_JSON + " characters");
        }
    }
}
