package io.github.yclientsbot.scenario;

import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.ServiceMapping;
import io.github.yclientsbot.testing.Salon;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A single-company bot from before branches moves over untouched: its database (the schema before V12, two buttons)
 * is opened by this version with the company in the environment; the buttons become the company's, customers get
 * the same buttons, and a second branch added later starts with none of them. On H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class BranchUpgradeScenarioTest {
    @Parameter
    TestDatabase db;
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
    private FakeYclientsServer yclients;
    private TestDatabase.Target target;
    private ChatHarness bot;

    @BeforeEach
    void oldDatabase() throws Exception {
        yclients = new FakeYclientsServer();
        Salon.serveCompany(yclients);
        Salon.serveBranches(yclients);
        target = db.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath());
        // the schema as the last version before branches left it (V7 is a Java migration that changes no table)
        Flyway.configure().dataSource(Database.effectiveUrl(target.url()), target.user(), target.password())
                .locations("classpath:db/migration").target("6").load().migrate();
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(Database.effectiveUrl(target.url()), target.user(), target.password());
             PreparedStatement insert = c.prepareStatement("INSERT INTO service_mapping (service_id, staff_id, title,"
                     + " custom_title, price_min, price_max, sort_order, created_at, updated_at)"
                     + " VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)")) {
            Object[][] rows = {{13700211L, 0L, "Женская стрижка", false, 1}, {13700215L, 2290355L, "Стрижка у Ильи", true, 2}};
            for (Object[] row : rows) {
                insert.setLong(1, (Long) row[0]);
                insert.setLong(2, (Long) row[1]);
                insert.setString(3, (String) row[2]);
                insert.setBoolean(4, (Boolean) row[3]);
                insert.setInt(5, (Integer) row[4]);
                insert.setObject(6, at);
                insert.setObject(7, at);
                insert.executeUpdate();
            }
        }
    }

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
        yclients.close();
    }

    @Test
    void theButtonsOfASingleCompanyBotStayItsButtons() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_ADMINS", Long.toString(Salon.ADMIN));
        env.put("BOT_DB_URL", target.url());
        if (target.user() != null) {
            env.put("BOT_DB_USER", target.user());
            env.put("BOT_DB_PASSWORD", target.password());
        }
        env.put("BOT_SECRET_FILE", dir.resolve("db/secret.key").toString());
        env.put("YCLIENTS_API_URL", yclients.url());
        env.put("YCLIENTS_API_TOKEN", Salon.PARTNER);
        env.put("YCLIENTS_COMPANY_ID", Long.toString(Salon.COMPANY));
        env.put("YCLIENTS_BOOKING_URL", Salon.FORM);
        bot = ChatHarness.open(env, dir, clock);

        List<ServiceMapping> rows = bot.database().serviceMappings().all();
        assertEquals(List.of(Salon.COMPANY, Salon.COMPANY), rows.stream().map(ServiceMapping::companyId).toList());
        assertEquals(List.of(Salon.link(Salon.FORM, 13700211, 0), Salon.link(Salon.FORM, 13700215, 2290355)),
                bot.text(Salon.CUSTOMER, "/services").message().buttonUrls());

        // a branch added later has buttons of its own (none yet); the first keeps its two
        bot.text(Salon.ADMIN, "/addbranch " + Salon.BRANCH_EKB);
        bot.restart();
        assertEquals(2, bot.database().serviceMappings().count(Salon.COMPANY));
        assertEquals(0, bot.database().serviceMappings().count(Salon.BRANCH_EKB));
        assertEquals(List.of(Salon.COMPANY, Salon.BRANCH_EKB), bot.core().settings().branchIds());
    }
}
