package io.github.yclientsbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;

/**
 * The three steps of opening the database, in order: a small HikariCP pool, Flyway migrations from
 * {@code classpath:db/migration} (they own the schema), and a Hibernate {@link SessionFactory} that only validates
 * the schema against the entities.
 */
final class DatabaseSetup {
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
        // the update workers (bot.workers, 8 by default) and the poller each hold one briefly
        config.setMaximumPoolSize(10);
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

    static void migrate(DataSource dataSource) {
        Flyway.configure(DatabaseSetup.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    static SessionFactory validatedSessionFactory(DataSource dataSource) {
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
}
