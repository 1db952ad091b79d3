package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ServiceMappingsTest {

    @Parameter
    TestDatabase db;
    private TestDatabase.Target target;

    private static final BigDecimal P1500 = new BigDecimal("1500");
    private static final BigDecimal P2000 = new BigDecimal("2000");

    @TempDir
    Path dir;

    private final Instant start = Instant.parse("2025-03-01T10:00:00Z");
    private final TestClock clock = new TestClock(start);
    private Database database;
    private ServiceMappings mappings;

    @BeforeEach
    void open() throws Exception {
        target = db.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        database = target.open(clock);
        mappings = database.serviceMappings();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void eachBranchHasItsOwnButtonsOfTheSameService() {
        // GIVEN the same service and specialist in two branches
        ServiceMapping first = mappings.upsert(502817, 101, 0, "Haircut", false, P1500, P2000);
        ServiceMapping second = mappings.upsert(611205, 101, 0, "Haircut in Yekaterinburg", false, P1500, null);

        // THEN two buttons, each its branch's, found, refreshed and deleted per branch
        assertFalse(first.id() == second.id());
        assertEquals(502817, first.companyId());
        assertEquals(List.of(first), mappings.forCompany(502817));
        assertEquals(List.of(second), mappings.forCompany(611205));
        assertEquals("Haircut in Yekaterinburg", mappings.find(611205, 101, 0).orElseThrow().title());
        assertEquals(1, mappings.findByService(502817, 101).size());
        mappings.refreshFromCatalog(611205, 101, "Стрижка", P2000, P2000);
        assertEquals("Haircut", mappings.find(502817, 101, 0).orElseThrow().title(), "the other branch is not refreshed");
        assertEquals("Стрижка", mappings.find(611205, 101, 0).orElseThrow().title());
        assertTrue(mappings.delete(611205, 101, 0));
        assertEquals(1, mappings.count());
        assertEquals(0, mappings.count(611205));
        assertTrue(mappings.find(502817, 101, 0).isPresent());
    }

    @Test
    void buttonsOfNoBranchGoToTheFirstBranchAndOneCompanyTakesThemAll() {
        // GIVEN buttons from before branches (no branch), and a button of another branch
        mappings.upsert(101, 0, "Haircut", false, P1500, P2000);
        mappings.upsert(102, 7, "Colour", true, null, null);
        mappings.upsert(611205, 103, 0, "Manicure", false, null, null);
        mappings.upsert(502817, 101, 0, "Haircut (already here)", false, null, null);

        // WHEN the first branch adopts the buttons of no branch: those it has not got move, the other stays
        assertEquals(1, mappings.adoptUnassigned(502817));
        assertEquals(2, mappings.count(502817));
        assertEquals(1, mappings.count(0));
        assertEquals(1, mappings.count(611205));

        // WHEN the bot serves one company again: every button it has not got becomes its
        assertEquals(1, mappings.moveAllTo(502817));
        assertEquals(3, mappings.count(502817));
        assertEquals(1, mappings.count(0), "the one whose service the company has already stays");
        assertEquals(0, mappings.adoptUnassigned(0));
    }

    @Test
    void upsertInsertsThenUpdatesTheSameRow() {
        // GIVEN a new button
        ServiceMapping inserted = mappings.upsert(101, 0, "Haircut", false, P1500, P2000);
        assertEquals(101, inserted.serviceId());
        assertEquals(0, inserted.staffId());
        assertEquals(1, inserted.position());
        assertEquals(new BigDecimal("1500.00"), inserted.priceMin());
        assertEquals(start, inserted.createdAt());
        assertEquals(inserted, mappings.find(101, 0).orElseThrow());

        // WHEN it is upserted again later with a custom title
        clock.advance(Duration.ofHours(1));
        ServiceMapping updated = mappings.upsert(101, 0, "Men's haircut ✂", true, P2000, null);

        // THEN it is the same row, changed, with its position and creation time kept
        assertEquals(inserted.id(), updated.id());
        assertEquals("Men's haircut ✂", updated.title());
        assertTrue(updated.customTitle());
        assertEquals(new BigDecimal("2000.00"), updated.priceMin());
        assertNull(updated.priceMax());
        assertEquals(1, updated.position());
        assertEquals(start, updated.createdAt());
        assertEquals(clock.instant(), updated.updatedAt());
        assertEquals(updated, mappings.find(101, 0).orElseThrow());
        assertEquals(1, mappings.count());
    }

    @Test
    void anUnchangedUpsertDoesNotTouchUpdatedAt() {
        ServiceMapping first = mappings.upsert(101, 0, "Haircut", false, P1500, null);
        clock.advance(Duration.ofHours(1));
        assertEquals(first, mappings.upsert(101, 0, "Haircut", false, new BigDecimal("1500.000"), null));
    }

    @Test
    void noStaffAndAStaffMemberAreDistinctButEachPairIsUnique() {
        ServiceMapping anyone = mappings.upsert(101, ServiceMapping.NO_STAFF, "Haircut", false, P1500, null);
        ServiceMapping withAnna = mappings.upsert(101, 7, "Haircut with Anna", true, P2000, null);
        mappings.upsert(101, 7, "Haircut with Anna", true, P2000, null);

        assertTrue(anyone.id() != withAnna.id());
        assertEquals(2, mappings.count());
        assertEquals(List.of(anyone, withAnna), mappings.findByService(101));
        assertTrue(mappings.findByService(999).isEmpty());
        assertTrue(mappings.find(101, 8).isEmpty());
    }

    @Test
    void theDatabaseItselfRefusesADuplicatePair() throws Exception {
        mappings.upsert(101, 7, "Haircut", false, null, null);
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO service_mapping (service_id, staff_id, title, custom_title, sort_order, created_at, updated_at)"
                            + " VALUES (101, 7, 'dup', FALSE, 9, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
            // and staff_id defaults to 0
            statement.executeUpdate(
                    "INSERT INTO service_mapping (service_id, title, custom_title, sort_order, created_at, updated_at)"
                            + " VALUES (102, 'raw', FALSE, 9, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        assertTrue(mappings.find(102, 0).isPresent());
    }

    @Test
    void allIsOrderedByPositionThenIdAndNewButtonsGoLast() {
        ServiceMapping a = mappings.upsert(300, 0, "C", false, null, null);
        ServiceMapping b = mappings.upsert(100, 0, "A", false, null, null);
        ServiceMapping c = mappings.upsert(200, 5, "B", false, null, null);

        assertEquals(List.of(1, 2, 3), mappings.all().stream().map(ServiceMapping::position).toList());
        assertEquals(List.of(a.id(), b.id(), c.id()), mappings.all().stream().map(ServiceMapping::id).toList());

        mappings.delete(300, 0);
        ServiceMapping d = mappings.upsert(400, 0, "D", false, null, null);
        assertEquals(4, d.position());
        assertEquals(List.of(b, c, d), mappings.all());
    }

    @Test
    void allIsReadFromMemoryUntilAButtonIsWrittenHereOrByARestore() {
        mappings.upsert(101, 0, "Haircut", false, P1500, null);
        List<ServiceMapping> first = mappings.all();
        assertSame(first, mappings.all(), "the second read comes from memory");

        mappings.upsert(101, 0, "Haircut", true, P2000, null);
        assertEquals(0, P2000.compareTo(mappings.all().get(0).priceMin()), "an upsert drops the copy");
        mappings.refreshFromCatalog(101, "Short haircut", P1500, null);
        assertEquals(0, P1500.compareTo(mappings.all().get(0).priceMin()), "a catalog refresh drops the copy");
        mappings.upsert(202, 0, "Colouring", false, null, null);
        mappings.delete(101, 0);
        assertEquals(List.of(202L), mappings.all().stream().map(ServiceMapping::serviceId).toList(), "a delete drops the copy");
        database.restore().restore(java.util.Map.of(), name -> true,
                List.of(new ContentRestore.MappingRow(303, 0, "Manicure", false, null, null, 1)), List.of(), 1, "test");
        assertEquals(List.of(303L), mappings.all().stream().map(ServiceMapping::serviceId).toList(), "a restore drops the copy");
    }

    @Test
    void deleteRemovesOnlyThatPair() {
        mappings.upsert(101, 0, "Haircut", false, null, null);
        mappings.upsert(101, 7, "Haircut with Anna", false, null, null);

        assertTrue(mappings.delete(101, 7));
        assertFalse(mappings.delete(101, 7));
        assertFalse(mappings.delete(555, 0));
        assertTrue(mappings.find(101, 0).isPresent());
        assertEquals(1, mappings.count());
    }

    @Test
    void refreshFromCatalogKeepsCustomTitlesAndUpdatesTheRest() {
        // GIVEN one button with the catalog title and one an admin renamed
        mappings.upsert(101, 0, "Haircut", false, P1500, null);
        mappings.upsert(101, 7, "Anna's signature cut", true, P1500, null);
        mappings.upsert(202, 0, "Colouring", false, P1500, null);
        clock.advance(Duration.ofDays(1));

        // WHEN YCLIENTS renamed the service and raised the price
        mappings.refreshFromCatalog(101, "Haircut (any length)", P2000, new BigDecimal("2500"));

        // THEN the catalog title follows, the custom title stays, prices follow on both, other services untouched
        ServiceMapping plain = mappings.find(101, 0).orElseThrow();
        assertEquals("Haircut (any length)", plain.title());
        assertFalse(plain.customTitle());
        assertEquals(new BigDecimal("2000.00"), plain.priceMin());
        assertEquals(new BigDecimal("2500.00"), plain.priceMax());
        assertEquals(clock.instant(), plain.updatedAt());
        ServiceMapping custom = mappings.find(101, 7).orElseThrow();
        assertEquals("Anna's signature cut", custom.title());
        assertTrue(custom.customTitle());
        assertEquals(new BigDecimal("2000.00"), custom.priceMin());
        ServiceMapping other = mappings.find(202, 0).orElseThrow();
        assertEquals("Colouring", other.title());
        assertEquals(start, other.updatedAt());
    }

    @Test
    void refreshFromCatalogIsANoOpWhenNothingChanged() {
        ServiceMapping before = mappings.upsert(101, 0, "Haircut", false, P1500, null);
        clock.advance(Duration.ofDays(1));

        mappings.refreshFromCatalog(101, "Haircut", new BigDecimal("1500.0"), null);
        mappings.refreshFromCatalog(999, "Nothing mapped", P1500, null);

        assertEquals(before, mappings.find(101, 0).orElseThrow());
    }

    @Test
    void invalidButtonsAreRefusedAndLongTitlesCut() {
        assertThrows(IllegalArgumentException.class, () -> mappings.upsert(101, 0, "  ", false, null, null));
        assertThrows(IllegalArgumentException.class, () -> mappings.upsert(101, -1, "x", false, null, null));
        assertEquals(255, mappings.upsert(101, 0, "t".repeat(300), false, null, null).title().length());
        assertEquals(0, mappings.upsert(102, 0, "Trim", false, null, null).staffId());
    }

    @Test
    void idsAndStaffIdsAre64Bit() {
        long big = 9_000_000_000L;
        ServiceMapping saved = mappings.upsert(big, big + 1, "Big ids", false, null, null);
        assertEquals(saved, mappings.find(big, big + 1).orElseThrow());
    }
}
