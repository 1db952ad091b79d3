package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers' phone and name remembered for their next booking ({@code customer_contact}), encrypted with the
 * bot's {@link SecretBox}. Whether a customer agreed is the caller's business; this only keeps what it is given.
 */
public final class CustomerContacts {
    private static final Logger log = LoggerFactory.getLogger(CustomerContacts.class);

    /** The longest name kept (the chat accepts at most 60 characters). */
    static final int MAX_NAME = 100;

    private final SessionFactory sessionFactory;
    private final SecretBox box;
    private final Clock clock;

    CustomerContacts(SessionFactory sessionFactory, SecretBox box, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.box = Objects.requireNonNull(box, "box");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A remembered contact: the phone as digits with the country code, and the name. */
    public record Contact(String phone, String name) {
        public Contact {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(name, "name");
        }

        /** Never prints the phone or the name. */
        @Override
        public String toString() {
            return "Contact[hidden]";
        }
    }

    /** Stores (or replaces) the user's contact; returns when committed. */
    public void save(long userId, Contact contact) {
        Instant now = Database.now(clock);
        String phone = box.encrypt(contact.phone());
        String name = box.encrypt(Truncation.atMost(contact.name(), MAX_NAME));
        sessionFactory.inTransaction(session -> {
            CustomerContactEntity e = session.find(CustomerContactEntity.class, userId);
            if (e == null) {
                session.persist(new CustomerContactEntity(userId, phone, name, now));
            } else {
                e.replace(phone, name, now);
            }
        });
    }

    /** The user's contact; empty when none is stored or it can no longer be decrypted (the secret key changed). */
    public Optional<Contact> find(long userId) {
        Optional<CustomerContactEntity> row = sessionFactory.fromTransaction(
                session -> Optional.ofNullable(session.find(CustomerContactEntity.class, userId)));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Contact(box.decrypt(row.get().phoneSecret()), box.decrypt(row.get().nameSecret())));
        } catch (SecretBoxException e) {
            log.warn("The remembered contact of user {} cannot be decrypted (was the secret key changed?); the phone"
                    + " will be asked again", userId);
            return Optional.empty();
        }
    }

    /** Deletes the user's contact; {@code true} when there was one. */
    public boolean delete(long userId) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from CustomerContactEntity where userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate()) > 0;
    }
}
