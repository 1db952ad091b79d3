package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;

/** Customers' consent to the privacy policy ({@code booking_consent}), with its time. */
public final class BookingConsents {

    private final SessionFactory sessionFactory;
    private final Clock clock;

    BookingConsents(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records (or renews) the consent now; returns when committed. */
    public Instant record(long userId, String policyUrl) {
        Instant now = Database.now(clock);
        String url = Truncation.atMost(policyUrl, 1000);
        sessionFactory.inTransaction(session -> {
            BookingConsentEntity e = session.find(BookingConsentEntity.class, userId);
            if (e == null) {
                session.persist(new BookingConsentEntity(userId, now, url));
            } else {
                e.renew(now, url);
            }
        });
        return now;
    }

    /** When the user consented, if they did. */
    public Optional<Instant> find(long userId) {
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(session.find(BookingConsentEntity.class, userId))
                .map(BookingConsentEntity::consentedAt));
    }

    public boolean delete(long userId) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingConsentEntity where userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate()) > 0;
    }
}
