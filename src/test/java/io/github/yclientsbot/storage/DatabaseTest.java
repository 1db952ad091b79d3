package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final Instant START = Instant.parse("2025-03-01T10:15:30.123456789Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(START);

    private String fileUrl() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void freshFileIsMigratedValidatedAndReopenedWithItsData(TestDatabase db) throws Exception {
        TestDatabase.Target target = db.prepare(getClass(), fileUrl());
        // GIVEN a fresh file database with one row in every table
        try (Database database = target.open(clock)) {
            assertTrue(database.ping());
            database.settings(new SecretBox(new byte[32])).put("company_id", "12345", false, 7L);
            database.serviceMappings().upsert(10, 0, "Haircut", false, new BigDecimal("1500"), null);
            database.auditLog().record(7L, "company.set", "company 12345");
            database.admins().add(7L, "claim code");
        }
        assertTrue(db != TestDatabase.H2 || Files.exists(dir.resolve("db.mv.db")));

        // WHEN it is opened again (migrations already applied, validation again)
        try (Database database = target.open(clock)) {
            // THEN everything is still there
            StoredSetting setting = database.settings(new SecretBox(new byte[32])).get("company_id").orElseThrow();
            assertEquals("12345", setting.value());
            assertEquals(START.truncatedTo(java.time.temporal.ChronoUnit.MICROS), setting.updatedAt());
            assertEquals(7L, setting.updatedBy());
            assertEquals(new BigDecimal("1500.00"),
                    database.serviceMappings().find(10, 0).orElseThrow().priceMin());
            assertEquals("company.set", database.auditLog().latest(1).get(0).action());
            assertEquals(java.util.Set.of(7L), database.admins().all());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void flywayRecordsTheInitialMigration(TestDatabase db) throws Exception {
        TestDatabase.Target target = db.prepare(getClass(), fileUrl());
        try (Database database = target.open(clock);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")) {
            assertTrue(result.next());
            assertTrue(result.getBoolean("success"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void instantsAreStoredInUtc(TestDatabase db) throws Exception {
        TestDatabase.Target target = db.prepare(getClass(), fileUrl());
        try (Database database = target.open(clock)) {
            database.auditLog().record(1L, "test", null);
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT created_at FROM audit_entry")) {
                assertTrue(result.next());
                OffsetDateTime stored = result.getObject(1, OffsetDateTime.class);
                assertEquals(ZoneOffset.UTC, stored.getOffset());
                assertEquals(START.truncatedTo(java.time.temporal.ChronoUnit.MICROS), stored.toInstant());
            }
        }
    }

    @Test
    void closeIsIdempotentAndPingIsFalseAfterwards() throws Exception {
        Database database = Database.open("jdbc:h2:mem:close-test", null, null, clock);
        assertTrue(database.ping());
        database.close();
        database.close();
        assertFalse(database.ping());
    }

    @Test
    void aSchemaThatDoesNotMatchTheEntitiesIsRefused() throws Exception {
        // GIVEN a database whose setting table lost a column (e.g. edited by hand)
        try (Database database = Database.open(fileUrl(), null, null, clock);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE bot_setting DROP COLUMN updated_by");
        }
        // WHEN it is opened THEN the failure is one readable line
        StorageException failure = assertThrows(StorageException.class,
                () -> Database.open(fileUrl(), null, null, clock));
        assertTrue(failure.getMessage().contains("does not match this version of the bot"), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
    }

    @Test
    void effectiveUrlMakesFileDatabasesDurableAndClosedByTheApplication() {
        assertEquals("jdbc:h2:file:./data/yclients-bot;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                Database.effectiveUrl("jdbc:h2:file:./data/yclients-bot"));
        assertEquals("jdbc:h2:./data/yclients-bot;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                Database.effectiveUrl("jdbc:h2:./data/yclients-bot"));
        assertEquals("jdbc:h2:~/bot;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", Database.effectiveUrl("jdbc:h2:~/bot"));
        assertEquals("jdbc:h2:/var/lib/bot/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                Database.effectiveUrl("jdbc:h2:/var/lib/bot/db"));
        assertEquals("jdbc:h2:C:/bot/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", Database.effectiveUrl("jdbc:h2:C:/bot/db"));
        assertEquals("JDBC:H2:FILE:./db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", Database.effectiveUrl("JDBC:H2:FILE:./db"));
        assertEquals("jdbc:h2:./db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", Database.effectiveUrl("jdbc:h2:./db;"));
    }

    @Test
    void effectiveUrlKeepsExplicitSettings() {
        assertEquals("jdbc:h2:file:./db;write_delay=100;DB_CLOSE_ON_EXIT=FALSE",
                Database.effectiveUrl("jdbc:h2:file:./db;write_delay=100"));
        assertEquals("jdbc:h2:file:./db;DB_CLOSE_ON_EXIT=TRUE;WRITE_DELAY=0",
                Database.effectiveUrl("jdbc:h2:file:./db;DB_CLOSE_ON_EXIT=TRUE"));
        assertEquals("jdbc:h2:./db;MODE=PostgreSQL;Write_Delay=0;db_close_on_exit=false",
                Database.effectiveUrl("jdbc:h2:./db;MODE=PostgreSQL;Write_Delay=0;db_close_on_exit=false"));
    }

    @Test
    void effectiveUrlLeavesOtherDatabasesAlone() {
        assertEquals("jdbc:h2:mem:test", Database.effectiveUrl("jdbc:h2:mem:test"));
        assertEquals("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", Database.effectiveUrl("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:h2:tcp://localhost/~/bot", Database.effectiveUrl("jdbc:h2:tcp://localhost/~/bot"));
        assertEquals("jdbc:postgresql://db:5432/bot", Database.effectiveUrl("jdbc:postgresql://db:5432/bot"));
    }

    @Test
    void aLockedH2FileIsReportedInOneLine() {
        SQLException h2 = new SQLException("Database may be already in use: \"/data/yclients-bot.mv.db\".\n"
                + "Possible solutions: close all other connection(s); use the server mode [90020-252]", "90020", 90020);
        StorageException mapped = OpenFailure.describe(
                "jdbc:h2:file:./data/yclients-bot;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                new RuntimeException("Failed to initialize pool", h2));
        assertEquals("the database file ./data/yclients-bot.mv.db is locked by another process "
                + "(is the bot already running?)", mapped.getMessage());
        assertEquals("the database file ./db.mv.db is locked by another process (is the bot already running?)",
                OpenFailure.describe("jdbc:h2:./db", h2).getMessage());
    }

    @Test
    void otherOpenFailuresAreOneLineWithoutSecrets() {
        SQLException wrongPassword = new SQLException("Wrong user name or password [28000-252]", "28000", 28000);
        assertEquals("the database jdbc:h2:file:./db rejected the user name or password",
                OpenFailure.describe("jdbc:h2:file:./db;PASSWORD=hunter2", wrongPassword).getMessage());

        String migration = OpenFailure.describe("jdbc:postgresql://db/bot?password=hunter2",
                new FlywayException("Migration V1__initial_schema.sql failed\nSQL State: 42000")).getMessage();
        assertEquals("migrating the database jdbc:postgresql://db/bot failed: "
                + "Migration V1__initial_schema.sql failed SQL State: 42000", migration);

        String schema = OpenFailure.describe("jdbc:h2:mem:x",
                new IllegalStateException(new SchemaManagementException("missing column [x]"))).getMessage();
        assertTrue(schema.startsWith("the database jdbc:h2:mem:x does not match this version of the bot: "), schema);

        String other = OpenFailure.describe("jdbc:postgresql://bot:hunter2@db/bot",
                new RuntimeException(new SQLException("Connection refused\nmore"))).getMessage();
        assertEquals("cannot open the database jdbc:postgresql://db/bot: Connection refused more", other);
    }

    @Test
    void aNonDatabaseUrlFailsWithStorageException() {
        StorageException failure = assertThrows(StorageException.class,
                () -> Database.open("jdbc:nosuchdriver:whatever", null, null, clock));
        assertNotNull(failure.getMessage());
        assertTrue(failure.getMessage().startsWith("cannot open the database jdbc:nosuchdriver:whatever: "),
                failure.getMessage());
    }

    @Test
    void postgresWithAWrongPasswordIsOneLineWithoutThePassword() {
        TestDatabase.Target pg = TestDatabase.postgres();
        String wrong = "not-the-password-" + System.nanoTime();
        StorageException failure = assertThrows(StorageException.class,
                () -> Database.open(pg.url(), pg.user(), wrong, clock));
        assertEquals("the database " + pg.url() + " rejected the user name or password", failure.getMessage());
        assertFalse(failure.getMessage().contains(wrong));
    }

    @Test
    void anUnreachablePostgresServerIsOneLine() throws Exception {
        TestDatabase.Target pg = TestDatabase.postgres();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/bot";
        StorageException failure = assertThrows(StorageException.class,
                () -> Database.open(url, pg.user(), pg.password(), clock));
        assertTrue(failure.getMessage().startsWith("cannot connect to the PostgreSQL server of " + url + ": "),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
        assertFalse(failure.getMessage().contains(pg.password()));
    }

    @Test
    void aMissingPostgresDatabaseIsNamed() {
        TestDatabase.Target pg = TestDatabase.postgres();
        String url = pg.url().replaceFirst("/[^/?]+(\\?.*)?$", "/no_such_database_here");
        StorageException failure = assertThrows(StorageException.class,
                () -> Database.open(url, pg.user(), pg.password(), clock));
        assertEquals("the database " + url + " does not exist on that server (create it, or fix the name in bot.db.url)",
                failure.getMessage());
    }
}
