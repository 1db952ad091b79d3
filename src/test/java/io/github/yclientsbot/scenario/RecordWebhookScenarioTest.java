package io.github.yclientsbot.scenario;

import io.github.yclientsbot.http.HttpEndpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YCLIENTS webhooks on the HTTP port, with the record poll as well: the secret in the path is checked (a wrong or
 * missing one is an unknown path, 404), the body is only a hint (the record is read again from the API), a repeated
 * event is ignored, an unknown record changes nothing, an oversized body gets 413, a change the poll and a webhook both
 * report is told once, and the secret never reaches the log.
 */
class RecordWebhookScenarioTest extends RecordWatchBase {
    static final String SECRET = "whsec-0123456789abcdefghijklmnop";
    static final String RECORD_PATH = "/api/v1/record/" + COMPANY + "/" + RECORD;

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpEndpoints http;

    @Override
    Map<String, String> env(Path dir) {
        Map<String, String> env = super.env(dir);
        env.put("YCLIENTS_WEBHOOK_SECRET", SECRET);
        return env;
    }

    @AfterEach
    void closeHttp() {
        if (http != null) {
            http.close();
            http = null;
        }
    }

    private void listen() throws Exception {
        http = HttpEndpoints.start("127.0.0.1", 0, new HttpEndpoints.Health(() -> true, () -> true, bot.core().stats(),
                        "test"), bot.core().metrics(), bot.layer().menu(), Optional.empty(), bot.core().mapper(),
                Optional.of(new HttpEndpoints.Webhook(SECRET, watching.hints())));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String event(long recordId, String status, String lastChange) {
        return "{\"company_id\":" + COMPANY + ",\"resource\":\"record\",\"resource_id\":" + recordId + ",\"status\":\""
                + status + "\",\"data\":{\"id\":" + recordId + ",\"datetime\":\"2030-01-01 00:00:00\",\"last_change_date\":\""
                + lastChange + "\"}}";
    }

    private void serveRecord(String datetime, boolean deleted) {
        yclients.on("GET", RECORD_PATH).respond(200, "{\"success\":true,\"data\":"
                + record(RECORD, datetime, deleted, "2026-11-20T11:50:00+03:00") + ",\"meta\":[]}");
    }

    /** The value of {@code yclients_bot_webhook_events_total{outcome}} on {@code GET /metrics}. */
    private double events(String outcome) throws Exception {
        String line = "yclients_bot_webhook_events_total{outcome=\"" + outcome + "\"} ";
        return get("/metrics").body().lines().filter(l -> l.startsWith(line)).mapToDouble(l -> Double.parseDouble(
                l.substring(line.length()).strip())).findFirst().orElseThrow(() -> new AssertionError("no " + line));
    }

    @Test
    void aWrongOrMissingSecretIsAnUnknownPath() throws Exception {
        listen();
        double wrong = events("wrong_secret");
        HttpResponse<String> unknown = get("/nothing-here");
        for (String path : List.of("/api/v1/yclients/webhook/wrong-0123456789abcdefghijklmno",
                "/api/v1/yclients/webhook/", "/api/v1/yclients/webhook/" + SECRET + "x")) {
            HttpResponse<String> r = post(path, event(RECORD, "update", "2026-11-20T11:50:00+03:00"));
            assertEquals(404, r.statusCode(), path);
            assertEquals(unknown.body(), r.body(), "the same answer as any unknown path");
        }
        assertEquals(List.of(), yclients.requests("GET", RECORD_PATH));
        assertEquals(null, bot.layer().watchStatus().lastWebhookEvent());
        assertEquals(wrong + 3, events("wrong_secret"), "counted on /metrics");
    }

    @Test
    void aSalonSideMoveByWebhookIsReadAgainAndToldOnceARepeatedEventIsIgnored() throws Exception {
        listen();
        bookedInChat("2026-12-01T11:30:00+03:00");
        serveRecord("2026-12-01T16:00:00+03:00", false);
        double accepted = events("accepted");
        double duplicate = events("duplicate");

        HttpResponse<String> first = post("/api/v1/yclients/webhook/" + SECRET,
                event(RECORD, "update", "2026-11-20T11:50:00+03:00"));
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(1, yclients.requests("GET", RECORD_PATH).size(), "the record is read again, the body only a hint");
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).text().contains("16:00"), "the time read from YCLIENTS, not the body's: " + sent.get(0));
        assertEquals("2026-12-01T16:00:00+03:00", kept().startsAt());
        assertNotNull(bot.layer().watchStatus().lastWebhookEvent());

        assertEquals(200, post("/api/v1/yclients/webhook/" + SECRET,
                event(RECORD, "update", "2026-11-20T11:50:00+03:00")).statusCode());
        assertEquals(1, yclients.requests("GET", RECORD_PATH).size(), "a repeated event is not read again");
        assertEquals(accepted + 1, events("accepted"));
        assertEquals(duplicate + 1, events("duplicate"));

        // the poll reports the same change: told once
        serve(record(RECORD, "2026-12-01T16:00:00+03:00", false, "2026-11-20T11:50:00+03:00"));
        watching.poll().run();
        assertEquals(1, sent.size());
        assertEquals(1, plans.size());
        assertNowhere(SECRET);
    }

    @Test
    void aDeletedRecordAnnouncedByWebhookIsToldOnceAndAnUnknownOneChangesNothing() throws Exception {
        listen();
        bookedInChat("2026-12-01T11:30:00+03:00");
        yclients.on("GET", RECORD_PATH).respondWithFixture(404, "error-404-record.json");
        yclients.on("GET", "/api/v1/record/" + COMPANY + "/555").respondWithFixture(404, "error-404-record.json");

        assertEquals(200, post("/api/v1/yclients/webhook/" + SECRET, event(555, "delete", "")).statusCode());
        assertEquals(List.of(), sent, "a record the bot does not know");

        assertEquals(200, post("/api/v1/yclients/webhook/" + SECRET,
                "[" + event(RECORD, "delete", "2026-11-20T12:00:00+03:00") + "]").statusCode());
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).text().contains("Салон отменил"), sent.get(0).text());
        assertEquals(List.of("drop " + COMPANY + "/" + RECORD), plans);
    }

    @Test
    void anOversizedBodyIsRefusedAndOtherEventsAreIgnored() throws Exception {
        listen();
        String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        double badJson = events("bad_json");
        double ignored = events("ignored");
        assertEquals(413, post("/api/v1/yclients/webhook/" + SECRET, big).statusCode());
        assertEquals(400, post("/api/v1/yclients/webhook/" + SECRET, "not json").statusCode());
        HttpResponse<String> client = post("/api/v1/yclients/webhook/" + SECRET,
                "{\"company_id\":" + COMPANY + ",\"resource\":\"client\",\"resource_id\":5,\"status\":\"update\"}");
        assertEquals(200, client.statusCode());
        assertTrue(client.body().contains("\"accepted\":0"), client.body());
        HttpResponse<String> other = post("/api/v1/yclients/webhook/" + SECRET,
                event(RECORD, "update", "x").replace("\"company_id\":" + COMPANY, "\"company_id\":1"));
        assertTrue(other.body().contains("\"accepted\":0"), "another company's: " + other.body());
        assertEquals(List.of(), yclients.requests("GET", RECORD_PATH));
        assertEquals(null, bot.layer().watchStatus().lastWebhookEvent());
        assertEquals(badJson + 1, events("bad_json"), "\"not json\" (the body over the limit gets 413 from the port, before the webhook)");
        assertEquals(ignored + 2, events("ignored"));
    }

    @Test
    void withoutASecretThereIsNoWebhook() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.remove("YCLIENTS_WEBHOOK_SECRET");
        ownBot(dir, env);
        watching = io.github.yclientsbot.RecordWatching.build(bot.core(), bot.layer(), outbox, reminders);
        http = HttpEndpoints.start("127.0.0.1", 0, new HttpEndpoints.Health(() -> true, () -> true, bot.core().stats(),
                "test"), bot.core().metrics(), bot.layer().menu(), Optional.empty(), bot.core().mapper());
        assertEquals(404, post("/api/v1/yclients/webhook/" + SECRET, event(RECORD, "update", "")).statusCode());
    }
}
