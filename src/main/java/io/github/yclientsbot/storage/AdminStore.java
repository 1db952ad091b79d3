package io.github.yclientsbot.storage;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/** Admins who claimed the bot in chat. The config file may name more admins; those are not stored here. */
public final class AdminStore {

    static final int MAX_HOW_LENGTH = 100;

    private final SessionFactory sessionFactory;
    private final Clock clock;

    AdminStore(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Telegram user ids, in the order they were added. */
    public Set<Long> all() {
        List<Long> ids = sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("select userId from BotAdminEntity order by addedAt, userId", Long.class)
                .getResultList());
        return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }

    /**
     * @param how a short note on how the admin was added (e.g. "claim code"); no secrets
     * @return {@code false} if the user was already an admin
     */
    public boolean add(long userId, String how) {
        Objects.requireNonNull(how, "how");
        String cutHow = Truncation.atMost(how, MAX_HOW_LENGTH);
        try {
            return sessionFactory.fromTransaction(session -> {
                if (session.find(BotAdminEntity.class, userId) != null) {
                    return false;
                }
                session.persist(new BotAdminEntity(userId, Database.now(clock), cutHow));
                return true;
            });
        } catch (ConstraintViolationException concurrentInsert) {
            return false;
        }
    }

    /** @return {@code true} if the user was a stored admin and was removed */
    public boolean remove(long userId) {
        int removed = sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BotAdminEntity where userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate());
        return removed > 0;
    }
}
