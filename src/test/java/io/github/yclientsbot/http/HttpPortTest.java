package io.github.yclientsbot.http;

import io.github.yclientsbot.CoreServices;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.testing.TestClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HTTP port against clients that misbehave: silent or half-sent requests, too many at once, requests that are not
 * HTTP and queries with broken escapes — over raw sockets, since a well-behaved HTTP client cannot send them. Every
 * read of this test has its own 5 s timeout: a port that does not answer fails the test instead of hanging it. The
 * port's own timeouts are 200 ms where a test waits for one, and 30 s where a test shows something does not wait
 * for one.
 */
class HttpPortTest {
    private static final int CLIENT_TIMEOUT_MS = 5000;
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final String HALF_REQUEST = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Ag";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RuntimeStats stats = new RuntimeStats(new TestClock(Instant.parse("2026-01-10T08:00:00Z")), registry);
    private final List<Socket> clients = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();
    /** Holds every /health in the database check while closed (a stuck database); opened by {@link #stop()}. */
    private final CountDownLatch databaseAnswers = new CountDownLatch(1);
    private final CountDownLatch healthAsked = new CountDownLatch(1);
    private HttpEndpoints endpoints;

    @AfterEach
    void stop() throws IOException {
        databaseAnswers.countDown();
        background.shutdownNow();
        for (Socket s : clients) {
            s.close();
        }
        if (endpoints != null) {
            endpoints.close();
        }
    }

    private void start(HttpPort.Limits limits) throws IOException {
        start(limits, () -> true);
    }

    private void start(HttpPort.Limits limits, BooleanSupplier database) throws IOException {
        endpoints = HttpEndpoints.start("127.0.0.1", 0, limits, new HttpEndpoints.Health(() -> true, database, stats, "t"),
                registry, null, Optional.of("key"), CoreServices.objectMapper());
    }

    /** A database check that waits until the test lets it answer. */
    private boolean stuckDatabase() {
        healthAsked.countDown();
        try {
            return databaseAnswers.await(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    /** Sends {@code raw} and reads the whole answer (up to the end of the stream: send {@code Connection: close}). */
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
        return exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer key\r\nConnection: close\r\n\r\n");
    }

    private CompletableFuture<String> getInBackground(String target) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return get(target);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, background);
    }

    /** What arrives on {@code s} until the port closes it; fails when it is still open after the client timeout. */
    private static String untilClosed(Socket s) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(answer);
        } catch (SocketException reset) {
            // closed: also fine
        } catch (SocketTimeoutException e) {
            fail("the connection was still open after " + CLIENT_TIMEOUT_MS + " ms");
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slowAndSilentClientsDoNotKeepHealthFromAnswering() throws Exception {
        // one request at a time, and no timeout will rescue /health: the slow clients must not hold that one thread
        start(new HttpPort.Limits(LONG, 1, 1, LONG));
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
    void silentHalfSentAndKeptAliveClientsAreDroppedAfterTheIdleTimeout() throws Exception {
        start(new HttpPort.Limits(SHORT, 2, 2, LONG));
        Socket silent = slowClient("");
        Socket half = slowClient(HALF_REQUEST);
        Socket keptAlive = slowClient("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertEquals("", untilClosed(silent), "a silent connection is closed without an answer");
        // the hand-written port answered 408 here; Jetty closes a request cut off in its headers without an answer
        assertEquals("", untilClosed(half));
        String answered = untilClosed(keptAlive);
        assertTrue(answered.startsWith("HTTP/1.1 200 OK\r\n") && answered.endsWith("}"), "answered, then closed: " + answered);
    }

    @Test
    void whenEveryHandlerIsBusyAndTheQueueFullANewRequestGets503AtOnce() throws Exception {
        start(new HttpPort.Limits(LONG, 1, 1, LONG), this::stuckDatabase);
        CompletableFuture<String> first = getInBackground("/health");
        assertTrue(healthAsked.await(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS), "the first /health reached the database");
        // one of these two waits for the handler, the other is refused at once
        CompletableFuture<String> second = getInBackground("/health");
        CompletableFuture<String> third = getInBackground("/health");
        String busy = (String) CompletableFuture.anyOf(second, third).get(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertTrue(busy.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), busy);
        assertTrue(busy.contains("Content-Type: application/json; charset=utf-8\r\n"), busy);
        assertTrue(busy.contains("\"error\":\"busy\""), busy);
        assertFalse(first.isDone(), "the first request still waits for the database");

        databaseAnswers.countDown();
        assertTrue(first.get(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS).startsWith("HTTP/1.1 200 OK\r\n"));
        String waited = (second.get(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS).equals(busy) ? third : second)
                .get(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertTrue(waited.startsWith("HTTP/1.1 200 OK\r\n"), "the waiting one is served when its turn comes: " + waited);
    }

    @Test
    void aRequestThatWaitsLongerThanMaxWaitGets503() throws Exception {
        start(new HttpPort.Limits(LONG, 1, 4, SHORT), this::stuckDatabase);
        CompletableFuture<String> first = getInBackground("/health");
        assertTrue(healthAsked.await(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS), "the first /health reached the database");
        String waited = get("/metrics");
        assertTrue(waited.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), waited);
        assertTrue(waited.contains("\"error\":\"busy\""), waited);
        assertFalse(first.isDone(), "the first request still waits for the database");
    }

    @Test
    void aMalformedRequestOrQueryGets400InTheJsonErrorShape() throws Exception {
        start(HttpPort.Limits.DEFAULT);
        for (String target : List.of("/health?x=%zz", "/health?x=%", "/api/v1/yclients/widget-url/1?staff=%2", "/metrics?%u0041",
                "/health?x=%FF", "/hea%zzlth")) {
            String answer = get(target);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), target + " → " + answer);
            assertTrue(answer.contains("Content-Type: application/json; charset=utf-8\r\n"), answer);
            assertTrue(answer.contains("\"error\":\"bad_request\""), answer);
        }
        String host = "Host: 127.0.0.1\r\n";
        for (String raw : List.of("HELLO\r\n\r\n", "GET http://elsewhere/health HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\n" + host + "No colon here\r\n\r\n", "GET /health HTTP/1.1\r\n\r\n" /* no Host */,
                "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003 (TLS)\r\n\r\n")) {
            String answer = exchange(raw);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), raw + " → " + answer);
            assertTrue(answer.contains("\"error\":\"bad_request\""), answer);
        }
        // HTTP/0.9 and HTTP/2 request lines get Jetty's more precise 505 and 426, in the same shape
        for (String raw : List.of("GET /health\r\n\r\n", "GET /health HTTP/2.0\r\n" + host + "\r\n")) {
            String answer = exchange(raw);
            assertTrue(answer.startsWith("HTTP/1.1 505 ") || answer.startsWith("HTTP/1.1 426 "), raw + " → " + answer);
            assertTrue(answer.contains("\"error\":\"http_version_not_supported\""), answer);
        }
        String huge = exchange("GET /health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(huge.startsWith("HTTP/1.1 431 "), huge);
        assertTrue(huge.contains("\"error\":\"request_too_large\""), huge);

        // a well-formed query still works, and HEAD answers without a body
        String staff = get("/api/v1/yclients/widget-url/1?staff=%31x");
        assertTrue(staff.contains("\"error\":\"bad_staff_id\""), staff);
        String head = exchange("HEAD /health HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n") && head.endsWith("\r\n\r\n"), head);
        assertTrue(head.contains("Content-Length: " + get("/health").split("\r\n\r\n", 2)[1].length() + "\r\n"), head);
        String post = exchange("POST /health HTTP/1.1\r\n" + host + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(post.startsWith("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD\r\n"), post);
        assertTrue(post.contains("\"error\":\"method_not_allowed\""), post);
    }
}
