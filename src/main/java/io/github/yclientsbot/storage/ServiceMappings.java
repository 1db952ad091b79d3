package io.github.yclientsbot.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The customer buttons: which YCLIENTS services (optionally with one specialist) the bot offers, per branch. The
 * methods without a company work on the buttons of no branch yet ({@link ServiceMapping#UNASSIGNED}).
 *
 * <p>Prices are normalised to scale 2 on write, so what {@link #upsert} returns equals what a later read
 * returns. Database failures surface as unchecked {@code jakarta.persistence.PersistenceException}s.
 *
 * <p>{@link #all()} is answered from memory after the first read (every /services of a rush needs it): this process
 * is the only writer of its database, and every write here (and a {@link ContentRestore restore}) drops the copy.
 */
public final class ServiceMappings {

    static final int MAX_TITLE_LENGTH = 255;
    private static final int PRICE_SCALE = 2;

    private final SessionFactory sessionFactory;
    private final Clock clock;
    /** Bumped after every write; a read that saw another generation does not keep its result. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private record Cached(long generation, List<ServiceMapping> rows) {}
    private final java.util.concurrent.atomic.AtomicReference<Cached> cached = new java.util.concurrent.atomic.AtomicReference<>();

    ServiceMappings(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The buttons of one branch, ordered by position, then id. */
    public List<ServiceMapping> forCompany(long companyId) {
        return all().stream().filter(m -> m.companyId() == companyId).toList();
    }

    /** All buttons of every branch, ordered by position, then id. */
    public List<ServiceMapping> all() {
        long seen = generation.get();
        Cached c = cached.get();
        if (c != null && c.generation() == seen) {
            return c.rows();
        }
        List<ServiceMapping> rows = sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("from ServiceMappingEntity order by sortOrder, id", ServiceMappingEntity.class)
                .getResultList()
                .stream()
                .map(ServiceMappingEntity::toRecord)
                .toList());
        if (generation.get() == seen) {
            cached.set(new Cached(seen, rows));
        }
        return rows;
    }

    /** The buttons were written (here or by a restore): the next {@link #all()} reads them again. */
    void changed() {
        generation.incrementAndGet();
        cached.set(null);
    }

    public Optional<ServiceMapping> find(long serviceId, long staffId) {
        return find(ServiceMapping.UNASSIGNED, serviceId, staffId);
    }

    public Optional<ServiceMapping> find(long companyId, long serviceId, long staffId) {
        return sessionFactory.fromTransaction(session -> findEntity(session, companyId, serviceId, staffId)
                .map(ServiceMappingEntity::toRecord));
    }

    public List<ServiceMapping> findByService(long serviceId) {
        return findByService(ServiceMapping.UNASSIGNED, serviceId);
    }

    /** Every button of one service of one branch (with and without a specialist), ordered by position, then id. */
    public List<ServiceMapping> findByService(long companyId, long serviceId) {
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("from ServiceMappingEntity where companyId = :companyId and serviceId = :serviceId"
                                + " order by sortOrder, id", ServiceMappingEntity.class)
                .setParameter("companyId", companyId)
                .setParameter("serviceId", serviceId)
                .getResultList()
                .stream()
                .map(ServiceMappingEntity::toRecord)
                .toList());
    }

    /**
     * Inserts or updates the button for ({@code serviceId}, {@code staffId}). A new button goes last
     * (position = current maximum + 1, the first one gets 1). Titles longer than 255 characters are cut.
     *
     * @param staffId a specialist id, or {@link ServiceMapping#NO_STAFF} (0)
     * @return the saved row, after the transaction committed
     */
    public ServiceMapping upsert(long serviceId, long staffId, String title, boolean customTitle,
                                 BigDecimal priceMin, BigDecimal priceMax) {
        return upsert(ServiceMapping.UNASSIGNED, serviceId, staffId, title, customTitle, priceMin, priceMax);
    }

    /** {@link #upsert(long, long, String, boolean, BigDecimal, BigDecimal)} for a button of branch {@code companyId}. */
    public ServiceMapping upsert(long companyId, long serviceId, long staffId, String title, boolean customTitle,
                                 BigDecimal priceMin, BigDecimal priceMax) {
        if (staffId < 0) {
            throw new IllegalArgumentException("staffId must be 0 (none) or a specialist id, got " + staffId);
        }
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a button title must not be blank");
        }
        String cutTitle = Truncation.atMost(title.strip(), MAX_TITLE_LENGTH);
        BigDecimal min = normalise(priceMin);
        BigDecimal max = normalise(priceMax);
        try {
            return write(companyId, serviceId, staffId, cutTitle, customTitle, min, max);
        } catch (ConstraintViolationException concurrentInsert) {
            // Another thread inserted the same (service, staff) meanwhile: now it is an update.
            return write(companyId, serviceId, staffId, cutTitle, customTitle, min, max);
        } finally {
            changed();
        }
    }

    /**
     * Applies a fresh title and prices from the YCLIENTS catalog to every button of the service. Buttons whose
     * title an admin customised keep their title (their prices are still refreshed). Rows that already match
     * are not touched, so {@code updatedAt} changes only when something did.
     */
    public void refreshFromCatalog(long serviceId, String title, BigDecimal priceMin, BigDecimal priceMax) {
        refreshFromCatalog(ServiceMapping.UNASSIGNED, serviceId, title, priceMin, priceMax);
    }

    /** {@link #refreshFromCatalog(long, String, BigDecimal, BigDecimal)} for the buttons of branch {@code companyId}. */
    public void refreshFromCatalog(long companyId, long serviceId, String title, BigDecimal priceMin, BigDecimal priceMax) {
        String cutTitle = title == null || title.isBlank() ? null : Truncation.atMost(title.strip(), MAX_TITLE_LENGTH);
        BigDecimal min = normalise(priceMin);
        BigDecimal max = normalise(priceMax);
        try {
            refresh(companyId, serviceId, cutTitle, min, max);
        } finally {
            changed();
        }
    }

    private void refresh(long companyId, long serviceId, String cutTitle, BigDecimal min, BigDecimal max) {
        sessionFactory.inTransaction(session -> {
            Instant now = Database.now(clock);
            List<ServiceMappingEntity> rows = session
                    .createSelectionQuery("from ServiceMappingEntity where companyId = :companyId and serviceId = :serviceId",
                            ServiceMappingEntity.class)
                    .setParameter("companyId", companyId)
                    .setParameter("serviceId", serviceId)
                    .getResultList();
            for (ServiceMappingEntity row : rows) {
                boolean changed = false;
                if (cutTitle != null && !row.customTitle() && !cutTitle.equals(row.title())) {
                    row.setTitle(cutTitle, false);
                    changed = true;
                }
                if (!samePrice(min, row.priceMin()) || !samePrice(max, row.priceMax())) {
                    row.setPrices(min, max);
                    changed = true;
                }
                if (changed) {
                    row.touch(now);
                }
            }
        });
    }

    /** @return {@code true} if the button existed and was deleted */
    public boolean delete(long serviceId, long staffId) {
        return delete(ServiceMapping.UNASSIGNED, serviceId, staffId);
    }

    /** @return {@code true} if branch {@code companyId}'s button existed and was deleted */
    public boolean delete(long companyId, long serviceId, long staffId) {
        try {
            int deleted = sessionFactory.fromTransaction(session -> session
                    .createMutationQuery("delete from ServiceMappingEntity where companyId = :companyId"
                            + " and serviceId = :serviceId and staffId = :staffId")
                    .setParameter("companyId", companyId)
                    .setParameter("serviceId", serviceId)
                    .setParameter("staffId", staffId)
                    .executeUpdate());
            return deleted > 0;
        } finally {
            changed();
        }
    }

    public long count() {
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("select count(*) from ServiceMappingEntity", Long.class)
                .getSingleResult());
    }

    /** The buttons of one branch. */
    public long count(long companyId) {
        return sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("select count(*) from ServiceMappingEntity where companyId = :companyId", Long.class)
                .setParameter("companyId", companyId)
                .getSingleResult());
    }

    /**
     * The buttons of no branch yet (from before branches, or added before any company was set) become
     * {@code companyId}'s. Returns how many.
     */
    public int adoptUnassigned(long companyId) {
        if (companyId == ServiceMapping.UNASSIGNED) {
            return 0;
        }
        return moveTo(companyId, true);
    }

    /**
     * A bot with one company: every button is that company's, as before branches (a button whose service and
     * specialist the company already has stays where it is). Returns how many moved.
     */
    public int moveAllTo(long companyId) {
        if (companyId == ServiceMapping.UNASSIGNED) {
            return 0;
        }
        return moveTo(companyId, false);
    }

    private int moveTo(long companyId, boolean onlyUnassigned) {
        try {
            return sessionFactory.fromTransaction(session -> {
                List<ServiceMappingEntity> rows = session
                        .createSelectionQuery("from ServiceMappingEntity m where m.companyId <> :companyId"
                                + (onlyUnassigned ? " and m.companyId = 0" : "") + " order by m.sortOrder, m.id",
                                ServiceMappingEntity.class)
                        .setParameter("companyId", companyId)
                        .getResultList();
                int moved = 0;
                for (ServiceMappingEntity row : rows) {
                    if (findEntity(session, companyId, row.serviceId(), row.staffId()).isEmpty()) {
                        row.moveTo(companyId);
                        session.flush();
                        moved++;
                    }
                }
                return moved;
            });
        } finally {
            changed();
        }
    }

    private ServiceMapping write(long companyId, long serviceId, long staffId, String title, boolean customTitle,
                                 BigDecimal min, BigDecimal max) {
        return sessionFactory.fromTransaction(session -> {
            Instant now = Database.now(clock);
            ServiceMappingEntity row = findEntity(session, companyId, serviceId, staffId).orElse(null);
            if (row == null) {
                int last = session
                        .createSelectionQuery("select coalesce(max(sortOrder), 0) from ServiceMappingEntity", Integer.class)
                        .getSingleResult();
                row = new ServiceMappingEntity(companyId, serviceId, staffId, last + 1, now);
                row.setTitle(title, customTitle);
                row.setPrices(min, max);
                session.persist(row);
            } else if (!title.equals(row.title()) || customTitle != row.customTitle()
                    || !samePrice(min, row.priceMin()) || !samePrice(max, row.priceMax())) {
                row.setTitle(title, customTitle);
                row.setPrices(min, max);
                row.touch(now);
            }
            session.flush();
            return row.toRecord();
        });
    }

    private static Optional<ServiceMappingEntity> findEntity(Session session, long companyId, long serviceId,
                                                             long staffId) {
        return session
                .createSelectionQuery("from ServiceMappingEntity where companyId = :companyId and serviceId = :serviceId"
                                + " and staffId = :staffId", ServiceMappingEntity.class)
                .setParameter("companyId", companyId)
                .setParameter("serviceId", serviceId)
                .setParameter("staffId", staffId)
                .uniqueResultOptional();
    }

    private static BigDecimal normalise(BigDecimal price) {
        return price == null ? null : price.setScale(PRICE_SCALE, RoundingMode.HALF_UP);
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
