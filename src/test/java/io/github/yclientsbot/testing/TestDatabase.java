package io.github.yclientsbot.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.StorageException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;

/**
 * The databases the storage and end-to-end tests run against: H2 always, PostgreSQL when
 * {@code BOT_TEST_PG_URL} (with {@code BOT_TEST_PG_USER} and {@code BOT_TEST_PG_PASSWORD}) names a throwaway
 * test database, as {@code .ci/run} does. Without it the PostgreSQL variants are skipped (an assumption, so
 * JUnit reports them as skipped with the reason), not failed.
 *
 * <p>On PostgreSQL each test class gets a schema of its own ({@code t_<class name>}, selected with
 * {@code currentSchema} in the URL), so classes running at the same time never see each other's tables;
 * {@link #prepare} drops and re-creates it. Never point {@code BOT_TEST_PG_URL} at a database whose data you want
 * to keep.
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
     * An empty database for the tests of {@code owner}: for H2 {@code h2Url} itself (the caller makes it unique),
     * for PostgreSQL the owner's own schema on the test server, emptied. Skips the test when PostgreSQL is not
     * configured.
     */
    public Target prepare(Class<?> owner, String h2Url) {
        if (this == H2) {
            return new Target(h2Url, null, null);
        }
        Target server = postgres();
        String schema = schemaOf(owner);
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the test schema " + schema + " on " + server.url() + ": "
                    + e.getMessage(), e);
        }
        return inSchema(owner);
    }

    /** The PostgreSQL schema of {@code owner}'s tests, as {@link #prepare} left it (not emptied again). */
    public static Target inSchema(Class<?> owner) {
        Target server = postgres();
        String separator = server.url().contains("?") ? "&" : "?";
        return new Target(server.url() + separator + "currentSchema=" + schemaOf(owner), server.user(), server.password());
    }

    /** The configured PostgreSQL test database itself (its default schema, not reset); skips when not configured. */
    public static Target postgres() {
        assumeTrue(postgresAvailable(), URL_ENV + " is not set: PostgreSQL variant skipped (.ci/run starts a server"
                + " and sets it)");
        return new Target(System.getenv(URL_ENV), System.getenv(USER_ENV), System.getenv(PASSWORD_ENV));
    }

    /** {@code t_} and the class's simple name in lower case: a plain identifier, under PostgreSQL's 63 characters. */
    static String schemaOf(Class<?> owner) {
        String name = "t_" + owner.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
