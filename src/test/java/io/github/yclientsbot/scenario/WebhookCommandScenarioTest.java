package io.github.yclientsbot.scenario;

import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's /webhook: the address to paste into YCLIENTS (private chat only, it holds the secret), /webhook register
 * through the company's webhook settings keeping another integration's address and switches, /webhook off removing
 * only ours, what is missing when it is not configured, the usage line on bad input; and /status's record lines.
 */
class WebhookCommandScenarioTest extends RecordWatchBase {
    static final String SECRET = "whsec-0123456789abcdefghijklmnop";
    static final String PUBLIC = "https://bot.example.com";
    static final String OURS = PUBLIC + "/api/v1/yclients/webhook/" + SECRET;
    static final String OTHER = "https://crm.example.org/yclients/hook";
    static final String HOOKS = "/api/v1/hooks_settings/" + COMPANY;

    @Override
    Map<String, String> env(Path dir) {
        Map<String, String> env = super.env(dir);
        env.put("YCLIENTS_WEBHOOK_SECRET", SECRET);
        env.put("YCLIENTS_WEBHOOK_PUBLIC_URL", PUBLIC + "/");
        env.put("BOT_HTTP_PORT", "18080");
        return env;
    }

    private void serveHooks(String urls, int active, int record) {
        yclients.on("GET", HOOKS).respond(200, "{\"success\":true,\"data\":{\"urls\":[" + urls + "],\"active\":" + active
                + ",\"salon\":0,\"record\":" + record + ",\"client\":1,\"finances_operation\":1},\"meta\":[]}");
        yclients.on("POST", HOOKS).respond(200, "{\"success\":true,\"data\":{},\"meta\":[]}");
    }

    @Test
    void theAddressIsShownInAPrivateChatOnly() {
        Outgoing shown = ask(ADMIN, "/webhook");
        assertTrue(shown.text().contains(OURS), shown.text());
        assertTrue(shown.text().contains("/webhook register"), shown.text());

        Outgoing inGroup = askInGroup(ADMIN, "/webhook");
        assertFalse(inGroup.text().contains(SECRET), inGroup.text());
        assertTrue(inGroup.text().contains("личном чате"), inGroup.text());
        assertFalse(ask(CUSTOMER, "/webhook").text().contains(SECRET));
        assertEquals(List.of(), yclients.requests("GET", HOOKS));
        assertFalse(logs.text().contains(SECRET), "the secret is masked in the log");
        assertFalse(logs.rawText().contains(SECRET), "and not even written to it");
    }

    @Test
    void registerAddsOursAndKeepsTheOtherAddressAndSwitchesAndASecondTimeChangesNothing() {
        serveHooks("\"" + OTHER + "\"", 1, 0);

        Outgoing done = ask(ADMIN, "/webhook register");

        assertTrue(done.text().contains("Подключено"), done.text());
        List<FakeYclientsServer.RecordedRequest> posts = yclients.requests("POST", HOOKS);
        assertEquals(1, posts.size());
        String body = posts.get(0).body();
        assertTrue(body.contains("\"urls\":[\"" + OTHER + "\",\"" + OURS.replace("/", "\\/") + "\"]")
                || body.contains("\"urls\":[\"" + OTHER + "\",\"" + OURS + "\"]"), body);
        assertTrue(body.contains("\"record\":1") && body.contains("\"active\":1") && body.contains("\"client\":1")
                && body.contains("\"finances_operation\":1") && body.contains("\"salon\":0"), body);
        assertTrue(posts.get(0).header("Authorization").contains("User " + USER_TOKEN), "with the user token");

        yclients.reset();
        serveHooks("\"" + OTHER + "\",\"" + OURS + "\"", 1, 1);
        assertTrue(ask(ADMIN, "/webhook register").text().contains("Уже подключено"));
        assertEquals(List.of(), yclients.requests("POST", HOOKS));
    }

    @Test
    void offRemovesOnlyOurs() {
        serveHooks("\"" + OURS + "\",\"" + OTHER + "\"", 1, 1);

        assertTrue(ask(ADMIN, "/webhook off").text().contains("Отключено"));

        String body = yclients.requests("POST", HOOKS).get(0).body();
        assertTrue(body.contains("\"urls\":[\"" + OTHER + "\"]"), body);
        assertTrue(body.contains("\"active\":1"), "the other address still gets its events: " + body);

        yclients.reset();
        serveHooks("\"" + OTHER + "\"", 1, 1);
        assertTrue(ask(ADMIN, "/webhook off").text().contains("не был подключён"));
        assertEquals(List.of(), yclients.requests("POST", HOOKS));
    }

    @Test
    void offWithNothingElseLeftSwitchesSendingOff() {
        serveHooks("\"" + OURS + "\"", 1, 1);
        ask(ADMIN, "/webhook off");
        String body = yclients.requests("POST", HOOKS).get(0).body();
        assertTrue(body.contains("\"urls\":[]") && body.contains("\"active\":0"), body);
    }

    @Test
    void aRefusalIsShownAndBadInputGetsTheUsage() {
        yclients.on("GET", HOOKS).respond(403, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Нет прав\"}}");
        assertTrue(ask(ADMIN, "/webhook register").text().contains("Нет прав"));
        assertTrue(ask(ADMIN, "/webhook on").text().contains("/webhook register"));
        assertTrue(ask(ADMIN, "/webhook off now").text().startsWith("Использование"));
    }

    @Test
    void withoutThePublicAddressOrTheUserTokenItSaysWhat() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.remove("YCLIENTS_WEBHOOK_PUBLIC_URL");
        env.remove("YCLIENTS_USER_TOKEN");
        ownBot(dir, env);
        Outgoing missing = ask(ADMIN, "/webhook");
        assertTrue(missing.text().contains("yclients.webhook.public-url") && !missing.text().contains("webhook.secret"),
                missing.text());

        Path dir2 = newDir();
        Map<String, String> env2 = env(dir2);
        env2.remove("YCLIENTS_USER_TOKEN");
        ownBot(dir2, env2);
        assertTrue(ask(ADMIN, "/webhook register").text().contains("пользовательский токен"));
        assertEquals(List.of(), yclients.requests("GET", HOOKS));
    }

    @Test
    void statusShowsTheLastPollAndWebhookEvent() {
        assertTrue(ask(ADMIN, "/status").text().contains("Проверка записей: ещё не запускалась"));
        serve(record(RECORD, "2026-12-01 14:00:00", false, "2026-11-20T11:50:00+03:00"));
        watching.poll().run();
        String status = ask(SUPPORT, "/status").text();
        assertTrue(status.contains("Проверка записей: ✅ последняя в 2026-11-20 09:00 UTC, изменённых записей: 1"), status);
        assertTrue(status.contains("Последнее событие вебхука YCLIENTS: не было с запуска"), status);
    }

    @Test
    void statusSaysThePollNeedsTheUserToken() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.remove("YCLIENTS_USER_TOKEN");
        ownBot(dir, env);
        watching = io.github.yclientsbot.RecordWatching.build(bot.core(), bot.layer(), outbox, reminders);
        watching.poll().run();
        assertTrue(ask(ADMIN, "/status").text().contains("нужен пользовательский токен"));
    }
}
