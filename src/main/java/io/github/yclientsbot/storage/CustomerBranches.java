package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.hibernate.SessionFactory;

/** The branch each customer of a chain chose ({@code customer_branch}): one row per customer, changed by /branch. */
public final class CustomerBranches {

    private final SessionFactory sessionFactory;
    private final Clock clock;

    CustomerBranches(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps {@code companyId} as the customer's branch (replacing an earlier choice); returns when committed. */
    public void choose(long userId, long companyId) {
        Instant now = Database.now(clock);
        sessionFactory.inTransaction(session -> {
            CustomerBranchEntity e = session.find(CustomerBranchEntity.class, userId);
            if (e == null) {
                session.persist(new CustomerBranchEntity(userId, companyId, now));
            } else {
                e.choose(companyId, now);
            }
        });
    }

    /** The branch the customer chose, if any (it may since have left the bot's branches). */
    public OptionalLong find(long userId) {
        return sessionFactory.fromTransaction(session -> {
            CustomerBranchEntity e = session.find(CustomerBranchEntity.class, userId);
            return e == null ? OptionalLong.empty() : OptionalLong.of(e.companyId());
        });
    }

    /** /forgetme: the choice is deleted; {@code true} when there was one. */
    public boolean delete(long userId) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from CustomerBranchEntity where userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate()) > 0;
    }
}
