package io.github.yclientsbot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.CoreServices;
import io.github.yclientsbot.health.JvmMeters;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.testing.TestClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@code GET /metrics} exposes under {@code yclients_bot_}: every family's name and {@code # TYPE}, every
 * series' label set, the histogram's bucket bounds, and what the values mean. Dashboards and alerts are written
 * against these names; a change here breaks them silently. Written against the hand-made exposition, kept green
 * when Micrometer took over.
 */
class MetricsExpositionTest {
    private static final String P = "yclients_bot_";
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Every family of today's exposition with its type. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry(P + "up", "gauge"),
            Map.entry(P + "polling_up", "gauge"),
            Map.entry(P + "database_up", "gauge"),
            Map.entry(P + "build_info", "gauge"),
            Map.entry(P + "uptime_seconds", "gauge"),
            Map.entry(P + "updates_handled_total", "counter"),
            Map.entry(P + "replies_sent_total", "counter"),
            Map.entry(P + "errors_total", "counter"),
            Map.entry(P + "yclients_calls_total", "counter"),
            Map.entry(P + "reminders_total", "counter"),
            Map.entry(P + "reminders_pending", "gauge"),
            Map.entry(P + "followups_total", "counter"),
            Map.entry(P + "record_polls_total", "counter"),
            Map.entry(P + "webhook_events_total", "counter"),
            Map.entry(P + "update_queue_depth", "gauge"),
            Map.entry(P + "flood_limited_total", "counter"),
            Map.entry(P + "send_queue_depth", "gauge"),
            Map.entry(P + "send_dropped_total", "counter"),
            Map.entry(P + "send_too_many_requests_total", "counter"),
            Map.entry(P + "send_pace", "gauge"),
            Map.entry(P + "update_handling_seconds", "histogram"));
    /** Families a library may add beside them without breaking anyone (Micrometer's maximum of a timer). */
    private static final Set<String> MAY_ADD = Set.of(P + "update_handling_seconds_max");
    private static final List<String> BOUNDS = List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0",
            "2.5", "5.0", "10.0", "+Inf");

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T08:00:00Z"));
    private final AtomicBoolean polling = new AtomicBoolean(true);
    private final AtomicBoolean database = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Metrics metrics = new Metrics();
    private HttpEndpoints endpoints;

    /** What the test needs from the metrics wiring, so only this changes with the implementation. */
    private static final class Metrics {
        final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        RuntimeStats stats(TestClock clock) {
            return new RuntimeStats(clock, registry);
        }

        HttpEndpoints start(RuntimeStats stats, BooleanSupplier polling, BooleanSupplier database) throws Exception {
            return HttpEndpoints.start("127.0.0.1", 0, new HttpEndpoints.Health(polling, database, stats,
                    "1.2.3-test"), registry, null, Optional.empty(), CoreServices.objectMapper());
        }
    }

    @AfterEach
    void stop() {
        if (endpoints != null) {
            endpoints.close();
        }
    }

    private record Exposition(String contentType, Map<String, String> types, Map<String, Double> samples) {
        /** Series of one family (the family name or its _bucket/_sum/_count), each as name{sorted labels}. */
        Set<String> series(String prefix) {
            return samples.keySet().stream().filter(s -> s.equals(prefix) || s.startsWith(prefix + "{"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        double value(String series) {
            Double v = samples.get(series);
            assertTrue(v != null, series + " is missing from " + samples.keySet());
            return v;
        }
    }

    private Exposition scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + endpoints.port() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        Map<String, String> types = new TreeMap<>();
        Map<String, Double> samples = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = SAMPLE.matcher(line);
                assertTrue(m.matches(), "not a sample line: " + line);
                samples.put(m.group(1) + labels(m.group(2)), Double.valueOf(m.group(3).replace("+Inf", "Infinity")));
            }
        }
        return new Exposition(response.headers().firstValue("Content-Type").orElse(""), types, samples);
    }

    private static String labels(String block) {
        if (block == null) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        Matcher m = LABEL.matcher(block);
        while (m.find()) {
            sorted.put(m.group(1), m.group(2));
        }
        return sorted.isEmpty() ? "" : sorted.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> ours(Map<String, String> types) {
        Map<String, String> out = new TreeMap<>(types);
        out.keySet().removeIf(name -> !name.startsWith(P));
        return out;
    }

    @Test
    void everyFamilyKeepsItsNameTypeAndLabelsAndEverySeriesExistsFromTheStart() throws Exception {
        RuntimeStats stats = metrics.stats(clock);
        endpoints = metrics.start(stats, polling::get, database::get);
        Exposition e = scrape();

        assertTrue(e.contentType().startsWith("text/plain; version=0.0.4"), e.contentType());
        Map<String, String> ours = ours(e.types());
        TYPES.forEach((name, type) -> assertEquals(type, ours.get(name), name + " in " + ours));
        Set<String> added = new TreeSet<>(ours.keySet());
        added.removeAll(TYPES.keySet());
        assertTrue(MAY_ADD.containsAll(added), "new families under " + P + ": " + added);

        for (String plain : List.of("up", "polling_up", "database_up", "uptime_seconds", "updates_handled_total",
                "errors_total", "update_queue_depth", "flood_limited_total", "send_queue_depth", "send_dropped_total",
                "send_too_many_requests_total", "send_pace")) {
            assertEquals(Set.of(P + plain), e.series(P + plain), plain + " has no labels");
        }
        assertEquals(Set.of(P + "build_info{version=\"1.2.3-test\"}"), e.series(P + "build_info"));
        assertEquals(Set.of("answer_callback", "delete", "edit", "send", "set_commands"),
                labelValues(e.series(P + "replies_sent_total"), "action"));
        assertEquals(Set.of("bad_response", "http", "network", "ok", "timeout"),
                labelValues(e.series(P + "yclients_calls_total"), "outcome"));
        assertEquals(Set.of("failed", "sent", "skipped"), labelValues(e.series(P + "reminders_total"), "outcome"));
        assertEquals(Set.of("failed", "sent", "skipped"), labelValues(e.series(P + "followups_total"), "outcome"));
        assertEquals(Set.of("ok", "failed", "not_set_up", "no_user_token"),
                labelValues(e.series(P + "record_polls_total"), "outcome"));
        assertEquals(Set.of("accepted", "duplicate", "ignored", "bad_json", "wrong_secret"),
                labelValues(e.series(P + "webhook_events_total"), "outcome"));
        String h = P + "update_handling_seconds";
        assertEquals(BOUNDS.stream().map(b -> h + "_bucket{le=\"" + b + "\"}").collect(Collectors.toSet()),
                e.series(h + "_bucket"));
        assertEquals(Set.of(h + "_sum"), e.series(h + "_sum"));
        assertEquals(Set.of(h + "_count"), e.series(h + "_count"));

        for (String zero : List.of("updates_handled_total", "errors_total", "flood_limited_total", "update_queue_depth",
                "send_queue_depth", "send_dropped_total", "send_too_many_requests_total", "send_pace",
                "replies_sent_total{action=\"send\"}", "yclients_calls_total{outcome=\"ok\"}",
                "update_handling_seconds_count", "update_handling_seconds_bucket{le=\"+Inf\"}",
                "reminders_total{outcome=\"sent\"}", "reminders_pending", "followups_total{outcome=\"sent\"}",
                "record_polls_total{outcome=\"ok\"}", "webhook_events_total{outcome=\"accepted\"}")) {
            assertEquals(0.0, e.value(P + zero), zero);
        }
        assertEquals(1.0, e.value(P + "up"));
        assertEquals(1.0, e.value(P + "build_info{version=\"1.2.3-test\"}"));
    }

    @Test
    void theValuesMeanWhatTheySay() throws Exception {
        RuntimeStats stats = metrics.stats(clock);
        endpoints = metrics.start(stats, polling::get, database::get);
        stats.updateHandled(Duration.ofMillis(100));   // exactly on a bound: counted in le="0.1"
        stats.updateHandled(Duration.ofMillis(500));
        stats.updateHandled(Duration.ofSeconds(3));
        stats.updateHandled();                        // counted, without a latency
        stats.replySent("send");
        stats.replySent("send");
        stats.replySent("document");                  // a kind outside the list gets its series when first seen
        stats.yclientsCall("ok");
        stats.yclientsCall("timeout");
        stats.error("update 1", "boom");
        stats.floodLimited();
        stats.updateQueueDepthFrom(() -> 4);
        stats.sendQueueDepthFrom(() -> 2);
        stats.sendDropped();
        stats.tooManyRequests();
        stats.tooManyRequests();
        stats.sendPaceFrom(() -> 7.5);
        clock.advance(Duration.ofSeconds(90));
        database.set(false);

        Exposition e = scrape();
        assertEquals(4.0, e.value(P + "updates_handled_total"));
        assertEquals(2.0, e.value(P + "replies_sent_total{action=\"send\"}"));
        assertEquals(1.0, e.value(P + "replies_sent_total{action=\"document\"}"));
        assertEquals(0.0, e.value(P + "replies_sent_total{action=\"edit\"}"));
        assertEquals(1.0, e.value(P + "yclients_calls_total{outcome=\"ok\"}"));
        assertEquals(1.0, e.value(P + "yclients_calls_total{outcome=\"timeout\"}"));
        assertEquals(1.0, e.value(P + "errors_total"));
        assertEquals(1.0, e.value(P + "flood_limited_total"));
        assertEquals(4.0, e.value(P + "update_queue_depth"));
        assertEquals(2.0, e.value(P + "send_queue_depth"));
        assertEquals(1.0, e.value(P + "send_dropped_total"));
        assertEquals(2.0, e.value(P + "send_too_many_requests_total"));
        assertEquals(7.5, e.value(P + "send_pace"));
        assertEquals(90.0, e.value(P + "uptime_seconds"));
        assertEquals(0.0, e.value(P + "up"));
        assertEquals(1.0, e.value(P + "polling_up"));
        assertEquals(0.0, e.value(P + "database_up"));

        String h = P + "update_handling_seconds";
        assertEquals(0.0, e.value(h + "_bucket{le=\"0.05\"}"));
        assertEquals(1.0, e.value(h + "_bucket{le=\"0.1\"}"), "the bound itself counts in");
        assertEquals(2.0, e.value(h + "_bucket{le=\"0.5\"}"));
        assertEquals(2.0, e.value(h + "_bucket{le=\"2.5\"}"));
        assertEquals(3.0, e.value(h + "_bucket{le=\"5.0\"}"));
        assertEquals(3.0, e.value(h + "_bucket{le=\"+Inf\"}"));
        assertEquals(3.0, e.value(h + "_count"));
        assertEquals(3.6, e.value(h + "_sum"), 1e-9);
    }

    @Test
    void theJvmAndTheConnectionPoolAreThereToo() throws Exception {
        RuntimeStats stats = metrics.stats(clock);
        JvmMeters jvm = JvmMeters.bindTo(metrics.registry);
        String url = "jdbc:h2:mem:metrics-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (jvm; Database database = Database.open(url, null, null, clock, metrics.registry)) {
            endpoints = metrics.start(stats, polling::get, database::ping);
            Exposition e = scrape();
            Map<String, String> expected = Map.of(
                    "jvm_memory_used_bytes", "gauge", "jvm_memory_max_bytes", "gauge",
                    "jvm_gc_live_data_size_bytes", "gauge", "jvm_gc_memory_allocated_bytes_total", "counter",
                    "jvm_threads_live_threads", "gauge", "jvm_threads_states_threads", "gauge",
                    "hikaricp_connections_active", "gauge", "hikaricp_connections_pending", "gauge",
                    "hikaricp_connections_acquire_seconds", "summary", "hikaricp_connections_timeout_total", "counter");
            expected.forEach((name, type) -> assertEquals(type, e.types().get(name), name));
            assertTrue(e.series("jvm_memory_used_bytes").stream().anyMatch(s -> s.contains("area=\"heap\"")),
                    e.series("jvm_memory_used_bytes").toString());
            assertEquals(Set.of("hikaricp_connections_max{pool=\"yclients-bot-db\"}"), e.series("hikaricp_connections_max"));
            // the update workers and the poller (10), and the reminders' schedule (4)
            assertEquals(14.0, e.value("hikaricp_connections_max{pool=\"yclients-bot-db\"}"));
            assertTrue(e.value("jvm_threads_live_threads") > 0);
            assertEquals(1.0, e.value(P + "database_up"));
        }
        assertTrue(scrape().series("hikaricp_connections_max").isEmpty(), "a closed pool takes its meters along");
    }

    private static Set<String> labelValues(Set<String> series, String label) {
        Pattern p = Pattern.compile(label + "=\"([^\"]*)\"");
        Set<String> out = new TreeSet<>();
        for (String s : series) {
            Matcher m = p.matcher(s);
            assertTrue(m.find(), s);
            out.add(m.group(1));
            assertEquals(1, s.chars().filter(c -> c == '=').count(), "one label only: " + s);
        }
        return out;
    }
}
