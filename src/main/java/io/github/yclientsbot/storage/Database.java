package io.github.yclientsbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's database: a small HikariCP pool, Flyway migrations from {@code classpath:db/migration}, and a
 * Hibernate {@link SessionFactory} that only validates the schema (the migrations own it).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** A booking conversation idle this long is deleted. */
    public static final java.time.Duration BOOKING_IDLE_TIMEOUT = java.time.Duration.ofMinutes(30);

    static final String MIGRATIONS = "classpath:db/migration";

    /** H2 "Database may be already in use" (another process holds the file lock). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2 "Unsupported database file version or invalid file header". */
    static final int H2_FILE_VERSION_ERROR = 90048;
    /** H2 "Wrong user name or password". */
    static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    /** PostgreSQL SQLState "invalid catalog name": the database named in the URL does not exist. */
    static final String PG_DATABASE_MISSING = "3D000";
    /** PostgreSQL SQLState class 08: connection exceptions (refused, unreachable, timed out). */
    static final String PG_CONNECTION_CLASS = "08";

    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    /** A URL scheme after jdbc:h2: such as mem:, tcp:, ssl:, zip: (two or more letters, so C:/ stays a path). */
    private static final Pattern H2_NON_FILE_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*", Pattern.DOTALL);

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final Clock clock;
    private final ServiceMappings serviceMappings;
    private final AuditLog auditLog;
    private final AdminStore admins;
    private final ContentRestore restore;
    private final BookingStates bookingStates;
    private final BookingConsents bookingConsents;
    private final BookingReferences bookingReferences;
    private final BookingLimitEvents bookingLimitEvents;
    private final UpdateInbox inbox;
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
        this.bookingReferences = new BookingReferences(sessionFactory, clock);
        this.bookingLimitEvents = new BookingLimitEvents(sessionFactory, clock);
        this.inbox = new UpdateInbox(dataSource, clock);
    }

    /**
     * Opens the database at {@link #effectiveUrl(String) effectiveUrl(jdbcUrl)}, migrates it and validates the
     * schema.
     *
     * @param user     may be {@code null}
     * @param password may be {@code null}; never logged
     * @throws StorageException with a one-line message for the person running the bot
     */
    public static Database open(String jdbcUrl, String user, String password, Clock clock) throws StorageException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        String url = effectiveUrl(jdbcUrl);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(url, user, password));
        } catch (RuntimeException e) {
            throw openFailure(url, e);
        }
        try {
            migrate(dataSource);
            SessionFactory sessionFactory = buildSessionFactory(dataSource);
            log.info("database opened at {}", displayUrl(url));
            return new Database(dataSource, sessionFactory, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw openFailure(url, e);
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
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!isH2FileUrl(jdbcUrl)) {
            return jdbcUrl;
        }
        StringBuilder url = new StringBuilder(jdbcUrl);
        if (!hasH2Setting(jdbcUrl, "WRITE_DELAY")) {
            appendSetting(url, "WRITE_DELAY=0");
        }
        if (!hasH2Setting(jdbcUrl, "DB_CLOSE_ON_EXIT")) {
            appendSetting(url, "DB_CLOSE_ON_EXIT=FALSE");
        }
        return url.toString();
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
            log.debug("database ping failed: {}", oneLine(e));
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
            log.warn("closing Hibernate failed: {}", oneLine(e));
        } finally {
            dataSource.close();
        }
        log.info("database closed");
    }

    /** For tests in this package: plain JDBC on the same pool. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Now, at the precision the TIMESTAMP(6) columns keep, so a saved instant reads back equal. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static HikariConfig poolConfig(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("yclients-bot-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // the update workers (bot.workers, 8 by default) and the poller each hold one briefly
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(3_000);
        config.setIdleTimeout(300_000);
        config.setMaxLifetime(1_800_000);
        return config;
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static SessionFactory buildSessionFactory(DataSource dataSource) {
        Configuration configuration = new Configuration()
                .addAnnotatedClasses(BotSettingEntity.class, ServiceMappingEntity.class, AuditEntryEntity.class,
                        BotAdminEntity.class, BookingStateEntity.class, BookingConsentEntity.class,
                        BookingReferenceEntity.class, BookingLimitEventEntity.class, CustomerContactEntity.class)
                .setProperty(SchemaToolingSettings.HBM2DDL_AUTO, "validate")
                .setProperty(JdbcSettings.SHOW_SQL, false)
                .setProperty(JdbcSettings.FORMAT_SQL, false)
                .setProperty(JdbcSettings.HIGHLIGHT_SQL, false)
                .setProperty(JdbcSettings.JDBC_TIME_ZONE, "UTC");
        configuration.getProperties().put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        return configuration.buildSessionFactory();
    }

    /** Maps a failure while opening to one line the person running the bot can act on. */
    static StorageException openFailure(String url, Throwable failure) {
        SQLException sql = findSqlException(failure);
        if (sql != null && isH2Url(url) && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            String what = isH2FileUrl(url) ? "the database file " + h2FilePath(url) + ".mv.db" : "the database " + displayUrl(url);
            return new StorageException(what + " is locked by another process (is the bot already running?)", failure);
        }
        if (sql != null && isH2Url(url) && sql.getErrorCode() == H2_FILE_VERSION_ERROR) {
            String what = isH2FileUrl(url) ? "the database file " + h2FilePath(url) + ".mv.db" : "the database " + displayUrl(url);
            return new StorageException(what + " was written by an incompatible H2 version or is damaged", failure);
        }
        if (sql != null && (sql.getErrorCode() == H2_WRONG_USER_OR_PASSWORD && isH2Url(url)
                || "28P01".equals(sql.getSQLState()) || "28000".equals(sql.getSQLState()))) {
            return new StorageException("the database " + displayUrl(url) + " rejected the user name or password",
                    failure);
        }
        if (sql != null && isPostgresUrl(url) && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (PG_DATABASE_MISSING.equals(state)) {
                return new StorageException("the database " + displayUrl(url) + " does not exist on that server"
                        + " (create it, or fix the name in bot.db.url)", failure);
            }
            if (state.startsWith(PG_CONNECTION_CLASS)) {
                return new StorageException("cannot connect to the PostgreSQL server of " + displayUrl(url) + ": "
                        + oneLine(sql), failure);
            }
        }
        if (failure instanceof FlywayException) {
            return new StorageException("migrating the database " + displayUrl(url) + " failed: " + oneLine(failure),
                    failure);
        }
        if (findCause(failure, SchemaManagementException.class) != null) {
            return new StorageException("the database " + displayUrl(url)
                    + " does not match this version of the bot: " + oneLine(findCause(failure, SchemaManagementException.class)),
                    failure);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new StorageException("cannot open the database " + displayUrl(url) + ": " + oneLine(root), failure);
    }

    /** The URL without settings or query parameters (which may carry a password) and without user info. */
    static String displayUrl(String url) {
        int cut = url.length();
        int semicolon = url.indexOf(';');
        int question = url.indexOf('?');
        if (semicolon >= 0) {
            cut = Math.min(cut, semicolon);
        }
        if (question >= 0) {
            cut = Math.min(cut, question);
        }
        return url.substring(0, cut).replaceFirst("//[^/@]*@", "//");
    }

    /** The H2 database path of a file URL without settings and without {@code file:}, e.g. {@code ./data/bot}. */
    static String h2FilePath(String url) {
        String rest = url.substring(H2_PREFIX.length());
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            rest = rest.substring(0, semicolon);
        }
        if (rest.regionMatches(true, 0, "file:", 0, "file:".length())) {
            rest = rest.substring("file:".length());
        }
        return rest;
    }

    private static boolean isH2Url(String url) {
        return url.regionMatches(true, 0, H2_PREFIX, 0, H2_PREFIX.length());
    }

    private static boolean isPostgresUrl(String url) {
        return url.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length());
    }

    private static boolean isH2FileUrl(String url) {
        if (!isH2Url(url)) {
            return false;
        }
        String rest = url.substring(H2_PREFIX.length());
        if (rest.regionMatches(true, 0, "file:", 0, "file:".length())) {
            return true;
        }
        return !rest.isEmpty() && !H2_NON_FILE_SCHEME.matcher(rest).matches();
    }

    private static boolean hasH2Setting(String url, String setting) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String name = (equals >= 0 ? parts[i].substring(0, equals) : parts[i]).strip();
            if (name.toUpperCase(Locale.ROOT).equals(setting)) {
                return true;
            }
        }
        return false;
    }

    private static void appendSetting(StringBuilder url, String setting) {
        if (url.charAt(url.length() - 1) != ';') {
            url.append(';');
        }
        url.append(setting);
    }

    private static SQLException findSqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
                if (sql.getErrorCode() != 0) {
                    return sql;
                }
            }
        }
        return found;
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
