package io.github.yclientsbot;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP port against the running bot (fake Telegram and fake YCLIENTS, as in {@link BotEndToEndTest}),
 * called with a real HTTP client.
 */
class HttpEndpointsTest {
    static final String API_KEY = "site-api-key-0123456789abcdef";
    static final long ADMIN = BotEndToEndTest.ADMIN;
    static final Duration WAIT = BotEndToEndTest.WAIT;

    @TempDir
    Path dir;
    FakeTelegramServer telegram;
    FakeYclientsServer yclients;
    LogCapture logs;
    BotApplication app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int port;

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogCapture();
        telegram = new FakeTelegramServer(BotEndToEndTest.BOT_TOKEN);
        yclients = new FakeYclientsServer();
        yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");
        yclients.on("GET", "/api/v1/book_services/502817").respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/502817").respondWithFixture(200, "book_staff.json");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
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

    private BotApplication startBot(String apiKey) throws Exception {
        return startBot(apiKey, Map.of());
    }

    private BotApplication startBot(String apiKey, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", BotEndToEndTest.BOT_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("BOT_ADMINS", Long.toString(ADMIN));
        env.put("BOT_DB_URL", "jdbc:h2:mem:http-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        env.put("BOT_SECRET_KEY", "test-secret-key");
        env.put("YCLIENTS_API_URL", yclients.url());
        env.put("YCLIENTS_API_TOKEN", BotEndToEndTest.PARTNER);
        env.put("YCLIENTS_COMPANY_ID", "502817");
        env.put("BOT_HTTP_PORT", Integer.toString(port));
        if (apiKey != null) {
            env.put("BOT_HTTP_API_KEY", apiKey);
        }
        env.putAll(extra);
        BotConfig config = new ConfigLoader(env, dir).load(null);
        app = BotApplication.start(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC()));
        assertEquals(port, app.httpPort().getAsInt());
        return app;
    }

    /** Maps a service the way an admin does, through the bot's own handler. */
    private void adminSays(String text) {
        Reply reply = app.bot().handle(Incoming.text(1, ADMIN, ChatType.PRIVATE, ADMIN, "Admin", "ru", 1, text));
        assertFalse(reply.isEmpty());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return BotApplication.objectMapper().readTree(response.body());
    }

    @Test
    void healthIsOkWhilePollingAndTheDatabaseAnswerAnd503WhenPollingStops() throws Exception {
        startBot(API_KEY);
        HttpResponse<String> ok = get("/health", null);
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode body = json(ok);
        assertEquals("ok", body.path("status").asText());
        assertTrue(body.path("polling").asBoolean());
        assertTrue(body.path("database").asBoolean());

        app.telegram().close();
        HttpResponse<String> down = get("/health", null);
        assertEquals(503, down.statusCode(), down.body());
        assertFalse(json(down).path("polling").asBoolean());
        assertTrue(json(down).path("database").asBoolean());
    }

    @Test
    void healthIs503WhenTheDatabaseIsClosed() throws Exception {
        startBot(API_KEY);
        app.database().close();
        HttpResponse<String> down = get("/health", null);
        assertEquals(503, down.statusCode(), down.body());
        assertEquals("unavailable", json(down).path("status").asText());
        assertFalse(json(down).path("database").asBoolean());
        assertTrue(get("/metrics", null).body().contains("yclients_bot_database_up 0"));
    }

    @Test
    void metricsCountUpdatesRepliesYclientsCallsAndLatencyInPrometheusFormat() throws Exception {
        startBot(API_KEY);
        int before = telegram.calls("sendmessage").size();
        telegram.sendPrivateText(BotEndToEndTest.CUSTOMER, "/help");
        telegram.await(c -> c.method().equals("sendmessage"), before + 1, WAIT);
        // the update is counted once its reply went out: wait for that, not for the send
        Awaitility.await().atMost(WAIT).until(() -> app.stats().updatesHandled() >= 1 && app.stats().updateQueueDepth() == 0);

        HttpResponse<String> response = get("/metrics", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = response.body();
        assertTrue(text.contains("# TYPE yclients_bot_updates_handled_total counter"), text);
        assertTrue(text.matches("(?s).*\nyclients_bot_updates_handled_total [1-9].*"), text);
        assertTrue(text.matches("(?s).*\nyclients_bot_replies_sent_total\\{action=\"send\"} [1-9].*"), text);
        assertTrue(text.contains("yclients_bot_errors_total 0"), text);
        // the start-up check asked YCLIENTS for the company
        assertTrue(text.matches("(?s).*\nyclients_bot_yclients_calls_total\\{outcome=\"ok\"} [1-9].*"), text);
        assertTrue(text.contains("yclients_bot_yclients_calls_total{outcome=\"timeout\"} 0"), text);
        assertTrue(text.contains("# TYPE yclients_bot_update_handling_seconds histogram"), text);
        assertTrue(text.matches("(?s).*\nyclients_bot_update_handling_seconds_bucket\\{le=\"\\+Inf\"} [1-9].*"), text);
        assertTrue(text.matches("(?s).*\nyclients_bot_update_handling_seconds_count [1-9].*"), text);
        assertTrue(text.contains("yclients_bot_send_queue_depth 0"), text);
        assertTrue(text.contains("yclients_bot_update_queue_depth 0"), text);
        assertTrue(text.contains("yclients_bot_flood_limited_total 0"), text);
        assertTrue(text.contains("yclients_bot_up 1"), text);
    }

    @Test
    void widgetUrlNeedsTheApiKeyAndGivesTheBotsOwnLink() throws Exception {
        startBot(API_KEY);
        adminSays("/setservice 13700211");
        adminSays("/setservice 13700215 staff=2290355");
        String path = "/api/v1/yclients/widget-url/13700211";

        assertEquals(401, get(path, null).statusCode());
        assertEquals(401, get(path, "Bearer wrong-key").statusCode());
        assertEquals(401, get(path, "Basic " + API_KEY).statusCode());
        assertEquals("unauthorized", json(get(path, "Bearer " + API_KEY + "x")).path("error").asText());

        HttpResponse<String> ok = get(path, "Bearer " + API_KEY);
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode body = json(ok);
        assertEquals("https://n611204.yclients.com/company/502817/personal/select-time?o=m-1s13700211", body.path("widget_url").asText());
        assertEquals(13700211, body.path("service_id").asLong());
        assertEquals("Женская стрижка", body.path("service_name").asText());

        JsonNode withStaff = json(get(path + "?staff=2290341", "Bearer " + API_KEY));
        assertEquals("https://n611204.yclients.com/company/502817/personal/select-time?o=m2290341s13700211",
                withStaff.path("widget_url").asText());
        // a service mapped for one specialist only links to that specialist, as its button does
        JsonNode staffOnly = json(get("/api/v1/yclients/widget-url/13700215", "Bearer " + API_KEY));
        assertTrue(staffOnly.path("widget_url").asText().endsWith("o=m2290355s13700215"), staffOnly.toString());

        HttpResponse<String> unmapped = get("/api/v1/yclients/widget-url/13700342", "Bearer " + API_KEY);
        assertEquals(404, unmapped.statusCode());
        assertEquals("service_not_mapped", json(unmapped).path("error").asText());
        assertEquals(400, get("/api/v1/yclients/widget-url/abc", "Bearer " + API_KEY).statusCode());
        assertEquals(400, get(path + "?staff=x", "Bearer " + API_KEY).statusCode());
        assertEquals(404, get("/nothing-here", null).statusCode());
        assertFalse(logs.text().contains(API_KEY), "the api key never reaches the log");
    }

    @Test
    void aChainsWidgetUrlNamesItsBranchAndGetsThatBranchsFormAndCompany() throws Exception {
        // GIVEN two branches, each with its own button of the same service (Yekaterinburg has its own form)
        yclients.on("GET", "/api/v1/company/611205").respondWithFixture(200, "company-611205.json");
        yclients.on("GET", "/api/v1/book_services/611205").respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/611205").respondWithFixture(200, "book_staff.json");
        startBot(API_KEY, Map.of("YCLIENTS_COMPANY_IDS", "502817,611205"));
        adminSays("/setservice 13700211 branch=502817");
        adminSays("/setservice 13700211 branch=611205");
        String path = "/api/v1/yclients/widget-url/13700211";

        // THEN without ?branch= the site is told to name one
        HttpResponse<String> none = get(path, "Bearer " + API_KEY);
        assertEquals(400, none.statusCode(), none.body());
        assertEquals("branch_required", json(none).path("error").asText());
        assertTrue(json(none).path("message").asText().contains("611205"), none.body());

        // AND each branch gets its own link: its form, its company
        JsonNode ekb = json(get(path + "?branch=611205", "Bearer " + API_KEY));
        assertEquals("https://n611301.yclients.com/company/611205/personal/select-time?o=m-1s13700211",
                ekb.path("widget_url").asText(), ekb.toString());
        JsonNode moscow = json(get(path + "?branch=502817&staff=2290341", "Bearer " + API_KEY));
        assertEquals("https://n611204.yclients.com/company/502817/personal/select-time?o=m2290341s13700211",
                moscow.path("widget_url").asText(), moscow.toString());

        // AND a branch the bot does not serve is 404, a malformed one 400
        HttpResponse<String> unknown = get(path + "?branch=611206", "Bearer " + API_KEY);
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown_branch", json(unknown).path("error").asText());
        assertEquals("bad_branch_id", json(get(path + "?branch=abc", "Bearer " + API_KEY)).path("error").asText());
    }

    @Test
    void aSingleCompanysWidgetUrlTakesItsOwnIdAsBranchAndNoOther() throws Exception {
        startBot(API_KEY);
        adminSays("/setservice 13700211");
        String path = "/api/v1/yclients/widget-url/13700211";
        assertEquals(200, get(path + "?branch=502817", "Bearer " + API_KEY).statusCode());
        assertEquals(404, get(path + "?branch=611205", "Bearer " + API_KEY).statusCode());
    }

    @Test
    void withoutAnApiKeyTheWidgetEndpointIsClosedNotOpen() throws Exception {
        startBot(null);
        adminSays("/setservice 13700211");
        HttpResponse<String> closed = get("/api/v1/yclients/widget-url/13700211", "Bearer anything");
        assertEquals(503, closed.statusCode());
        assertEquals("api_key_not_configured", json(closed).path("error").asText());
        assertEquals(200, get("/health", null).statusCode(), "health stays open");
    }

    @Test
    void theHealthcheckFlagExitsZeroWhenHealthyAndOneWhenNot() throws Exception {
        startBot(API_KEY);
        BotConfig probe = new ConfigLoader(Map.of("BOT_HTTP_PORT", Integer.toString(port), "BOT_HTTP_HOST", "0.0.0.0"), dir)
                .load(null, false);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, Main.healthcheck(probe, quiet, quiet));
        app.database().close();
        assertEquals(1, Main.healthcheck(probe, quiet, quiet));
        app.close();
        app = null;
        assertEquals(1, Main.healthcheck(probe, quiet, quiet), "nothing listening");
        BotConfig off = new ConfigLoader(Map.of(), dir).load(null, false);
        assertEquals(1, Main.healthcheck(off, quiet, quiet), "the port is off");
    }
}
