package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;

/**
 * The counted events of the in-chat booking ({@code booking_limit_event}): SMS codes sent, bookings made, wrong
 * codes typed, by Telegram user and by a keyed hash of the phone (never the phone). Rows older than
 * {@link #KEEP} are deleted whenever a row is written, so the table holds about two days.
 */
public final class BookingLimitEvents {

    /** How long a row is kept: longer than any window a limit counts over (24 h). */
    public static final Duration KEEP = Duration.ofDays(2);

    public enum Kind { SMS, BOOKING, WRONG_CODE }

    private final SessionFactory sessionFactory;
    private final Clock clock;

    BookingLimitEvents(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores one event now, and deletes the rows older than {@link #KEEP}; returns when committed. */
    public void record(Kind kind, long userId, String phoneHash) {
        Objects.requireNonNull(kind, "kind");
        String hash = Truncation.atMost(Objects.requireNonNull(phoneHash, "phoneHash"), 64);
        Instant now = Database.now(clock);
        sessionFactory.inTransaction(session -> {
            session.createMutationQuery("delete from BookingLimitEventEntity where createdAt < :cutoff")
                    .setParameter("cutoff", now.minus(KEEP)).executeUpdate();
            session.persist(new BookingLimitEventEntity(kind.name(), userId, hash, now));
        });
    }

    /** The user's events of this kind at or after {@code since}. */
    public int countForUser(Kind kind, long userId, Instant since) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from BookingLimitEventEntity where eventKind = :k and userId = :u and createdAt >= :since",
                        Long.class)
                .setParameter("k", kind.name()).setParameter("u", userId).setParameter("since", since)
                .getSingleResult()).intValue();
    }

    /** The phone's events of this kind at or after {@code since}, whoever caused them. */
    public int countForPhone(Kind kind, String phoneHash, Instant since) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from BookingLimitEventEntity where eventKind = :k and phoneHash = :p and createdAt >= :since",
                        Long.class)
                .setParameter("k", kind.name()).setParameter("p", phoneHash).setParameter("since", since)
                .getSingleResult()).intValue();
    }

    /** When the user's latest event of this kind happened (within {@link #KEEP}). */
    public Optional<Instant> lastForUser(Kind kind, long userId) {
        return Optional.ofNullable(sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select max(createdAt) from BookingLimitEventEntity where eventKind = :k and userId = :u", Instant.class)
                .setParameter("k", kind.name()).setParameter("u", userId).getSingleResult()));
    }

    /** Deletes the rows older than {@link #KEEP}; returns how many (also done on every write). */
    public int deleteOld() {
        Instant cutoff = Database.now(clock).minus(KEEP);
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingLimitEventEntity where createdAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
