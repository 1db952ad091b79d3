package io.github.yclientsbot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.booking.RecordHints;
import io.github.yclientsbot.http.HttpPort.Request;
import io.github.yclientsbot.http.HttpPort.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /api/v1/yclients/webhook/<secret>}: YCLIENTS's events. The secret is compared in constant time; a wrong
 * or missing one (or no webhook configured) gets the 404 of an unknown path, so the endpoint cannot be told from
 * nothing. The body (at most {@link HttpPort#MAX_BODY_BYTES}; more gets 413) is only a hint — an event, or a list of
 * them, like {@code {"company_id": 1, "resource": "record", "resource_id": 123, "status": "update", "data": {…}}} —
 * handed to {@link RecordHints}, which reads the record again off this thread: the answer is 200 at once. A body that
 * is not JSON gets 400. Neither the secret nor the path is ever logged.
 */
final class YclientsWebhook {
    static final String PATH = "/api/v1/yclients/webhook/";

    private final byte[] secret;
    private final RecordHints hints;
    private final ObjectMapper mapper;

    YclientsWebhook(String secret, RecordHints hints, ObjectMapper mapper) {
        this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        this.hints = Objects.requireNonNull(hints, "hints");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** A request to the webhook's path with a wrong secret: counted, answered as an unknown path. */
    void wrongSecret() {
        hints.refused("wrong_secret");
    }

    /** Whether {@code path} is the webhook's path with this secret (constant time in the secret's content). */
    boolean accepts(String path) {
        if (!path.startsWith(PATH)) {
            return false;
        }
        return MessageDigest.isEqual(path.substring(PATH.length()).getBytes(StandardCharsets.UTF_8), secret);
    }

    /** The events of the body, offered; 200 with what became of them, 400 when the body is not JSON. */
    Response handle(Request request, Refusals refusals) {
        JsonNode body;
        try {
            body = mapper.readTree(request.body());
        } catch (IOException e) {
            hints.refused("bad_json");
            return refusals.of(400, "bad_json", "the body is not JSON");
        }
        if (body == null || !(body.isObject() || body.isArray())) {
            hints.refused("bad_json");
            return refusals.of(400, "bad_json", "the body is not a JSON object or list");
        }
        List<JsonNode> events = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(events::add);
        } else {
            events.add(body);
        }
        int accepted = 0;
        for (JsonNode event : events) {
            if (event.isObject() && hints.offer(hint(event)) == RecordHints.Verdict.ACCEPTED) {
                accepted++;
            }
        }
        return refusals.json(200, mapper.createObjectNode().put("ok", true).put("accepted", accepted));
    }

    private static RecordHints.Hint hint(JsonNode event) {
        JsonNode data = event.path("data");
        String changed = data.isObject() ? text(data.path("last_change_date")) : "";
        return new RecordHints.Hint(number(event.path("company_id")), text(event.path("resource")),
                number(event.path("resource_id")), text(event.path("status")), changed);
    }

    private static long number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText().strip());
        }
        return 0;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }

    /** How {@link HttpEndpoints} answers in its JSON shape. */
    interface Refusals {
        Response of(int status, String code, String message);

        Response json(int status, com.fasterxml.jackson.databind.node.ObjectNode body);
    }
}
