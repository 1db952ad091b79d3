package io.github.yclientsbot.storage;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.hibernate.SessionFactory;

/** What admins changed, and when. Append-only. */
public final class AuditLog {

    static final int MAX_ACTION_LENGTH = 100;
    static final int MAX_DETAIL_LENGTH = 1000;

    private final SessionFactory sessionFactory;
    private final Clock clock;

    AuditLog(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends an entry; returns after it committed. {@code detail} is free text that the caller guarantees
     * contains no secret; it may be {@code null} and is cut to 1000 characters ({@code action} to 100).
     */
    public void record(long userId, String action, String detail) {
        Objects.requireNonNull(action, "action");
        if (action.isBlank()) {
            throw new IllegalArgumentException("an audit action must not be blank");
        }
        AuditEntryEntity row = new AuditEntryEntity(Database.now(clock), userId,
                Truncation.atMost(action, MAX_ACTION_LENGTH), Truncation.atMost(detail, MAX_DETAIL_LENGTH));
        sessionFactory.inTransaction(session -> session.persist(row));
    }

    /** The newest {@code limit} entries, newest first; an empty list if {@code limit <= 0}. */
    public List<AuditEntry> latest(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("from AuditEntryEntity order by createdAt desc, id desc", AuditEntryEntity.class)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(AuditEntryEntity::toRecord)
                .toList());
    }
}
