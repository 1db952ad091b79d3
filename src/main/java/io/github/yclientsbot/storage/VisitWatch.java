package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;

/**
 * What lets the bot find a customer's visits booked elsewhere: the phones they proved are theirs
 * ({@code verified_phone}, as keyed hashes the caller computes — never a phone) and their answer to "remind me of all
 * my visits at <salon>" ({@code visit_watch_consent}, with its time and company).
 */
public final class VisitWatch {

    /** How a phone was proved: the customer's own contact shared in Telegram, or an SMS code YCLIENTS accepted. */
    public enum How { CONTACT, SMS }

    /** A customer's answer about company {@code companyId}: yes ({@code agreed}) or no / withdrawn, and when. */
    public record Answer(long userId, long companyId, boolean agreed, Instant answeredAt) {}

    private final SessionFactory sessionFactory;
    private final Clock clock;

    VisitWatch(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores (or renews) that the user proved the phone of {@code phoneHash}; returns when committed. */
    public void verified(long userId, String phoneHash, How how) {
        Instant now = Database.now(clock);
        String hash = Objects.requireNonNull(phoneHash, "phoneHash");
        sessionFactory.inTransaction(session -> {
            VerifiedPhoneEntity e = session.createSelectionQuery(
                            "from VerifiedPhoneEntity where userId = :u and phoneHash = :h", VerifiedPhoneEntity.class)
                    .setParameter("u", userId).setParameter("h", hash).getResultList().stream().findFirst().orElse(null);
            if (e == null) {
                session.persist(new VerifiedPhoneEntity(userId, hash, how.name(), now));
            } else {
                e.renew(how.name(), now);
            }
        });
    }

    /** Whether the user proved any phone. */
    public boolean hasVerified(long userId) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from VerifiedPhoneEntity where userId = :u", Long.class)
                .setParameter("u", userId).getSingleResult()) > 0;
    }

    /** The users who proved the phone of {@code phoneHash}, the latest first. */
    public List<Long> usersWith(String phoneHash) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from VerifiedPhoneEntity where phoneHash = :h order by verifiedAt desc, id desc",
                        VerifiedPhoneEntity.class)
                .setParameter("h", phoneHash).getResultList().stream().map(VerifiedPhoneEntity::userId).toList());
    }

    /** Stores the user's answer about {@code companyId} now (replacing any earlier one); returns when committed. */
    public Instant answer(long userId, long companyId, boolean agreed) {
        Instant now = Database.now(clock);
        sessionFactory.inTransaction(session -> {
            VisitWatchConsentEntity e = session.find(VisitWatchConsentEntity.class, userId);
            if (e == null) {
                session.persist(new VisitWatchConsentEntity(userId, companyId, agreed, now));
            } else {
                e.answer(companyId, agreed, now);
            }
        });
        return now;
    }

    /** The user's last answer, about whichever company it named. */
    public Optional<Answer> answerOf(long userId) {
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(
                session.find(VisitWatchConsentEntity.class, userId)).map(VisitWatchConsentEntity::toAnswer));
    }

    /** Deletes the user's verified phones and answer (/forgetme); {@code true} when there was any. */
    public boolean forget(long userId) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from VerifiedPhoneEntity where userId = :u").setParameter("u", userId)
                .executeUpdate() + session
                .createMutationQuery("delete from VisitWatchConsentEntity where userId = :u").setParameter("u", userId)
                .executeUpdate()) > 0;
    }
}
