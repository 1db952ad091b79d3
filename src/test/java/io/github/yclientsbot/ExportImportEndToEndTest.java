package io.github.yclientsbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moving a bot through Telegram: {@code /export} on a bot with an H2 file arrives as an uploaded file, and
 * {@code /import} of that file (fetched back from Telegram) on a fresh bot on PostgreSQL (or, without
 * {@code BOT_TEST_PG_URL}, on a fresh H2 file) restores the buttons. Bad files, refusals and the rest of the chat
 * side run on the chat harness ({@code scenario.ExportImportScenarioTest}).
 */
class ExportImportEndToEndTest {
    static final String BOT_TOKEN = "4243:e2e-export-token-abcdefghijklmnopqrs";
    static final String PARTNER = "partnerTOKEN-export-0123456789abcdef";
    static final long ADMIN = 1001;
    static final long CUSTOMER = 3003;
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Before the free days of the fixtures (December 2026). */
    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;
    FakeTelegramServer telegram;
    FakeYclientsServer yclients;
    LogCapture logs;
    BotApplication app;
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogCapture();
        telegram = new FakeTelegramServer(BOT_TOKEN);
        yclients = new FakeYclientsServer();
        yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");
        yclients.on("GET", "/api/v1/book_services/502817").respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/502817").respondWithFixture(200, "book_staff.json");
        yclients.on("GET", "/api/v1/company/502817/services").respondWithFixture(200, "company_services.json");
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        telegram.close();
        yclients.close();
        logs.close();
    }

    private BotApplication startBot(TestDatabase.Target database, String name, boolean partnerInEnvironment) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("BOT_ADMINS", Long.toString(ADMIN));
        env.put("BOT_DB_URL", database.url());
        if (database.user() != null) {
            env.put("BOT_DB_USER", database.user());
            env.put("BOT_DB_PASSWORD", database.password());
        }
        env.put("BOT_SECRET_FILE", dir.resolve(name + "/secret.key").toString());
        env.put("YCLIENTS_API_URL", yclients.url());
        if (partnerInEnvironment) {
            env.put("YCLIENTS_API_TOKEN", PARTNER);
        }
        BotConfig config = new ConfigLoader(env, dir).load(null);
        return BotApplication.start(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), new TestClock(NOW)));
    }

    private Call ask(long user, String text) {
        int before = telegram.calls("sendmessage").size();
        telegram.sendPrivateText(user, text);
        return nextMessage(user, before);
    }

    private Call sendFile(long user, String fileName, byte[] content, String caption) {
        int before = telegram.calls("sendmessage").size();
        telegram.sendPrivateDocument(user, fileName, content, caption);
        return nextMessage(user, before);
    }

    private Call nextMessage(long user, int before) {
        List<Call> sent = telegram.await(c -> c.method().equals("sendmessage"), before + 1, WAIT);
        Call reply = sent.get(sent.size() - 1);
        assertEquals(user, reply.chatId(), "reply went to the wrong chat");
        assertFalse(Messages.isMissingMarker(reply.text()), "missing message key in: " + reply.text());
        return reply;
    }

    @Test
    void exportFromH2ImportsIntoAFreshBotThroughTelegramFiles() throws Exception {
        // GIVEN a bot on an H2 file, set up in chat
        TestDatabase.Target h2 = TestDatabase.H2.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("old/bot").toAbsolutePath());
        app = startBot(h2, "old", false);
        ask(ADMIN, "/settoken partner " + PARTNER);
        assertTrue(ask(ADMIN, "/setcompany 502817").text().contains("Студия «Лён»"));
        assertTrue(ask(ADMIN, "/setservice 13700211").text().contains("Женская стрижка"));
        assertTrue(ask(ADMIN, "/setservice 13700215 staff=2290355 Стрижка у Ильи").text().contains("Стрижка у Ильи"));
        List<String> buttons = ask(CUSTOMER, "/services").buttonUrls();
        assertEquals(2, buttons.size());

        // WHEN the admin exports
        telegram.sendPrivateText(ADMIN, "/export");
        Call document = telegram.await(c -> c.method().equals("senddocument"), 1, WAIT).get(0);

        // THEN a JSON file arrives in the admin's chat, without tokens, and the caption says so
        assertEquals(ADMIN, document.chatId());
        assertTrue(document.fileName().endsWith(".json"), document.fileName());
        assertTrue(document.caption().contains("Токенов в файле нет"), document.caption());
        byte[] exported = document.file();
        assertNotNull(exported);
        String json = new String(exported, StandardCharsets.UTF_8);
        assertFalse(json.contains(PARTNER), "token in the export");
        JsonNode root = mapper.readTree(json);
        assertEquals("502817", root.path("settings").path("yclients.company.id").asText());
        assertEquals(2, root.path("service_buttons").size());

        // GIVEN a fresh bot on PostgreSQL (or a fresh H2 file), the partner token in its environment
        app.close();
        app = null;
        TestDatabase.Target fresh = TestDatabase.postgresAvailable()
                ? TestDatabase.POSTGRESQL.prepare(getClass(), null)
                : TestDatabase.H2.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("new/bot").toAbsolutePath());
        app = startBot(fresh, "new", true);
        assertTrue(ask(CUSTOMER, "/services").buttonUrls().isEmpty(), "the new bot starts empty");

        // WHEN the admin sends the file back with the caption /import
        Call imported = sendFile(ADMIN, document.fileName(), exported, "/import");

        // THEN settings and buttons are restored: the customer gets the same buttons
        assertTrue(imported.text().startsWith("✅ Загружено"), imported.text());
        assertEquals(buttons, ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(ADMIN, "/status").text().contains("Кнопок услуг: 2"));

        // no token in anything the bot sent, nor in the log
        for (Call c : telegram.calls()) {
            assertFalse(c.body().toString().contains(PARTNER) || c.body().toString().contains(BOT_TOKEN), "secret in " + c);
        }
        assertFalse(logs.text().contains(PARTNER));
        assertFalse(logs.text().contains(BOT_TOKEN));
    }
}
