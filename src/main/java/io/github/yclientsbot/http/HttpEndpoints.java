package io.github.yclientsbot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yclientsbot.booking.RecordHints;
import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.http.HttpPort.Request;
import io.github.yclientsbot.http.HttpPort.Response;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The bot's HTTP port ({@code bot.http.port}), served by {@link HttpPort} on embedded Jetty (an idle timeout, a
 * bounded pool, a bounded wait for a turn and a quick 503 beyond it: slow clients cannot block {@code /health}; a
 * malformed request or query gets 400 in the JSON error shape below):
 * <ul>
 *   <li>{@code GET /health}: 200 when polling (or the console) runs and the database answers, else 503;</li>
 *   <li>{@code GET /metrics}: the bot's meter registry in the Prometheus text format (0.0.4): the bot's own
 *       {@code yclients_bot_…} meters, plus {@code up}, {@code polling_up}, {@code database_up} and {@code build_info}
 *       registered here, the JVM's and the connection pool's;</li>
 *   <li>{@code GET /api/v1/yclients/widget-url/{service_id}[?staff={staff_id}]}: the booking link of a mapped
 *       service, the same as its button in the bot; needs {@code Authorization: Bearer <bot.http.api-key>};</li>
 *   <li>{@code POST /api/v1/yclients/webhook/<yclients.webhook.secret>}: YCLIENTS's record events ({@link YclientsWebhook});
 *       any other path under it, or any when no secret is set, is an unknown path (404).</li>
 * </ul>
 */
public final class HttpEndpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoints.class);
    static final String WIDGET_URL = "/api/v1/yclients/widget-url/";
    private static final String JSON = "application/json; charset=utf-8";
    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The YCLIENTS webhook: the secret of its path, and where its events go. */
    public record Webhook(String secret, RecordHints hints) {
        @Override
        public String toString() {
            return "Webhook[secret=(masked)]";
        }
    }

    /** What /health and /metrics look at. */
    public record Health(BooleanSupplier polling, BooleanSupplier database, RuntimeStats stats, String version) {}

    private final HttpPort server;
    private final Health health;
    private final ServiceMenu menu;
    private final byte[] apiKey;
    private final ObjectMapper mapper;
    private final PrometheusMeterRegistry metrics;
    private final List<Meter> healthMeters;
    /** Null when no webhook secret is set. */
    private final YclientsWebhook webhook;

    private HttpEndpoints(HttpPort.Limits limits, String host, int port, Health health, PrometheusMeterRegistry metrics,
                          ServiceMenu menu, Optional<String> apiKey, ObjectMapper mapper, Optional<Webhook> webhook)
            throws IOException {
        this.webhook = webhook.map(w -> new YclientsWebhook(w.secret(), w.hints(), mapper)).orElse(null);
        this.health = health;
        this.metrics = metrics;
        this.menu = menu;
        this.apiKey = apiKey.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.mapper = mapper;
        this.healthMeters = registerHealth(metrics, health);
        try {
            this.server = HttpPort.start(host, port, limits, this::handle, this::error);
        } catch (IOException | RuntimeException e) {
            healthMeters.forEach(metrics::remove);
            throw e;
        }
    }

    /** Binds {@code host:port} (port 0: any free port) and starts serving; {@code /metrics} scrapes {@code metrics}. */
    public static HttpEndpoints start(String host, int port, Health health, PrometheusMeterRegistry metrics,
                                      ServiceMenu menu, Optional<String> apiKey, ObjectMapper mapper) throws IOException {
        return start(host, port, health, metrics, menu, apiKey, mapper, Optional.empty());
    }

    /** As above, with the YCLIENTS webhook when {@code webhook} is present. */
    public static HttpEndpoints start(String host, int port, Health health, PrometheusMeterRegistry metrics,
                                      ServiceMenu menu, Optional<String> apiKey, ObjectMapper mapper,
                                      Optional<Webhook> webhook) throws IOException {
        return start(host, port, HttpPort.Limits.DEFAULT, health, metrics, menu, apiKey, mapper, webhook);
    }

    static HttpEndpoints start(String host, int port, HttpPort.Limits limits, Health health, PrometheusMeterRegistry metrics,
                               ServiceMenu menu, Optional<String> apiKey, ObjectMapper mapper) throws IOException {
        return start(host, port, limits, health, metrics, menu, apiKey, mapper, Optional.empty());
    }

    static HttpEndpoints start(String host, int port, HttpPort.Limits limits, Health health, PrometheusMeterRegistry metrics,
                               ServiceMenu menu, Optional<String> apiKey, ObjectMapper mapper, Optional<Webhook> webhook)
            throws IOException {
        HttpEndpoints endpoints = new HttpEndpoints(limits, host, port, health, metrics, menu, apiKey, mapper, webhook);
        log.info("HTTP endpoints listening on {}:{} (/health, /metrics{}{})", host, endpoints.port(),
                apiKey.isPresent() ? ", " + WIDGET_URL + "{service_id}" : "; the widget-link API is closed: no bot.http.api-key",
                webhook.isPresent() ? ", the YCLIENTS webhook " + YclientsWebhook.PATH + "…" : "");
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
        return server.port();
    }

    private Response handle(Request request) {
        String path = request.path();
        try {
            if (path.startsWith(YclientsWebhook.PATH)) {
                return webhook(request);
            }
            if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                return error(405, "method_not_allowed", "only GET is supported").with("Allow", "GET, HEAD");
            } else if (path.equals("/health")) {
                return health();
            } else if (path.equals("/metrics")) {
                return Response.of(200, METRICS_CONTENT_TYPE, metrics.scrape(METRICS_CONTENT_TYPE));
            } else if (path.startsWith(WIDGET_URL)) {
                return widgetUrl(request, path.substring(WIDGET_URL.length()));
            }
            return notFound();
        } catch (RuntimeException e) {
            health.stats().error("http", e);
            log.warn("HTTP request {} {} failed: {}", request.method(),
                    path.startsWith(YclientsWebhook.PATH) ? YclientsWebhook.PATH + "…" : path, e.toString());
            return error(500, "internal_error", "the request failed; see the bot's log");
        }
    }

    private Response notFound() {
        return error(404, "not_found", "no such endpoint; try /health, /metrics or " + WIDGET_URL + "{service_id}");
    }

    /** The webhook with the right secret and POST; anything else under its path is an unknown path. */
    private Response webhook(Request request) {
        if (webhook == null) {
            return notFound();
        }
        if (!webhook.accepts(request.path())) {
            webhook.wrongSecret();
            return notFound();
        }
        if (!request.method().equals("POST")) {
            return error(405, "method_not_allowed", "only POST is supported").with("Allow", "POST");
        }
        return webhook.handle(request, new YclientsWebhook.Refusals() {
            @Override
            public Response of(int status, String code, String message) {
                return error(status, code, message);
            }

            @Override
            public Response json(int status, ObjectNode body) {
                return HttpEndpoints.this.json(status, body);
            }
        });
    }

    private Response health() {
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
        return json(ok ? 200 : 503, body);
    }

    private Response widgetUrl(Request request, String idText) {
        if (apiKey == null) {
            return error(503, "api_key_not_configured",
                    "this endpoint is closed until bot.http.api-key (BOT_HTTP_API_KEY) is set");
        }
        if (!authorized(request.header("Authorization"))) {
            return error(401, "unauthorized", "send Authorization: Bearer <bot.http.api-key>").with("WWW-Authenticate", "Bearer");
        }
        OptionalLong serviceId = Values.parsePositiveLong(idText);
        if (serviceId.isEmpty()) {
            return error(400, "bad_service_id", "the service id must be a positive number");
        }
        OptionalLong staffId = OptionalLong.empty();
        Optional<String> staffText;
        try {
            staffText = queryParameter(request.rawQuery(), "staff");
        } catch (IllegalArgumentException e) {
            return error(400, "bad_query", "the query string is malformed: " + e.getMessage());
        }
        if (staffText.isPresent()) {
            staffId = Values.parsePositiveLong(staffText.get());
            if (staffId.isEmpty()) {
                return error(400, "bad_staff_id", "staff must be a positive number");
            }
        }
        // a chain: which branch's link (its form, its company); without ?branch= only a bot of one branch answers
        Optional<String> branchText;
        try {
            branchText = queryParameter(request.rawQuery(), "branch");
        } catch (IllegalArgumentException e) {
            return error(400, "bad_query", "the query string is malformed: " + e.getMessage());
        }
        ServiceMenu menu = this.menu;
        List<Long> branches = menu.branches();
        if (branchText.isPresent()) {
            OptionalLong branch = Values.parsePositiveLong(branchText.get());
            if (branch.isEmpty()) {
                return error(400, "bad_branch_id", "branch must be a positive number (a YCLIENTS company id)");
            }
            if (!branches.contains(branch.getAsLong())) {
                return error(404, "unknown_branch", "the bot serves no branch " + branch.getAsLong());
            }
            menu = menu.forBranch(branch.getAsLong());
        } else if (branches.size() > 1) {
            return error(400, "branch_required", "the bot serves several branches: add ?branch=<company id>, one of "
                    + branches);
        }
        Optional<ServiceMenu.Unavailable> unavailable = menu.linksUnavailable();
        if (unavailable.isPresent()) {
            return error(503, "booking_unavailable", unavailable.get() == ServiceMenu.Unavailable.DISABLED
                    ? "online booking is disabled" : "YCLIENTS is not set up yet (company or booking form missing)");
        }
        Optional<ServiceMenu.ServiceLink> link = menu.link(serviceId.getAsLong(), staffId.orElse(0));
        if (link.isEmpty()) {
            return error(404, "service_not_mapped", "service " + serviceId.getAsLong() + " has no button in the bot");
        }
        ServiceMenu.ServiceLink l = link.get();
        ObjectNode body = mapper.createObjectNode()
                .put("widget_url", l.url())
                .put("service_id", l.serviceId())
                .put("service_name", l.title());
        if (l.staffId() > 0) {
            body.put("staff_id", l.staffId());
        }
        return json(200, body);
    }

    /** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, apiKey);
    }

    /**
     * The first value of {@code name} in the query, decoded; empty when it is not there.
     *
     * @throws IllegalArgumentException when a {@code %} escape is malformed (HttpPort refuses such a target already)
     */
    static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The JSON error shape of every refusal: {@code {"error": code, "message": …}}. */
    private Response error(int status, String code, String message) {
        return json(status, mapper.createObjectNode().put("error", code).put("message", message));
    }

    private Response json(int status, ObjectNode body) {
        try {
            return Response.of(status, JSON, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }

    @Override
    public void close() {
        server.close();
        healthMeters.forEach(metrics::remove);
    }
}
