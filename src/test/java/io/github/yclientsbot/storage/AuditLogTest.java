package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
class AuditLogTest {

    @Parameter
    TestDatabase db;
    private TestDatabase.Target target;

    private final Instant start = Instant.parse("2025-03-01T10:00:00Z");
    private final TestClock clock = new TestClock(start);
    private Database database;
    private AuditLog audit;

    @BeforeEach
    void open() throws Exception {
        target = db.prepare(getClass(), "jdbc:h2:mem:audit-" + System.nanoTime());
        database = target.open(clock);
        audit = database.auditLog();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void latestIsNewestFirstAndLimited() {
        audit.record(1L, "token.set", "partner token replaced");
        clock.advance(Duration.ofMinutes(1));
        audit.record(2L, "company.set", "company 12345");
        clock.advance(Duration.ofMinutes(1));
        audit.record(9_000_000_000L, "mapping.add", null);

        List<AuditEntry> latest = audit.latest(2);

        assertEquals(List.of("mapping.add", "company.set"), latest.stream().map(AuditEntry::action).toList());
        assertEquals(9_000_000_000L, latest.get(0).userId());
        assertNull(latest.get(0).detail());
        assertEquals(start.plus(Duration.ofMinutes(2)), latest.get(0).at());
        assertEquals(3, audit.latest(100).size());
        assertTrue(audit.latest(0).isEmpty());
    }

    @Test
    void entriesAtTheSameInstantAreOrderedByInsertion() {
        audit.record(1L, "first", null);
        audit.record(1L, "second", null);
        assertEquals(List.of("second", "first"), audit.latest(5).stream().map(AuditEntry::action).toList());
    }

    @Test
    void longDetailIsCutTo1000Characters() {
        audit.record(1L, "bulk", "x".repeat(5000));
        assertEquals(1000, audit.latest(1).get(0).detail().length());
        assertThrows(IllegalArgumentException.class, () -> audit.record(1L, " ", "x"));
    }
}
