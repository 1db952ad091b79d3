package io.github.yclientsbot.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.StorageException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * The databases the storage and end-to-end tests run against: H2 always, PostgreSQL when
 * {@code BOT_TEST_PG_URL} (with {@code BOT_TEST_PG_USER} and {@code BOT_TEST_PG_PASSWORD}) names a throwaway
 * test database, as {@code .ci/run} does. Without it the PostgreSQL variants are skipped (an assumption, so
 * JUnit reports them as skipped with the reason), not failed.
 *
 * <p>{@link #prepare(String)} on PostgreSQL drops and re-creates the {@code public} schema: never point
 * {@code BOT_TEST_PG_URL} at a database whose data you want to keep.
 */
public enum TestDatabase {
    H2,
    POSTGRESQL;

    public static final String URL_ENV = "BOT_TEST_PG_URL";
    public static final String USER_ENV = "BOT_TEST_PG_USER";
    public static final String PASSWORD_ENV = "BOT_TEST_PG_PASSWORD";

    /** Where to connect; {@link #open(Clock)} opens it the way the bot does. */
    public record Target(String url, String user, String password) {
        public Database open(Clock clock) throws StorageException {
            return Database.open(url, user, password, clock);
        }

        @Override
        public String toString() {
            return "Target[" + url + "]";
        }
    }

    /** {@code true} if the PostgreSQL variants can run here. */
    public static boolean postgresAvailable() {
        String url = System.getenv(URL_ENV);
        return url != null && !url.isBlank();
    }

    /**
     * An empty database: for H2 {@code h2Url} itself (the caller makes it unique), for PostgreSQL the test
     * server with an empty {@code public} schema. Skips the test when PostgreSQL is not configured.
     */
    public Target prepare(String h2Url) {
        if (this == H2) {
            return new Target(h2Url, null, null);
        }
        Target target = postgres();
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the test database " + target.url() + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** The configured PostgreSQL test database (not reset); skips the test when it is not configured. */
    public static Target postgres() {
        assumeTrue(postgresAvailable(), URL_ENV + " is not set: PostgreSQL variant skipped (.ci/run starts a server"
                + " and sets it)");
        return new Target(System.getenv(URL_ENV), System.getenv(USER_ENV), System.getenv(PASSWORD_ENV));
    }
}
