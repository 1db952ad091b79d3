package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class SettingsStoreTest {

    @Parameter
    TestDatabase db;
    private TestDatabase.Target target;

    private static final String TOKEN = "3f9c2a-partner-token-very-secret";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final SecretBox box = new SecretBox(new byte[32]);
    private Database database;
    private SettingsStore settings;

    @BeforeEach
    void open() throws Exception {
        target = db.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        database = target.open(clock);
        settings = database.settings(box);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void plainSettingRoundTrip() {
        settings.put("company_id", "12345", false, 7L);

        StoredSetting stored = settings.get("company_id").orElseThrow();
        assertEquals(new StoredSetting("company_id", "12345", false, false, clock.instant(), 7L), stored);
        assertTrue(settings.get("missing").isEmpty());
    }

    @Test
    void secretSettingRoundTripAndRawColumnIsEncrypted() throws Exception {
        settings.put("partner_token", TOKEN, true, 7L);

        StoredSetting stored = settings.get("partner_token").orElseThrow();
        assertEquals(TOKEN, stored.value());
        assertTrue(stored.secret());
        assertFalse(stored.undecryptable());
        String raw = rawValue("partner_token");
        assertTrue(raw.startsWith("v1:"), raw);
        assertFalse(raw.contains(TOKEN));
        assertFalse(raw.contains("secret"));
    }

    @Test
    void aSecretUnderAnotherKeyIsUndecryptableNotAnError() {
        settings.put("partner_token", TOKEN, true, 7L);
        settings.put("company_id", "12345", false, 7L);

        SettingsStore withOtherKey = database.settings(new SecretBox(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));

        StoredSetting stored = withOtherKey.get("partner_token").orElseThrow();
        assertTrue(stored.undecryptable());
        assertTrue(stored.secret());
        assertNull(stored.value());
        Map<String, StoredSetting> all = withOtherKey.all();
        assertTrue(all.get("partner_token").undecryptable());
        assertEquals("12345", all.get("company_id").value());
    }

    @Test
    void toStringNeverShowsASecret() {
        settings.put("partner_token", TOKEN, true, 7L);
        StoredSetting stored = settings.get("partner_token").orElseThrow();
        assertFalse(stored.toString().contains(TOKEN));
        assertFalse(settings.all().toString().contains(TOKEN));
        assertTrue(new StoredSetting("lang", "ru", false, false, clock.instant(), null).toString().contains("ru"));
    }

    @Test
    void putReplacesValueSecrecyAndAuthor() throws Exception {
        settings.put("partner_token", "old", false, 1L);
        clock.advance(Duration.ofMinutes(5));

        settings.put("partner_token", TOKEN, true, 2L);

        StoredSetting stored = settings.get("partner_token").orElseThrow();
        assertEquals(TOKEN, stored.value());
        assertTrue(stored.secret());
        assertEquals(clock.instant(), stored.updatedAt());
        assertEquals(2L, stored.updatedBy());
        assertFalse(rawValue("partner_token").contains(TOKEN));
        assertEquals(1, settings.all().size());
    }

    @Test
    void allIsOrderedByNameAndRemoveSaysWhetherSomethingWent() {
        settings.put("b", "2", false, null);
        settings.put("a", "1", false, null);
        settings.put("c", "3", true, null);

        assertEquals(List.of("a", "b", "c"), List.copyOf(settings.all().keySet()));
        assertNull(settings.get("a").orElseThrow().updatedBy());
        assertTrue(settings.remove("b"));
        assertFalse(settings.remove("b"));
        assertEquals(List.of("a", "c"), List.copyOf(settings.all().keySet()));
    }

    @Test
    void invalidInputIsRefusedBeforeTheDatabase() {
        assertThrows(IllegalArgumentException.class, () -> settings.put(" ", "x", false, null));
        assertThrows(IllegalArgumentException.class, () -> settings.put("n".repeat(101), "x", false, null));
        assertThrows(IllegalArgumentException.class, () -> settings.put("big", "x".repeat(4001), false, null));
        assertThrows(IllegalArgumentException.class, () -> settings.put("big", "x".repeat(3000), true, null));
        assertThrows(NullPointerException.class, () -> settings.put("n", null, false, null));
        settings.put("max", "x".repeat(4000), false, null);
        assertEquals(4000, settings.get("max").orElseThrow().value().length());
    }

    @Test
    void savedSettingsSurviveReopening() throws Exception {
        settings.put("partner_token", TOKEN, true, 7L);
        database.close();

        database = target.open(clock);

        assertEquals(TOKEN, database.settings(box).get("partner_token").orElseThrow().value());
    }

    private String rawValue(String name) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT setting_value FROM bot_setting WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                assertTrue(result.next());
                return result.getString(1);
            }
        }
    }
}
