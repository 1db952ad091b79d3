package io.github.yclientsbot;

import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bot keeps working through Telegram's faults and a handler that throws; it stops on 409 Conflict. */
class TelegramFaultsEndToEndTest {
    static final String BOT_TOKEN = "4343:faults-test-token-abcdefghijklmnopqrs";
    static final long USER = 5005;
    static final Duration WAIT = Duration.ofSeconds(20);
    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));

    @TempDir
    Path dir;
    FakeTelegramServer telegram;
    FakeYclientsServer yclients;
    LogCapture logs;
    BotApplication app;

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogCapture();
        telegram = new FakeTelegramServer(BOT_TOKEN);
        yclients = new FakeYclientsServer();
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

    private BotApplication start(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("BOT_ADMINS", Long.toString(USER));
        env.put("BOT_DB_URL", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        env.put("BOT_SECRET_FILE", dir.resolve("secret.key").toString());
        env.put("YCLIENTS_API_URL", yclients.url());
        return BotApplication.start(new ConfigLoader(env, dir).load(null),
                BotApplication.Options.unpaced(1, Duration.ofMinutes(5), clock));
    }

    private int sentTo(long chat) {
        return (int) telegram.calls("sendmessage").stream().filter(c -> c.chatId() == chat).count();
    }

    @Test
    void getUpdatesFailingForAWhileThenTheBotResumesAndLogsTheOutageOnce() throws Exception {
        app = start(Map.of());
        telegram.sendPrivateText(USER, "/whoami");
        telegram.await(c -> c.method().equals("sendmessage"), 1, WAIT);
        // two failures in a row: the library backs off 0.5 s, then 1 s (real time: its back-off is not injectable)
        for (int i = 0; i < 2; i++) {
            telegram.failNext("getupdates", 502, "Bad Gateway");
        }
        // polling does not wait for replies, so a long poll may already be open: send once the outage began
        awaitFailedCalls(1);
        telegram.sendPrivateText(USER, "/help");
        telegram.await(c -> c.method().equals("sendmessage") && c.text().contains("/services"), 1, WAIT);
        // the poll in flight may have carried /help before the failures began: wait for the recovery itself
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> logs.text().contains("getUpdates works again"));
        telegram.sendPrivateText(USER, "/whoami");
        telegram.await(c -> c.method().equals("sendmessage") && c.text().contains(Long.toString(USER)), 2, WAIT);
        String log = logs.text();
        assertEquals(1, count(log, "getUpdates is failing"), log);
        assertTrue(log.contains("and 2 failed attempts"), "one report for the whole outage: " + log);
    }

    @Test
    void aHandlerThatThrowsGetsAnApologyAndTheNextUpdateIsStillAnswered() throws Exception {
        app = start(Map.of("YCLIENTS_COMPANY_ID", "502817", "YCLIENTS_BOOKING_URL", "https://n611204.yclients.com"));
        // pull a table from under the running bot: /services then fails with a RuntimeException deep in Hibernate
        String url = io.github.yclientsbot.storage.Database.effectiveUrl("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("DROP TABLE service_mapping");
        }
        telegram.sendPrivateText(USER, "/services");
        var apology = telegram.await(c -> c.method().equals("sendmessage") && c.text().contains("что-то пошло не так"), 1, WAIT);
        assertEquals(USER, apology.get(0).chatId());
        int before = sentTo(USER);
        telegram.sendPrivateText(USER, "/whoami");
        telegram.await(c -> c.method().equals("sendmessage") && c.text().contains(Long.toString(USER)), 1, WAIT);
        assertTrue(sentTo(USER) > before);
        assertTrue(app.isPolling(), "polling is still alive");
        assertTrue(logs.text().contains("Failed to handle update"), "the failure is logged with the update id");
    }

    @Test
    void conflictStopsTheBotWithAClearMessage() throws Exception {
        app = start(Map.of());
        telegram.failNext("getupdates", 409, "Conflict: terminated by other getUpdates request");
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                app.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(3, app.exitCode());
        assertTrue(logs.text().contains("another process is polling with this bot token"), logs.text());
    }

    @Test
    void tooManyRequestsIsWaitedOutAndTheMessageDeliveredOnce() throws Exception {
        app = start(Map.of());
        telegram.failNext("sendmessage", 429, "Too Many Requests: retry after 1", "{\"retry_after\":1}");
        telegram.sendPrivateText(USER, "/whoami");
        telegram.await(c -> c.method().equals("sendmessage") && c.text().contains(Long.toString(USER)), 2, WAIT);
        assertEquals(1, telegram.failedCalls().size(), "the first try got the 429");
        // two tries reached the server; the second one delivered it — once
        assertEquals(2, telegram.calls("sendmessage").stream().filter(c -> c.text().contains(Long.toString(USER))).count());
        assertTrue(logs.text().contains("Telegram asks to wait 1 s"), logs.text());
    }

    @Test
    void aStormOfTooManyRequestsForSeveralChatsDropsNothingAndKeepsEachChatsOrder() throws Exception {
        app = start(Map.of());
        List<Long> chats = List.of(101L, 102L, 103L, 104L);
        for (long chat : chats) {
            // more refusals in a row than the four tries a message used to get
            telegram.failSendsTo(chat, 6, 429, "Too Many Requests: retry after 1", "{\"retry_after\":1}");
        }
        for (long chat : chats) {
            telegram.sendPrivateText(chat, "/whoami");
            telegram.sendPrivateText(chat, "/help");
        }
        awaitHandled();
        for (long chat : chats) {
            List<String> delivered = telegram.answered("sendmessage").stream().filter(c -> c.chatId() == chat)
                    .map(FakeTelegramServer.Call::text).toList();
            assertEquals(2, delivered.size(), "each reply exactly once in chat " + chat + ": " + delivered);
            assertTrue(delivered.get(0).startsWith("Ваш Telegram id: " + chat), "/whoami's answer first: " + delivered);
            assertTrue(delivered.get(1).startsWith("Я помогаю"), "then /help's: " + delivered);
        }
        assertEquals(0, app.stats().sendDroppedCount());
        assertTrue(logs.text().contains("the bot is over its limit. Every send pauses 1 s"), logs.text());
    }

    @Test
    void aMessageTelegramRefusesPastTheMaxAgeIsDroppedWithOneWarningAndShownInStatus() throws Exception {
        app = start(Map.of("TELEGRAM_SEND_MAX_AGE_SECONDS", "10"));
        long customer = 6006;
        telegram.failSendsTo(customer, Integer.MAX_VALUE, 429, "Too Many Requests: retry after 4", "{\"retry_after\":4}");
        telegram.sendPrivateText(customer, "/whoami");
        awaitHandled();
        assertEquals(1, app.stats().sendDroppedCount());
        assertEquals(1, count(logs.text(), "WARN  ReplySender - Dropped: could not send a message in chat 6006"), logs.text());
        telegram.sendPrivateText(USER, "/status");
        var status = telegram.await(c -> c.method().equals("sendmessage") && c.chatId() == USER, 1, WAIT).get(0);
        assertTrue(status.text().contains("⚠️ Сообщений не доставлено (Telegram не принял их за 10 с): 1"), status.text());
    }

    private void awaitHandled() {
        org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> telegram.allTakenIn() && app.stats().updateQueueDepth() == 0);
    }

    @Test
    void aBlockedUserIsNotWrittenToUntilTheyWriteAgainAndAMigratedGroupGetsItsMessage() throws Exception {
        app = start(Map.of());
        telegram.failNext("sendmessage", 403, "Forbidden: bot was blocked by the user");
        telegram.sendPrivateText(USER, "/whoami");
        telegram.await(c -> c.method().equals("sendmessage"), 1, WAIT);
        assertEquals(0, app.stats().errors(), "a blocked user is not an error");
        // they unblock and write again: answered
        telegram.sendPrivateText(USER, "/help");
        telegram.await(c -> c.method().equals("sendmessage") && c.text().contains("/services"), 1, WAIT);

        long group = -4242L;
        long supergroup = -1004242L;
        telegram.failNext("sendmessage", 400, "Bad Request: group chat was upgraded to a supergroup chat",
                "{\"migrate_to_chat_id\":" + supergroup + "}");
        telegram.sendText(group, "group", USER, "ru", "/whoami@" + FakeTelegramServer.BOT_USERNAME);
        telegram.await(c -> c.method().equals("sendmessage") && c.chatId() == supergroup, 1, WAIT);
    }

    private void awaitFailedCalls(int n) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> telegram.failedCalls().size() >= n);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
