package io.github.yclientsbot.http;

import io.github.yclientsbot.CoreServices;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.testing.TestClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HTTP port against clients that misbehave: silent or half-sent requests, too many at once, requests that are not
 * HTTP and queries with broken escapes — over raw sockets, since a well-behaved HTTP client cannot send them. Every
 * read of this test has its own 5 s timeout: a port that does not answer fails the test instead of hanging it.
 */
class HttpPortTest {
    private static final int CLIENT_TIMEOUT_MS = 5000;
    private static final String HALF_REQUEST = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Ag";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RuntimeStats stats = new RuntimeStats(new TestClock(Instant.parse("2026-01-10T08:00:00Z")), registry);
    private final List<Socket> clients = new ArrayList<>();
    private HttpEndpoints endpoints;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        if (endpoints != null) {
            endpoints.close();
        }
    }

    private void start(HttpPort.Limits limits) throws IOException {
        endpoints = HttpEndpoints.start("127.0.0.1", 0, limits, new HttpEndpoints.Health(() -> true, () -> true, stats, "t"),
                registry, null, Optional.of("key"), CoreServices.objectMapper());
    }

    /** A connection that sends {@code raw} and stays open. */
    private Socket slowClient(String raw) throws IOException {
        Socket s = new Socket("127.0.0.1", endpoints.port());
        clients.add(s);
        s.setSoTimeout(CLIENT_TIMEOUT_MS);
        s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    /** Sends {@code raw} and reads the whole answer (the port closes every connection after its answer). */
    private String exchange(String raw) throws IOException {
        try (Socket s = new Socket("127.0.0.1", endpoints.port())) {
            s.setSoTimeout(CLIENT_TIMEOUT_MS);
            s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return fail("no answer within " + CLIENT_TIMEOUT_MS + " ms to " + raw.lines().findFirst().orElse(""));
        }
    }

    private String get(String target) throws IOException {
        return exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer key\r\n\r\n");
    }

    @Test
    void slowAndSilentClientsDoNotKeepHealthFromAnswering() throws Exception {
        start(HttpPort.Limits.DEFAULT);
        // two connections that send nothing, two that stop half-way through their request — and one more of each
        for (int i = 0; i < 3; i++) {
            slowClient("");
            slowClient(HALF_REQUEST);
        }
        String health = get("/health");
        assertTrue(health.startsWith("HTTP/1.1 200 OK\r\n"), health);
        assertTrue(health.contains("\"status\":\"ok\""), health);
    }

    @Test
    void aRequestThatStopsHalfWayIsAnswered408AfterTheReadTimeout() throws Exception {
        start(new HttpPort.Limits(2, 2, Duration.ofMillis(150), Duration.ofSeconds(30)));
        Socket slow = slowClient(HALF_REQUEST);
        String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
        assertTrue(answer.contains("\"error\":\"request_timeout\""), answer);
    }

    @Test
    void aConnectionIsCutOffAtItsDeadlineHoweverSlowlyItSends() throws Exception {
        // each byte within the read timeout, but the whole exchange over the deadline: a drip-feeding client
        start(new HttpPort.Limits(2, 2, Duration.ofSeconds(30), Duration.ofMillis(150)));
        Socket slow = slowClient(HALF_REQUEST);
        InputStream in = slow.getInputStream();
        try {
            assertEquals(-1, in.read(), "closed without an answer");
        } catch (SocketException reset) {
            // closed: also fine
        } catch (SocketTimeoutException e) {
            fail("the connection was still open after " + CLIENT_TIMEOUT_MS + " ms");
        }
    }

    @Test
    void whenEveryWorkerIsBusyAndTheQueueFullANewConnectionGets503AtOnce() throws Exception {
        start(new HttpPort.Limits(1, 1, Duration.ofSeconds(30), Duration.ofSeconds(30)));
        slowClient(HALF_REQUEST); // the one worker waits for the rest of this request
        slowClient(HALF_REQUEST); // queued
        String busy = get("/health");
        assertTrue(busy.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), busy);
        assertTrue(busy.contains("\"error\":\"busy\""), busy);
    }

    @Test
    void aMalformedRequestOrQueryGets400InTheJsonErrorShape() throws Exception {
        start(HttpPort.Limits.DEFAULT);
        for (String target : List.of("/health?x=%zz", "/health?x=%", "/api/v1/yclients/widget-url/1?staff=%2", "/metrics?%u0041")) {
            String answer = get(target);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), target + " → " + answer);
            assertTrue(answer.contains("Content-Type: application/json; charset=utf-8\r\n"), answer);
            assertTrue(answer.contains("\"error\":\"bad_request\""), answer);
        }
        for (String raw : List.of("HELLO\r\n\r\n", "GET /health\r\n\r\n", "GET http://elsewhere/health HTTP/1.1\r\n\r\n",
                "GET /health HTTP/1.1\r\nNo colon here\r\n\r\n", "GET /health HTTP/2.0\r\n\r\n")) {
            String answer = exchange(raw);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), raw + " → " + answer);
        }
        String huge = exchange("GET /health HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(huge.startsWith("HTTP/1.1 431 "), huge);

        // a well-formed query still works, and HEAD answers without a body
        String staff = get("/api/v1/yclients/widget-url/1?staff=%31x");
        assertTrue(staff.contains("\"error\":\"bad_staff_id\""), staff);
        String head = exchange("HEAD /health HTTP/1.1\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n") && head.endsWith("\r\n\r\n"), head);
        String post = exchange("POST /health HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assertTrue(post.startsWith("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD\r\n"), post);
    }
}
