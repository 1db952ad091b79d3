package io.github.yclientsbot.demo;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo salon's webhook settings ({@code /webhook register} in the demo); the records list is {@link DemoRecords}.
 */
final class DemoSalonSide {
    /** The webhook settings last posted. */
    private volatile String hooks = "{\"urls\":[],\"active\":0,\"record\":0}";

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


}
