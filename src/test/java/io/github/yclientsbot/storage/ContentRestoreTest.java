package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.yclientsbot.storage.ContentRestore.MappingRow;
import io.github.yclientsbot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ContentRestoreTest {

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final SecretBox box = new SecretBox(new byte[32]);
    private Database database;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:restore-" + System.nanoTime()).open(clock);
        SettingsStore settings = database.settings(box);
        settings.put("company", "1", false, 7L);
        settings.put("form", "https://old.example", false, 7L);
        settings.put("other", "kept", false, 7L);
        settings.put("token", "secret-token-value", true, 7L);
        database.serviceMappings().upsert(10, 0, "Old button", false, null, null);
        database.admins().add(7L, "claim code");
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void replacesOwnedSettingsAndButtonsKeepsSecretsAndAddsAdmins() {
        database.restore().restore(Map.of("company", "502817"), name -> Set.of("company", "form").contains(name),
                List.of(new MappingRow(13700215, 2290355, "With Ilya", true, new BigDecimal("2500"), null, 2),
                        new MappingRow(13700211, 0, "Haircut", false, null, new BigDecimal("4000.5"), 1)),
                List.of(8L, 7L), 9L, "import");

        Map<String, StoredSetting> all = database.settings(box).all();
        assertEquals("502817", all.get("company").value());
        assertEquals(null, all.get("form"), "an owned setting missing from the file is removed");
        assertEquals("kept", all.get("other").value(), "a setting the restore does not own stays");
        assertEquals("secret-token-value", all.get("token").value(), "tokens are untouched");
        List<ServiceMapping> buttons = database.serviceMappings().all();
        assertEquals(List.of("Haircut", "With Ilya"), buttons.stream().map(ServiceMapping::title).toList());
        assertEquals(new BigDecimal("4000.50"), buttons.get(0).priceMax());
        assertEquals(new BigDecimal("2500.00"), buttons.get(1).priceMin());
        assertEquals(Set.of(7L, 8L), database.admins().all());
    }

    @Test
    void anInvalidRowChangesNothing() {
        assertThrows(IllegalArgumentException.class, () -> database.restore().restore(Map.of("company", "2"),
                name -> name.equals("company"),
                List.of(new MappingRow(1, 0, "Fine", false, null, null, 1), new MappingRow(2, -1, "Bad", false, null, null, 2)),
                List.of(8L), 9L, "import"));
        assertThrows(IllegalArgumentException.class, () -> database.restore().restore(Map.of("token", "x"),
                name -> name.equals("company"), List.of(), List.of(), 9L, "import"));

        assertEquals("1", database.settings(box).get("company").orElseThrow().value());
        assertEquals(List.of("Old button"), database.serviceMappings().all().stream().map(ServiceMapping::title).toList());
        assertEquals(Set.of(7L), database.admins().all());
    }
}
