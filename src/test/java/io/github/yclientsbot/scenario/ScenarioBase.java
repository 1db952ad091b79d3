package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.testing.Salon;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a chat scenario needs: the salon's bot built by {@link ChatHarness} the way production builds it, on the
 * fake YCLIENTS serving company 502817, a log capture, and a clock at {@link #NOW}. The tests of a class share one
 * bot on one database (Hibernate's start is the cost), emptied before each test; a test that restarts the bot or
 * needs another configuration gets a bot of its own ({@link #ownBot}); a plain restart ({@link ChatHarness#restart()})
 * may restart the shared one. People talk to the bot through
 * {@link #ask} (a text, returns the answer) and {@link #say}/{@link #press} (returns everything the bot did).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScenarioBase {
    static final String PARTNER = Salon.PARTNER;
    static final String USER_TOKEN = Salon.USER_TOKEN;
    static final long COMPANY = Salon.COMPANY;
    static final String COMPANY_TITLE = Salon.COMPANY_TITLE;
    static final String FORM = Salon.FORM;
    static final long ADMIN = Salon.ADMIN;
    static final long SUPPORT = Salon.SUPPORT;
    static final long CUSTOMER = Salon.CUSTOMER;
    static final long GROUP = Salon.GROUP;
    /** Before the free days of the fixtures (December 2026), so they stay in the future. */
    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    /** Where this class's bots keep their databases and keys. */
    Path classDir;
    final TestClock clock = new TestClock(NOW);
    FakeYclientsServer yclients;
    LogCapture logs;
    /** The bot the current test talks to: the class's shared one, or one of its own. */
    ChatHarness bot;
    private ChatHarness shared;
    private Map<String, String> sharedEnv;
    private final List<ChatHarness> own = new ArrayList<>();
    private int ownDirs;

    @BeforeAll
    void openSharedBot(@TempDir Path classDir) throws Exception {
        this.classDir = classDir;
        yclients = new FakeYclientsServer();
        Path dir = classDir.resolve("shared");
        shared = ChatHarness.open(env(dir), dir, clock);
        sharedEnv = shared.env();
    }

    @BeforeEach
    void freshSalon() throws Exception {
        logs = new LogCapture();
        clock.set(NOW);
        yclients.reset();
        Salon.serveCompany(yclients);
        shared.reset();
        bot = shared;
    }

    @AfterEach
    void closeOwnBots() {
        own.forEach(ChatHarness::close);
        own.clear();
        logs.close();
        assertEquals(sharedEnv, shared.env(), "the shared bot was restarted with another environment: use ownBot");
    }

    @AfterAll
    void closeSharedBot() {
        if (shared != null) {
            shared.close();
        }
        if (yclients != null) {
            yclients.close();
        }
    }

    /** The environment a salon would give the bot: one admin, one support user, the fake YCLIENTS, files under {@code dir}. */
    Map<String, String> env(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_ADMINS", Long.toString(ADMIN));
        env.put("BOT_SUPPORT", Long.toString(SUPPORT));
        env.put("BOT_DB_URL", "jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath());
        env.put("BOT_SECRET_FILE", dir.resolve("db/secret.key").toString());
        env.put("YCLIENTS_API_URL", yclients.url());
        return env;
    }

    /** A directory no bot has used yet. */
    Path newDir() {
        ownDirs++;
        return classDir.resolve("own-" + ownDirs);
    }

    /** A bot of this test's own, built from {@code env} (see {@link #env}); the helpers talk to it from now on. */
    ChatHarness ownBot(Path dir, Map<String, String> env) throws Exception {
        ChatHarness harness = ChatHarness.open(env, dir, clock);
        own.add(harness);
        bot = harness;
        return harness;
    }

    /** A bot of this test's own on a new database, configured as the shared one, built with {@code options}. */
    ChatHarness ownBot(io.github.yclientsbot.BotApplication.Options options) throws Exception {
        Path dir = newDir();
        ChatHarness harness = ChatHarness.open(env(dir), dir, options);
        own.add(harness);
        bot = harness;
        return harness;
    }

    /** A bot of this test's own on a new database, configured as the shared one. */
    ChatHarness ownBot() throws Exception {
        Path dir = newDir();
        return ownBot(dir, env(dir));
    }

    /** A private message in Russian; returns the bot's last new message, which must go to that chat. */
    Outgoing ask(long user, String text) {
        return askIn(user, ChatType.PRIVATE, user, "ru", text);
    }

    /** A private message from a user whose Telegram language is {@code lang}. */
    Outgoing askInLanguage(long user, String lang, String text) {
        return askIn(user, ChatType.PRIVATE, user, lang, text);
    }

    /** A message in the salon's group; returns the bot's answer there. */
    Outgoing askInGroup(long user, String text) {
        return askIn(GROUP, ChatType.SUPERGROUP, user, "ru", text);
    }

    private Outgoing askIn(long chatId, ChatType type, long user, String lang, String text) {
        List<Outgoing> sent = bot.text(chatId, type, user, lang, text).messages();
        assertFalse(sent.isEmpty(), "no answer to " + text);
        Outgoing reply = sent.get(sent.size() - 1);
        assertEquals(chatId, reply.chatId(), "reply went to the wrong chat: " + reply);
        return reply;
    }

    /** A private message in Russian; returns everything the bot did. */
    Turn say(long user, String text) {
        return bot.text(user, text);
    }

    /** A press on a button of message {@code messageId}; returns everything the bot did. */
    Turn press(long user, int messageId, String data) {
        return bot.press(user, messageId, data);
    }

    /** A press that must edit the message in place; returns the edited message. */
    Outgoing edit(long user, int messageId, String data) {
        return press(user, messageId, data).edit();
    }

    /** The partner token and the company, the way an admin sets them up; the booking form is discovered. */
    void setUpCompany() {
        assertTrue(ask(ADMIN, "/settoken partner " + PARTNER).text().contains("part…cdef"));
        Outgoing company = ask(ADMIN, "/setcompany " + COMPANY);
        assertTrue(company.text().contains(COMPANY_TITLE) && company.text().contains(FORM), company.text());
    }

    /** One mapped service (Женская стрижка), so customers have a button. */
    void mapHaircut() {
        Outgoing added = ask(ADMIN, "/setservice 13700211");
        assertTrue(added.text().contains("Женская стрижка"), added.text());
    }

    static String link(String form, long serviceId, long staffId) {
        return Salon.link(form, serviceId, staffId);
    }

    /** No secret in anything the bot did in this test, nor in the log — as written or before redaction. */
    void assertNowhere(String secret) {
        for (Outgoing o : bot.history()) {
            assertFalse(String.valueOf(o.text()).contains(secret), "secret leaked to a chat in " + o);
            assertFalse(o.keyboard().toString().contains(secret), "secret leaked to a button in " + o);
            if (o.file() != null) {
                assertFalse(new String(o.file(), StandardCharsets.UTF_8).contains(secret), "secret in a file");
            }
        }
        assertFalse(logs.text().contains(secret), "secret in the log");
        assertFalse(logs.rawText().contains(secret), "secret logged (the redactor hid it, but it was logged)");
    }
}
