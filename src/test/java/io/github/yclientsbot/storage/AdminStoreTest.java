package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class AdminStoreTest {

    @Parameter
    TestDatabase db;
    private TestDatabase.Target target;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    private Database database;
    private AdminStore admins;

    @BeforeEach
    void open() throws Exception {
        target = db.prepare(getClass(), "jdbc:h2:mem:admins-" + System.nanoTime());
        database = target.open(clock);
        admins = database.admins();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void addingTwiceAddsOnce() {
        assertTrue(admins.all().isEmpty());

        assertTrue(admins.add(7_000_000_000L, "claim code"));
        assertFalse(admins.add(7_000_000_000L, "claim code"));

        assertEquals(List.of(7_000_000_000L), List.copyOf(admins.all()));
    }

    @Test
    void allIsInTheOrderAdminsWereAddedAndRemoveWorks() {
        admins.add(30L, "claim code");
        clock.advance(Duration.ofMinutes(1));
        admins.add(10L, "added by 30");

        assertEquals(List.of(30L, 10L), List.copyOf(admins.all()));
        assertEquals(List.of(new AdminStore.Entry(30L, Instant.parse("2025-03-01T10:00:00Z"), "claim code"),
                new AdminStore.Entry(10L, Instant.parse("2025-03-01T10:01:00Z"), "added by 30")), admins.entries());
        assertTrue(admins.remove(30L));
        assertFalse(admins.remove(30L));
        assertEquals(List.of(10L), List.copyOf(admins.all()));
    }
}
