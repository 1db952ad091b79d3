package io.github.yclientsbot.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's database, open: the stores it hands out, a ping, and closing. Opening it ({@link #open}) takes the
 * steps of {@link DatabaseSetup} — a small HikariCP pool, Flyway migrations, a Hibernate {@link SessionFactory}
 * that only validates the schema (the migrations own it) — and turns a failure into one line ({@link OpenFailure}).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** A booking conversation idle this long is deleted. */
    public static final java.time.Duration BOOKING_IDLE_TIMEOUT = java.time.Duration.ofMinutes(30);

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final Clock clock;
    private final ServiceMappings serviceMappings;
    private final AuditLog auditLog;
    private final AdminStore admins;
    private final ContentRestore restore;
    private final BookingStates bookingStates;
    private final BookingConsents bookingConsents;
    private final CustomerBranches customerBranches;
    private final BookingReferences bookingReferences;
    private final BookingLimitEvents bookingLimitEvents;
    private final RecordPollMarks recordPollMarks;
    private final UpdateInbox inbox;
    private final ReminderStore reminders;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(HikariDataSource dataSource, SessionFactory sessionFactory, Clock clock) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.clock = clock;
        this.serviceMappings = new ServiceMappings(sessionFactory, clock);
        this.auditLog = new AuditLog(sessionFactory, clock);
        this.admins = new AdminStore(sessionFactory, clock);
        this.restore = new ContentRestore(sessionFactory, clock, serviceMappings::changed);
        this.bookingStates = new BookingStates(sessionFactory, clock, BOOKING_IDLE_TIMEOUT);
        this.bookingConsents = new BookingConsents(sessionFactory, clock);
        this.customerBranches = new CustomerBranches(sessionFactory, clock);
        this.bookingReferences = new BookingReferences(sessionFactory, clock);
        this.bookingLimitEvents = new BookingLimitEvents(sessionFactory, clock);
        this.recordPollMarks = new RecordPollMarks(sessionFactory, clock);
        this.inbox = new UpdateInbox(dataSource, clock);
        this.reminders = new ReminderStore(dataSource, clock);
    }

    /**
     * Opens the database at {@link #effectiveUrl(String) effectiveUrl(jdbcUrl)}, migrates it and validates the
     * schema; the pool's meters go nowhere (tests, tools).
     *
     * @param user     may be {@code null}
     * @param password may be {@code null}; never logged
     * @throws StorageException with a one-line message for the person running the bot
     */
    public static Database open(String jdbcUrl, String user, String password, Clock clock) throws StorageException {
        return open(jdbcUrl, user, password, clock, null);
    }

    /**
     * As {@link #open(String, String, String, Clock)}, with the connection pool's meters (connections active, idle,
     * pending, acquire and usage times) in {@code metrics}.
     */
    public static Database open(String jdbcUrl, String user, String password, Clock clock, MeterRegistry metrics)
            throws StorageException {
        return open(jdbcUrl, user, password, clock, metrics, PlainSecretsScrub.NONE);
    }

    /**
     * As {@link #open(String, String, String, Clock, MeterRegistry)}; an upgrade from a version before 7 rewrites the
     * rows that hold a secret or a phone number in plain text with {@code scrub}, then compacts the database so the
     * old bytes are gone from disk (see {@link PlainSecretsMigration}). The bot opens its database this way.
     */
    public static Database open(String jdbcUrl, String user, String password, Clock clock, MeterRegistry metrics,
                                PlainSecretsScrub scrub) throws StorageException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(scrub, "scrub");
        Objects.requireNonNull(clock, "clock");
        String url = effectiveUrl(jdbcUrl);
        HikariDataSource dataSource;
        try {
            dataSource = DatabaseSetup.pool(url, user, password, metrics);
        } catch (RuntimeException e) {
            throw OpenFailure.describe(url, e);
        }
        try {
            if (DatabaseSetup.migrate(dataSource, scrub)) {
                dataSource = DatabaseSetup.compact(dataSource, url, user, password, metrics);
            }
            SessionFactory sessionFactory = DatabaseSetup.validatedSessionFactory(dataSource);
            log.info("database opened at {}", JdbcUrl.display(url));
            return new Database(dataSource, sessionFactory, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw OpenFailure.describe(url, e);
        }
    }

    /**
     * The URL actually used. For an H2 file URL ({@code jdbc:h2:file:...}, {@code jdbc:h2:./...},
     * {@code jdbc:h2:~/...}, {@code jdbc:h2:/...}) appends {@code ;WRITE_DELAY=0} unless the URL sets
     * WRITE_DELAY, so a committed change survives {@code kill -9}, and {@code ;DB_CLOSE_ON_EXIT=FALSE} unless
     * set, so the application (not a JVM shutdown hook) closes the database. Other URLs (H2 in memory or over
     * TCP, {@code jdbc:postgresql://...}) are returned unchanged.
     */
    public static String effectiveUrl(String jdbcUrl) {
        return JdbcUrl.effective(jdbcUrl);
    }

    /** {@code true} if {@code SELECT 1} works; never throws. */
    public boolean ping() {
        if (closed.get()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next() && result.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("database ping failed: {}", OpenFailure.oneLine(e));
            return false;
        }
    }

    /** Settings whose secret values are encrypted with {@code box}. */
    public SettingsStore settings(SecretBox box) {
        return new SettingsStore(sessionFactory, box, clock);
    }

    public ServiceMappings serviceMappings() {
        return serviceMappings;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public AdminStore admins() {
        return admins;
    }

    /** Customers' booking conversations; idle ones expire after {@link #BOOKING_IDLE_TIMEOUT}. */
    public BookingStates bookingStates() {
        return bookingStates;
    }

    /** Customers' consent to the privacy policy. */
    public BookingConsents bookingConsents() {
        return bookingConsents;
    }

    /** The branch each customer of a chain chose. */
    public CustomerBranches customerBranches() {
        return customerBranches;
    }

    /** The counted events behind the booking limits (SMS sent, bookings made, wrong codes). */
    public BookingLimitEvents bookingLimitEvents() {
        return bookingLimitEvents;
    }

    /** Customers' phone and name remembered for their next booking, encrypted with {@code box}. */
    public CustomerContacts customerContacts(SecretBox box) {
        return new CustomerContacts(sessionFactory, box, clock);
    }

    /** Customers' bookings made in chat (record id and hash), for /mybookings. */
    public BookingReferences bookingReferences() {
        return bookingReferences;
    }

    /** Customers' verified phones (keyed hashes) and their answer to "remind me of all my visits". */
    public VisitWatch visitWatch() {
        return new VisitWatch(sessionFactory, clock);
    }

    /** The record poll's watermark per company. */
    public RecordPollMarks recordPollMarks() {
        return recordPollMarks;
    }

    /** Restores exported settings, buttons and admins in one transaction ({@code /import}). */
    public ContentRestore restore() {
        return restore;
    }

    /** Telegram updates received and not yet handled, and the ids of handled ones. */
    public UpdateInbox inbox() {
        return inbox;
    }

    /** Closes Hibernate and the pool (which closes an embedded H2 database). Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            sessionFactory.close();
        } catch (RuntimeException e) {
            log.warn("closing Hibernate failed: {}", OpenFailure.oneLine(e));
        } finally {
            dataSource.close();
        }
        log.info("database closed");
    }

    /** The reminders' notes: done reminders, /reminders choices, "I'll come" taps. */
    public ReminderStore reminders() {
        return reminders;
    }

    /**
     * The pool, for what runs its own SQL on our database: the durable schedule (db-scheduler's {@code scheduled_tasks},
     * created by our migration V8), and tests in this package.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Now, at the precision the TIMESTAMP(6) columns keep, so a saved instant reads back equal. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
