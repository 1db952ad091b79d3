package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The branch each customer of a chain chose ({@code customer_branch}, migration V13), on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class CustomerBranchesTest {

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));
    private Database database;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:branch-" + System.nanoTime()).open(clock);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aChoiceIsKeptPerCustomerChangedAndDeleted() throws Exception {
        CustomerBranches branches = database.customerBranches();
        assertEquals(OptionalLong.empty(), branches.find(3003));

        branches.choose(3003, 611205);
        branches.choose(4004, 502817);
        assertEquals(OptionalLong.of(611205), branches.find(3003));

        branches.choose(3003, 611206);
        assertEquals(OptionalLong.of(611206), branches.find(3003), "a second choice replaces the first");
        assertEquals(OptionalLong.of(502817), branches.find(4004));

        // only the user and the company are stored: no location
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM customer_branch WHERE user_id = 3003")) {
            assertTrue(r.next());
            assertEquals(3, r.getMetaData().getColumnCount());
        }

        assertTrue(branches.delete(3003));
        assertFalse(branches.delete(3003));
        assertEquals(OptionalLong.empty(), branches.find(3003));
        assertEquals(OptionalLong.of(502817), branches.find(4004), "another customer's choice stays");
    }
}
