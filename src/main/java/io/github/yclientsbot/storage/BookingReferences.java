package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;

/** The customers' bookings made in chat ({@code booking_reference}). */
public final class BookingReferences {

    private final SessionFactory sessionFactory;
    private final Clock clock;

    BookingReferences(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a booking made in chat; the same record stored twice is kept once. Returns when committed. */
    public void add(long userId, long companyId, long recordId, String recordHash, String startsAt) {
        Instant now = Database.now(clock);
        String hash = Truncation.atMost(Objects.requireNonNull(recordHash, "recordHash"), 100);
        String at = Truncation.atMost(startsAt == null ? "" : startsAt, 64);
        sessionFactory.inTransaction(session -> {
            Long existing = session.createSelectionQuery(
                            "select count(*) from BookingReferenceEntity where companyId = :c and recordId = :r", Long.class)
                    .setParameter("c", companyId).setParameter("r", recordId).getSingleResult();
            if (existing == 0) {
                session.persist(new BookingReferenceEntity(userId, companyId, recordId, hash, at, now));
            }
        });
    }

    /**
     * Stores a visit booked elsewhere, found by the customer's verified phone (no hash). Returns its id, or empty when
     * the record is known already (to this customer or another). Returns when committed.
     */
    public Optional<Long> addElsewhere(long userId, long companyId, long recordId, String startsAt) {
        Instant now = Database.now(clock);
        String at = Truncation.atMost(startsAt == null ? "" : startsAt, 64);
        return sessionFactory.fromTransaction(session -> {
            Long existing = session.createSelectionQuery(
                            "select count(*) from BookingReferenceEntity where companyId = :c and recordId = :r", Long.class)
                    .setParameter("c", companyId).setParameter("r", recordId).getSingleResult();
            if (existing > 0) {
                return Optional.empty();
            }
            BookingReferenceEntity e = new BookingReferenceEntity(userId, companyId, recordId, null, at, now);
            session.persist(e);
            session.flush();
            return Optional.of(e.toReference().id());
        });
    }

    /** Deletes the user's visits booked elsewhere (their consent was withdrawn); the ones deleted. */
    public List<BookingReference> deleteElsewhere(long userId) {
        return sessionFactory.fromTransaction(session -> {
            List<BookingReference> gone = session.createSelectionQuery(
                            "from BookingReferenceEntity where userId = :u and bookedVia = :v", BookingReferenceEntity.class)
                    .setParameter("u", userId).setParameter("v", BookingReference.ELSEWHERE).getResultList().stream()
                    .map(BookingReferenceEntity::toReference).toList();
            session.createMutationQuery("delete from BookingReferenceEntity where userId = :u and bookedVia = :v")
                    .setParameter("u", userId).setParameter("v", BookingReference.ELSEWHERE).executeUpdate();
            return gone;
        });
    }

    /** The user's bookings, oldest first. */
    public List<BookingReference> forUser(long userId) {
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("from BookingReferenceEntity where userId = :u order by id", BookingReferenceEntity.class)
                .setParameter("u", userId).getResultList().stream().map(BookingReferenceEntity::toReference).toList());
    }

    /** One of the user's bookings (someone else's id finds nothing). */
    public Optional<BookingReference> find(long userId, long id) {
        return forUser(userId).stream().filter(r -> r.id() == id).findFirst();
    }

    /** The booking kept under our id {@code id}, whoever made it. */
    public Optional<BookingReference> byId(long id) {
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(session.find(BookingReferenceEntity.class, id))
                .map(BookingReferenceEntity::toReference));
    }

    /** The booking of YCLIENTS record {@code recordId} in company {@code companyId}, whoever made it. */
    public Optional<BookingReference> byRecord(long companyId, long recordId) {
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("from BookingReferenceEntity where companyId = :c and recordId = :r",
                        BookingReferenceEntity.class)
                .setParameter("c", companyId).setParameter("r", recordId).getResultList().stream()
                .map(BookingReferenceEntity::toReference).findFirst());
    }

    /** Every booking kept, oldest first (the reminders plan them all at a start). */
    public List<BookingReference> all() {
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("from BookingReferenceEntity order by id", BookingReferenceEntity.class)
                .getResultList().stream().map(BookingReferenceEntity::toReference).toList());
    }

    /** The booking moved to {@code startsAt} (as YCLIENTS gave it); {@code true} when it was there. */
    public boolean moved(long id, String startsAt) {
        String at = Truncation.atMost(Objects.requireNonNull(startsAt, "startsAt"), 64);
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("update BookingReferenceEntity set startsAt = :s where id = :id")
                .setParameter("s", at).setParameter("id", id).executeUpdate()) > 0;
    }

    /** Deletes one of the user's bookings; {@code true} when it was there. */
    public boolean delete(long userId, long id) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingReferenceEntity where userId = :u and id = :id")
                .setParameter("u", userId).setParameter("id", id).executeUpdate()) > 0;
    }

    /**
     * The visit of booking {@code id} now starts at {@code startsAt} (as YCLIENTS sent it), unless it already says so;
     * {@code true} when this call changed it. Returns when committed.
     */
    public boolean moveTo(long id, String expectedStartsAt, String startsAt) {
        String at = Truncation.atMost(Objects.requireNonNull(startsAt, "startsAt"), 64);
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("update BookingReferenceEntity set startsAt = :at where id = :id and startsAt = :was")
                .setParameter("at", at).setParameter("id", id).setParameter("was", expectedStartsAt)
                .executeUpdate()) > 0;
    }

    /** Forgets the kept booking of record {@code recordId} (the salon cancelled it); {@code true} when it was there. */
    public boolean deleteRecord(long companyId, long recordId) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingReferenceEntity where companyId = :c and recordId = :r")
                .setParameter("c", companyId).setParameter("r", recordId).executeUpdate()) > 0;
    }

    /** Deletes all the user's bookings (/forgetme); how many there were. */
    public int deleteAll(long userId) {
        return sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BookingReferenceEntity where userId = :u")
                .setParameter("u", userId).executeUpdate());
    }
}
