package io.github.yclientsbot;

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

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The YCLIENTS webhook on the running bot's HTTP port, wired as production wires it: the configured secret opens it,
 * the event is answered at once while the record is read again on the bot's own thread (here YCLIENTS holds that
 * answer back), a wrong secret is an unknown path, and the secret stays out of the log.
 */
class WebhookEndToEndTest {
    static final String SECRET = "e2e-webhook-secret-0123456789abcdef";
    static final String RECORD = "/api/v1/record/502817/784512200";

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
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", BotEndToEndTest.BOT_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("BOT_DB_URL", "jdbc:h2:mem:webhook-e2e-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        env.put("BOT_SECRET_KEY", "test-secret-key");
        env.put("YCLIENTS_API_URL", yclients.url());
        env.put("YCLIENTS_API_TOKEN", BotEndToEndTest.PARTNER);
        env.put("YCLIENTS_USER_TOKEN", "user-token-e2e-0123456789");
        env.put("YCLIENTS_COMPANY_ID", "502817");
        env.put("YCLIENTS_WEBHOOK_SECRET", SECRET);
        env.put("BOT_HTTP_PORT", Integer.toString(port));
        BotConfig config = new ConfigLoader(env, dir).load(null);
        app = BotApplication.start(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC()));
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

    private HttpResponse<String> post(String path) throws Exception {
        String event = "{\"company_id\":502817,\"resource\":\"record\",\"resource_id\":784512200,\"status\":\"update\","
                + "\"data\":{\"last_change_date\":\"2026-11-20T11:50:00+03:00\"}}";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEventIsAnsweredAtOnceAndTheRecordReadAgainOnTheBotsOwnThread() throws Exception {
        // YCLIENTS holds the record back (until the test ends): the webhook's answer must not wait for it
        yclients.on("GET", RECORD).respondWithFixture(200, "record.json").delay(Duration.ofMinutes(1));

        assertEquals(404, post("/api/v1/yclients/webhook/not-the-secret-0123456789abcdef").statusCode());
        HttpResponse<String> ok = post("/api/v1/yclients/webhook/" + SECRET);

        assertEquals(200, ok.statusCode(), ok.body());
        Awaitility.await().atMost(BotEndToEndTest.WAIT).until(() -> yclients.requests("GET", RECORD).size() == 1);
        assertFalse(logs.rawText().contains(SECRET), "the secret is never logged");
    }
}
