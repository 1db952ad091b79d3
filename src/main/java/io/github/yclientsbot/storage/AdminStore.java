package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Admins added in chat: who claimed the bot, or came with an {@code /import} file. The config file may name more
 * admins; those are not stored here.
 */
public final class AdminStore {

    /** A stored admin: when and how (e.g. "claim", "import") they were added. */
    public record Entry(long userId, Instant addedAt, String how) {}

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

    /** The stored admins with when and how they were added, in the order they were added. */
    public List<Entry> entries() {
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("select userId, addedAt, addedHow from BotAdminEntity order by addedAt, userId",
                        Object[].class)
                .getResultList()).stream()
                .map(row -> new Entry((Long) row[0], (Instant) row[1], (String) row[2]))
                .toList();
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
