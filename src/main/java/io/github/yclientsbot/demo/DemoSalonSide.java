package io.github.yclientsbot.demo;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo salon as its staff sees it: {@code GET /records} (the bookings made in the demo, moved or cancelled by the
 * salon, booked elsewhere — see {@link DemoBookings}) and the webhook settings ({@code /webhook register} in the demo).
 */
final class DemoSalonSide {
    private final DemoBookings bookings;
    /** The webhook settings last posted. */
    private volatile String hooks = "{\"urls\":[],\"active\":0,\"record\":0}";

    DemoSalonSide(DemoBookings bookings) {
        this.bookings = bookings;
    }

    /** {@code GET /records/{company}} (user token): the demo's bookings, by page, changed after, with the cancelled. */
    void records(HttpExchange exchange) throws IOException {
        if (!DemoYclients.user(exchange)) {
            DemoYclients.respond(exchange, 401, DemoYclients.UNAUTHORIZED);
            return;
        }
        Map<String, String> q = query(exchange);
        Instant after = null;
        if (q.containsKey("changed_after")) {
            after = OffsetDateTime.parse(q.get("changed_after")).toInstant();
        }
        DemoYclients.respond(exchange, 200, bookings.records(after, "1".equals(q.get("with_deleted")),
                Integer.parseInt(q.getOrDefault("page", "1")), Integer.parseInt(q.getOrDefault("count", "50"))));
    }

    /** {@code GET}/{@code POST /hooks_settings/{company}} (user token): the demo keeps what was last posted. */
    void hooksSettings(HttpExchange exchange, String method) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!DemoYclients.partner(exchange) || !DemoYclients.user(exchange)) {
            DemoYclients.respond(exchange, 401, DemoYclients.UNAUTHORIZED);
        } else if (method.equals("POST")) {
            hooks = body;
            DemoYclients.respond(exchange, 200, "{\"success\":true,\"data\":" + body + ",\"meta\":[]}");
        } else {
            DemoYclients.respond(exchange, 200, "{\"success\":true,\"data\":" + hooks + ",\"meta\":[]}");
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

}
