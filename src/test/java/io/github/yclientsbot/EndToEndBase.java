package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.testing.Salon;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every end-to-end test needs: a fake Telegram and a fake YCLIENTS (serving the fixture shapes
 * of company 502817), a log capture, and the real bot started on a temp-file database with a 1 s
 * long poll, on a test clock at {@link #NOW}. Users talk to it through {@link #ask} (private chat, waits for the
 * answer) and {@link #exchange} (anything, waits until the bot has handled it and returns what it did).
 */
abstract class EndToEndBase {
    static final String BOT_TOKEN = "4242:e2e-test-token-abcdefghijklmnopqrstuv";
    static final String PARTNER = Salon.PARTNER;
    static final String USER_TOKEN = Salon.USER_TOKEN;
    static final long COMPANY = Salon.COMPANY;
    static final String COMPANY_TITLE = Salon.COMPANY_TITLE;
    static final String FORM = Salon.FORM;
    static final long ADMIN = Salon.ADMIN;
    static final long SUPPORT = Salon.SUPPORT;
    static final long CUSTOMER = Salon.CUSTOMER;
    static final long GROUP = Salon.GROUP;
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Before the free days of the fixtures (December 2026), so they stay in the future. */
    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;
    FakeTelegramServer telegram;
    FakeYclientsServer yclients;
    LogCapture logs;
    BotApplication app;
    final TestClock clock = new TestClock(NOW);

    @BeforeEach
    void startFakes() throws Exception {
        logs = new LogCapture();
        telegram = new FakeTelegramServer(BOT_TOKEN);
        yclients = new FakeYclientsServer();
        Salon.serveCompany(yclients);
    }

    @AfterEach
    void stopEverything() {
        if (app != null) {
            app.close();
        }
        telegram.close();
        yclients.close();
        logs.close();
    }

    /** The environment a salon would give the bot: one admin, one support user, the fakes, a temp database. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("BOT_ADMINS", Long.toString(ADMIN));
        env.put("BOT_SUPPORT", Long.toString(SUPPORT));
        env.put("BOT_DB_URL", "jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath());
        env.put("BOT_SECRET_FILE", dir.resolve("db/secret.key").toString());
        env.put("YCLIENTS_API_URL", yclients.url());
        return env;
    }

    BotApplication startBot() throws Exception {
        return startBot(env());
    }

    BotApplication startBot(Map<String, String> env) throws Exception {
        BotConfig config = new ConfigLoader(env, dir).load(null);
        app = BotApplication.start(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), clock));
        return app;
    }

    /** Stops the bot (as a restart would) and forgets it. */
    void stopBot() {
        app.close();
        app = null;
    }

    /**
     * A private message in Russian; waits until it is handled and returns the bot's last sendMessage, which must go
     * to that chat.
     */
    Call ask(long user, String text) {
        return askIn(user, "private", user, "ru", text);
    }

    /** A private message from a user whose Telegram language is {@code lang}. */
    Call askInLanguage(long user, String lang, String text) {
        return askIn(user, "private", user, lang, text);
    }

    /** A message in the test group; waits for the bot's answer there. */
    Call askInGroup(long user, String text) {
        return askIn(GROUP, "supergroup", user, "ru", text);
    }

    private Call askIn(long chatId, String chatType, long user, String lang, String text) {
        List<Call> sent = only(exchange(() -> telegram.sendText(chatId, chatType, user, lang, text)), "sendmessage");
        assertFalse(sent.isEmpty(), "no answer to " + text);
        Call reply = sent.get(sent.size() - 1);
        assertEquals(chatId, reply.chatId(), "reply went to the wrong chat: " + reply);
        assertFalse(Messages.isMissingMarker(reply.text()), "missing message key in: " + reply.text());
        return reply;
    }

    /**
     * Does {@code send} (which puts updates in front of the bot), then waits until the bot has handled
     * them ({@link #awaitHandled}) and returns every Bot API call made in between, except staff command menus.
     * An empty list means the bot ignored them.
     */
    List<Call> exchange(Runnable send) {
        int mark = telegram.calls().size();
        send.run();
        awaitHandled();
        List<Call> all = telegram.calls();
        return all.subList(mark, all.size()).stream()
                .filter(c -> !(c.method().equals("setmycommands")))
                .toList();
    }

    /**
     * Waits until the bot has handled every update the fake Telegram offered so far, by the bot's own count: the
     * fake delivered them all and the bot asked for more since (so it took them into its queue), and its queue of
     * updates received and not yet recorded as handled is empty (so every reply went out).
     */
    void awaitHandled() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> telegram.allTakenIn() && app.stats().updateQueueDepth() == 0);
    }

    static List<Call> only(List<Call> calls, String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    static Call single(List<Call> calls, String method) {
        List<Call> matching = only(calls, method);
        assertEquals(1, matching.size(), "expected one " + method + " in " + calls);
        return matching.get(0);
    }

    /** The partner token and the company, the way an admin sets them up; the booking form is discovered. */
    void setUpCompany() {
        assertTrue(ask(ADMIN, "/settoken partner " + PARTNER).text().contains("part…cdef"));
        Call company = ask(ADMIN, "/setcompany " + COMPANY);
        assertTrue(company.text().contains(COMPANY_TITLE) && company.text().contains(FORM), company.text());
    }

    /** One mapped service (Женская стрижка), so customers have a button. */
    void mapHaircut() {
        Call added = ask(ADMIN, "/setservice 13700211");
        assertTrue(added.text().contains("Женская стрижка"), added.text());
    }

    static String link(String form, long serviceId, long staffId) {
        return Salon.link(form, serviceId, staffId);
    }

    /** No secret in any message the bot sent, nor in the log — as written or before redaction. */
    void assertNowhere(String secret) {
        for (Call c : telegram.calls()) {
            assertFalse(c.body().toString().contains(secret), "secret leaked to Telegram in " + c.method() + ": " + c.body());
        }
        assertFalse(logs.text().contains(secret), "secret in the log");
        assertFalse(logs.rawText().contains(secret), "secret logged (the redactor hid it, but it was logged)");
    }

    static Predicate<Call> sendTo(long chatId) {
        return c -> c.method().equals("sendmessage") && c.chatId() == chatId;
    }
}
