package io.github.yclientsbot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.health.RuntimeStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The bot's HTTP port ({@code bot.http.port}), on the JDK's built-in server:
 * <ul>
 *   <li>{@code GET /health}: 200 when polling (or the console) runs and the database answers, else 503;</li>
 *   <li>{@code GET /metrics}: the bot's meter registry in the Prometheus text format (0.0.4): the bot's own
 *       {@code yclients_bot_…} meters, plus {@code up}, {@code polling_up}, {@code database_up} and {@code build_info}
 *       registered here, the JVM's and the connection pool's;</li>
 *   <li>{@code GET /api/v1/yclients/widget-url/{service_id}[?staff={staff_id}]}: the booking link of a mapped
 *       service, the same as its button in the bot; needs {@code Authorization: Bearer <bot.http.api-key>}.</li>
 * </ul>
 */
public final class HttpEndpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoints.class);
    static final String WIDGET_URL = "/api/v1/yclients/widget-url/";
    private static final String JSON = "application/json; charset=utf-8";
    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** What /health and /metrics look at. */
    public record Health(BooleanSupplier polling, BooleanSupplier database, RuntimeStats stats, String version) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Health health;
    private final ServiceMenu menu;
    private final byte[] apiKey;
    private final ObjectMapper mapper;
    private final PrometheusMeterRegistry metrics;
    private final List<Meter> healthMeters;

    private HttpEndpoints(HttpServer server, ExecutorService executor, Health health, PrometheusMeterRegistry metrics,
                          ServiceMenu menu, Optional<String> apiKey, ObjectMapper mapper) {
        this.server = server;
        this.executor = executor;
        this.health = health;
        this.metrics = metrics;
        this.healthMeters = registerHealth(metrics, health);
        this.menu = menu;
        this.apiKey = apiKey.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.mapper = mapper;
    }

    /** Binds {@code host:port} (port 0: any free port) and starts serving; {@code /metrics} scrapes {@code metrics}. */
    public static HttpEndpoints start(String host, int port, Health health, PrometheusMeterRegistry metrics,
                                      ServiceMenu menu, Optional<String> apiKey, ObjectMapper mapper) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        HttpEndpoints endpoints = new HttpEndpoints(server, executor, health, metrics, menu, apiKey, mapper);
        server.createContext("/", endpoints::handle);
        server.start();
        log.info("HTTP endpoints listening on {}:{} (/health, /metrics{})", host, endpoints.port(),
                apiKey.isPresent() ? ", " + WIDGET_URL + "{service_id}" : "; the widget-link API is closed: no bot.http.api-key");
        return endpoints;
    }

    /** What only the HTTP port exposes: whether the bot is up, and its version (the same names as ever). */
    private static List<Meter> registerHealth(PrometheusMeterRegistry metrics, Health health) {
        return List.of(
                Gauge.builder("yclients.bot.up", () -> health.polling().getAsBoolean() && health.database().getAsBoolean() ? 1 : 0)
                        .description("1 when Telegram polling (or the console) is running and the database answers.")
                        .strongReference(true).register(metrics),
                Gauge.builder("yclients.bot.polling.up", () -> health.polling().getAsBoolean() ? 1 : 0)
                        .description("1 when Telegram polling (or the console) is running.")
                        .strongReference(true).register(metrics),
                Gauge.builder("yclients.bot.database.up", () -> health.database().getAsBoolean() ? 1 : 0)
                        .description("1 when the database answers SELECT 1.")
                        .strongReference(true).register(metrics),
                Gauge.builder("yclients.bot.build.info", () -> 1).tag("version", health.version())
                        .description("The running version.")
                        .strongReference(true).register(metrics));
    }

    /** The bound port (useful when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                error(exchange, 405, "method_not_allowed", "only GET is supported");
            } else if (path.equals("/health")) {
                health(exchange);
            } else if (path.equals("/metrics")) {
                send(exchange, 200, METRICS_CONTENT_TYPE, metrics.scrape(METRICS_CONTENT_TYPE));
            } else if (path.startsWith(WIDGET_URL)) {
                widgetUrl(exchange, path.substring(WIDGET_URL.length()));
            } else {
                error(exchange, 404, "not_found", "no such endpoint; try /health, /metrics or " + WIDGET_URL + "{service_id}");
            }
        } catch (IOException | RuntimeException e) {
            health.stats().error("http", e);
            log.warn("HTTP request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean polling = health.polling().getAsBoolean();
        boolean database = health.database().getAsBoolean();
        boolean ok = polling && database;
        ObjectNode body = mapper.createObjectNode()
                .put("status", ok ? "ok" : "unavailable")
                .put("polling", polling)
                .put("database", database)
                .put("version", health.version())
                .put("uptime_seconds", health.stats().uptime().toSeconds())
                .put("updates_handled", health.stats().updatesHandled())
                .put("errors", health.stats().errors());
        json(exchange, ok ? 200 : 503, body);
    }

    private void widgetUrl(HttpExchange exchange, String idText) throws IOException {
        if (apiKey == null) {
            error(exchange, 503, "api_key_not_configured",
                    "this endpoint is closed until bot.http.api-key (BOT_HTTP_API_KEY) is set");
            return;
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            error(exchange, 401, "unauthorized", "send Authorization: Bearer <bot.http.api-key>");
            return;
        }
        OptionalLong serviceId = Values.parsePositiveLong(idText);
        if (serviceId.isEmpty()) {
            error(exchange, 400, "bad_service_id", "the service id must be a positive number");
            return;
        }
        OptionalLong staffId = OptionalLong.empty();
        String staffText = queryParameter(exchange.getRequestURI().getRawQuery(), "staff");
        if (staffText != null) {
            staffId = Values.parsePositiveLong(staffText);
            if (staffId.isEmpty()) {
                error(exchange, 400, "bad_staff_id", "staff must be a positive number");
                return;
            }
        }
        Optional<ServiceMenu.Unavailable> unavailable = menu.linksUnavailable();
        if (unavailable.isPresent()) {
            error(exchange, 503, "booking_unavailable", unavailable.get() == ServiceMenu.Unavailable.DISABLED
                    ? "online booking is disabled" : "YCLIENTS is not set up yet (company or booking form missing)");
            return;
        }
        Optional<ServiceMenu.ServiceLink> link = menu.link(serviceId.getAsLong(), staffId.orElse(0));
        if (link.isEmpty()) {
            error(exchange, 404, "service_not_mapped", "service " + serviceId.getAsLong() + " has no button in the bot");
            return;
        }
        ServiceMenu.ServiceLink l = link.get();
        ObjectNode body = mapper.createObjectNode()
                .put("widget_url", l.url())
                .put("service_id", l.serviceId())
                .put("service_name", l.title());
        if (l.staffId() > 0) {
            body.put("staff_id", l.staffId());
        }
        json(exchange, 200, body);
    }

    /** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, apiKey);
    }

    static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        json(exchange, status, mapper.createObjectNode().put("error", code).put("message", message));
    }

    private void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        send(exchange, status, JSON, mapper.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        healthMeters.forEach(metrics::remove);
    }
}
