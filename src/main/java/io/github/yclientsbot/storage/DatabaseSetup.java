package io.github.yclientsbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of opening the database, in order: a small HikariCP pool, Flyway migrations from
 * {@code classpath:db/migration} and {@link PlainSecretsMigration} (they own the schema), after an upgrade that
 * scrubbed plain secrets the database compacted, and a Hibernate {@link SessionFactory} that only validates the
 * schema against the entities.
 */
final class DatabaseSetup {
    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);
    static final String MIGRATIONS = "classpath:db/migration";

    private DatabaseSetup() {
    }

    /** @param metrics where the pool's meters go ({@code hikaricp_…{pool="yclients-bot-db"}}); null: nowhere */
    static HikariDataSource pool(String url, String user, String password, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("yclients-bot-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // the update workers (bot.workers, 8 by default) and the poller each hold one briefly; the durable schedule of
        // reminders holds at most four (its poll, its heartbeat and two sends noting what they did)
        config.setMaximumPoolSize(14);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(3_000);
        config.setIdleTimeout(300_000);
        config.setMaxLifetime(1_800_000);
        if (metrics != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        }
        return new HikariDataSource(config);
    }

    /**
     * Runs the migrations: the SQL ones from {@link #MIGRATIONS} and the Java one of version 7 with {@code scrub}.
     *
     * @return {@code true} when version 7 ran on a database that existed before (an upgrade): what it rewrote still
     *         lies in the file's free space, so the database is to be {@link #compact compacted}
     */
    static boolean migrate(DataSource dataSource, PlainSecretsScrub scrub) {
        MigrateResult result = Flyway.configure(DatabaseSetup.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .javaMigrations(new PlainSecretsMigration(scrub))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        boolean existed = result.initialSchemaVersion != null;
        return existed && result.migrations.stream().anyMatch(m -> PlainSecretsMigration.VERSION.equals(m.version));
    }

    /**
     * After the upgrade scrubbed the plain secrets: the old bytes go from disk. H2 (a file): {@code SHUTDOWN COMPACT}
     * rewrites the file with the live data only; it closes the database, so the pool is closed and a new one opened —
     * before anything else got the database, so nothing running notices. PostgreSQL: {@code VACUUM FULL} rewrites the
     * two tables into new files (the write-ahead log keeps what it had until it is recycled; hence the advice to
     * rotate tokens set in chat before this version). Other databases (H2 in memory): nothing on disk.
     *
     * @return the pool to use from now on
     */
    static HikariDataSource compact(HikariDataSource dataSource, String url, String user, String password,
                                    MeterRegistry metrics) {
        if (JdbcUrl.isH2File(url)) {
            try {
                Connection c = dataSource.getConnection();
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                } finally {
                    closeShutDown(c);
                }
                log.info("Upgrade: the database file was compacted; the plain-text secrets removed from it are gone from disk");
            } catch (SQLException e) {
                log.warn("Upgrade: the database file could not be compacted ({}); the plain-text secrets removed from it"
                        + " stay in its free space until H2 reuses it", OpenFailure.oneLine(e));
            }
            // whether or not it shut down, no connection of this pool is to be trusted
            dataSource.close();
            return pool(url, user, password, metrics);
        }
        if (JdbcUrl.isPostgres(url)) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                for (String table : java.util.List.of("inbox_update", "booking_state")) {
                    s.execute("VACUUM FULL " + table);
                    if (s.getWarnings() != null) {
                        // "skipping "inbox_update" --- only table or database owner can vacuum it"
                        throw s.getWarnings();
                    }
                }
                log.info("Upgrade: the inbox and booking tables were rewritten (VACUUM FULL); the plain-text secrets"
                        + " removed from them are gone from their files");
            } catch (SQLException e) {
                log.warn("Upgrade: VACUUM FULL of the inbox and booking tables failed ({}); the plain-text secrets removed"
                        + " from them stay in the tables' free space until PostgreSQL reuses it", OpenFailure.oneLine(e));
            }
        }
        return dataSource;
    }

    /** Closes a connection whose database was shut down: the pool's reset on close fails, as it must. */
    private static void closeShutDown(Connection c) {
        try {
            c.close();
        } catch (SQLException expected) {
            log.debug("connection closed after SHUTDOWN COMPACT: {}", expected.getMessage());
        }
    }

    static SessionFactory validatedSessionFactory(DataSource dataSource) {
        Configuration configuration = new Configuration()
                .addAnnotatedClasses(BotSettingEntity.class, ServiceMappingEntity.class, AuditEntryEntity.class,
                        BotAdminEntity.class, BookingStateEntity.class, BookingConsentEntity.class,
                        BookingReferenceEntity.class, BookingLimitEventEntity.class, CustomerContactEntity.class,
                        VerifiedPhoneEntity.class, VisitWatchConsentEntity.class, RecordPollEntity.class,
                        CustomerBranchEntity.class)
                .setProperty(SchemaToolingSettings.HBM2DDL_AUTO, "validate")
                .setProperty(JdbcSettings.SHOW_SQL, false)
                .setProperty(JdbcSettings.FORMAT_SQL, false)
                .setProperty(JdbcSettings.HIGHLIGHT_SQL, false)
                .setProperty(JdbcSettings.JDBC_TIME_ZONE, "UTC");
        configuration.getProperties().put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        return configuration.buildSessionFactory();
    }
}
