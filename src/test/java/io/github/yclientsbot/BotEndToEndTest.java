package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.testing.TestDatabase;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole bot, as a salon would run it, against a fake Telegram and a fake YCLIENTS: an admin sets
 * it up in chat, a customer gets booking links, support checks /status, and after a restart on the
 * same database the buttons are still there. No secret reaches a message or a log line.
 * Runs on an H2 file and on PostgreSQL (skipped unless {@code BOT_TEST_PG_URL} is set, as {@code .ci/run} does).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class BotEndToEndTest {
    static final String BOT_TOKEN = "4242:e2e-test-token-abcdefghijklmnopqrstuv";
    static final String PARTNER = "partnerTOKEN-e2e-0123456789abcdef";
    static final String USER_TOKEN = "userTOKEN-e2e-fedcba9876543210";
    static final long ADMIN = 1001;
    static final long SUPPORT = 2002;
    static final long CUSTOMER = 3003;
    static final Duration WAIT = Duration.ofSeconds(15);

    @Parameter
    TestDatabase db;
    @TempDir
    Path dir;
    TestDatabase.Target database;
    FakeTelegramServer telegram;
    FakeYclientsServer yclients;
    LogCapture logs;
    BotApplication app;

    @BeforeEach
    void setUp() throws Exception {
        database = db.prepare("jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath());
        logs = new LogCapture();
        telegram = new FakeTelegramServer(BOT_TOKEN);
        yclients = new FakeYclientsServer();
        yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");
        yclients.on("GET", "/api/v1/company/404404").respondWithFixture(404, "error-404-company.json");
        yclients.on("GET", "/api/v1/book_services/502817").respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/502817").respondWithFixture(200, "book_staff.json");
        yclients.on("GET", "/api/v1/company/502817/services").respondWithFixture(200, "company_services.json");
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            telegram.close();
            yclients.close();
            logs.close();
        }
    }

    private BotApplication startBot() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("BOT_ADMINS", Long.toString(ADMIN));
        env.put("BOT_SUPPORT", Long.toString(SUPPORT));
        env.put("BOT_DB_URL", database.url());
        if (database.user() != null) {
            env.put("BOT_DB_USER", database.user());
            env.put("BOT_DB_PASSWORD", database.password());
        }
        env.put("BOT_SECRET_FILE", dir.resolve("db/secret.key").toString());
        env.put("YCLIENTS_API_URL", yclients.url());
        BotConfig config = new ConfigLoader(env, dir).load(null);
        return BotApplication.start(config, new BotApplication.Options(1, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    /** Sends a private message and waits for the bot's next sendMessage to that chat. */
    private Call ask(long user, String text) {
        int before = telegram.calls("sendmessage").size();
        telegram.sendPrivateText(user, text);
        List<Call> sent = telegram.await(c -> c.method().equals("sendmessage"), before + 1, WAIT);
        Call reply = sent.get(sent.size() - 1);
        assertEquals(user, reply.chatId(), "reply went to the wrong chat");
        assertFalse(Messages.isMissingMarker(reply.text()), "missing message key in: " + reply.text());
        return reply;
    }

    @Test
    void adminSetsUpCustomerBooksSupportChecksAndItSurvivesARestart() throws Exception {
        app = startBot();

        // the default command menu is registered at start, in both languages
        telegram.await(c -> c.method().equalsIgnoreCase("setmycommands"), 3, WAIT);

        // before setup, a customer is told booking is unavailable — no broken links
        Call early = ask(CUSTOMER, "/services");
        assertTrue(early.text().contains("Онлайн-запись сейчас недоступна"), early.text());
        assertTrue(early.buttonUrls().isEmpty());

        // admin: partner token (the message is deleted, the reply shows it masked)
        int tokenMessage = telegram.sendPrivateText(ADMIN, "/settoken partner " + PARTNER);
        Call saved = telegram.await(c -> c.method().equals("sendmessage") && c.chatId() == ADMIN, 1, WAIT).get(0);
        assertTrue(saved.text().contains("part…cdef"), saved.text());
        assertTrue(saved.text().contains("/setcompany"), "token check waits for the company: " + saved.text());
        List<Call> deletes = telegram.await(c -> c.method().equals("deletemessage"), 1, WAIT);
        assertEquals(tokenMessage, deletes.get(0).body().path("message_id").asInt());
        // the admin's private chat got a menu with the admin commands
        telegram.await(c -> c.method().equals("setmycommands") && c.body().path("scope").path("chat_id").asLong() == ADMIN, 1, WAIT);

        // admin: unknown company is refused, the real one is saved with its booking form
        Call unknown = ask(ADMIN, "/setcompany 404404");
        assertTrue(unknown.text().contains("Филиал не найден"), unknown.text());
        Call company = ask(ADMIN, "/setcompany 502817");
        assertTrue(company.text().contains("Студия «Лён»"), company.text());
        assertTrue(company.text().contains("https://n611204.yclients.com"), company.text());

        // admin: user token, checked live
        Call user = ask(ADMIN, "/settoken user " + USER_TOKEN);
        assertTrue(user.text().contains("✅"), user.text());

        // admin: map two services, one with a specialist; an unknown id is refused
        assertTrue(ask(ADMIN, "/setservice 13700211").text().contains("Женская стрижка"));
        Call withStaff = ask(ADMIN, "/setservice 13700215 staff=2290355");
        assertTrue(withStaff.text().contains("Илья Орлов"), withStaff.text());
        Call missing = ask(ADMIN, "/setservice 99999999");
        assertTrue(missing.text().contains("99999999") && missing.text().contains("Ничего не сохранено"), missing.text());
        Call usage = ask(ADMIN, "/setservice abc");
        assertTrue(usage.text().startsWith("Использование: /setservice"), usage.text());

        // a customer cannot run admin commands, and nothing changes
        Call refused = ask(CUSTOMER, "/setcompany 1");
        assertTrue(refused.text().contains("только для администраторов"), refused.text());

        // the customer's list: one URL button per service, deep-linked to service and specialist
        Call list = ask(CUSTOMER, "/services");
        assertEquals(List.of(
                "https://n611204.yclients.com/company/502817/personal/select-time?o=m-1s13700211",
                "https://n611204.yclients.com/company/502817/personal/select-time?o=m2290355s13700215"), list.buttonUrls());
        assertTrue(list.buttonTexts().get(0).contains("2\u00A0500–4\u00A0000\u00A0₽"), list.buttonTexts().toString());

        // support: /status reports configuration, live check and counts, tokens masked
        Call status = ask(SUPPORT, "/status");
        String s = status.text();
        assertTrue(s.contains("502817") && s.contains("Студия «Лён»"), s);
        assertTrue(s.contains("part…cdef") && s.contains("user…3210"), s);
        assertTrue(s.contains("✅ отвечает"), s);
        assertTrue(s.contains("Кнопок услуг: 2"), s);
        assertTrue(s.contains("База данных: ✅"), s);

        // YCLIENTS got the documented headers
        var req = yclients.requests("GET", "/api/v1/company/502817/services").get(0);
        assertEquals("application/vnd.yclients.v2+json", req.header("Accept"));
        assertEquals("Bearer " + PARTNER + ", User " + USER_TOKEN, req.header("Authorization"));

        // restart on the same database: the mappings and the tokens are still there
        app.close();
        app = startBot();
        Call after = ask(CUSTOMER, "/services");
        assertEquals(list.buttonUrls(), after.buttonUrls());

        // no secret in anything the bot sent, nor in the log
        for (Call c : telegram.calls()) {
            String body = c.body().toString();
            assertFalse(body.contains(PARTNER) || body.contains(USER_TOKEN) || body.contains(BOT_TOKEN), "secret leaked in " + c);
        }
        String log = logs.text();
        assertFalse(log.isEmpty());
        assertFalse(log.contains(PARTNER), "partner token in the log");
        assertFalse(log.contains(USER_TOKEN), "user token in the log");
        assertFalse(log.contains(BOT_TOKEN), "bot token in the log");
        assertTrue(log.contains("Refused /setcompany from user " + CUSTOMER), "refusal is logged with the user id");
    }
}
