package io.github.yclientsbot.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.UrlEncoded;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The socket side of the bot's HTTP port, on embedded Jetty (its core {@code Handler} API, no servlets): it turns a
 * request into a {@link Request} for {@link HttpEndpoints} and writes its {@link Response} back. What Jetty brings
 * that matters here: non-blocking I/O, so a silent or half-sent request holds a socket but no thread, and an idle
 * timeout drops it; a bounded thread pool; a {@link QoSHandler} that lets a few requests run at once, parks a bounded
 * number more (without a thread) for a short while and refuses the rest with {@code 503} at once. So two slow or
 * silent clients — a stuck load-balancer probe, a port scanner — cannot keep {@code /health} from answering. A
 * request that is not HTTP gets {@code 400} (a head over {@value #MAX_HEAD_BYTES} bytes {@code 431}), in the JSON
 * error shape of {@link Refusal}; so does a query with a broken {@code %} escape.
 */
final class HttpPort implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpPort.class);
    /** The request line and headers together; a longer head gets 431. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** The longest request body read (a YCLIENTS webhook event is a few KiB); a longer one gets 413. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Pool threads beside the request handlers: Jetty's selector, and reading new requests (and refusing them). */
    private static final int SPARE_THREADS = 4;
    /** Connections the kernel holds until Jetty accepts them (the listen backlog, as before). */
    private static final int BACKLOG = 50;

    /**
     * @param idleTimeout the longest a connection may stay silent: before its request is complete, while its answer is
     *                    being written, and between two requests on a kept-alive connection
     * @param requests    requests handled at once (each on a thread of its own)
     * @param waiting     requests that wait, without a thread, for one of those; beyond that a request gets 503 at once
     * @param maxWait     the longest a request waits for its turn before it gets 503
     */
    record Limits(Duration idleTimeout, int requests, int waiting, Duration maxWait) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), 8, 64, Duration.ofSeconds(5));

        Limits {
            if (!positive(idleTimeout) || requests < 1 || waiting < 0 || !positive(maxWait)) {
                throw new IllegalArgumentException("HTTP port limits must be positive: " + idleTimeout + ", " + requests
                        + ", " + waiting + ", " + maxWait);
            }
        }

        private static boolean positive(Duration d) {
            return !d.isNegative() && !d.isZero();
        }

        /** The thread pool's size: the request handlers and {@link #SPARE_THREADS}. */
        int threads() {
            return requests + SPARE_THREADS;
        }
    }

    /**
     * A request: {@code path} decoded, {@code rawQuery} as sent (null when none), header names in lower case, the body
     * of a POST (empty otherwise).
     */
    record Request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
        Request(String method, String path, String rawQuery, Map<String, String> headers) {
            this(method, path, rawQuery, headers, new byte[0]);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer; {@code headers} are extra ones (Allow, WWW-Authenticate). */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response of(int status, String contentType, String body) {
            return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        Response with(String header, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(header, value);
            return new Response(status, contentType, body, all);
        }
    }

    interface Handler {
        Response handle(Request request) throws IOException;
    }

    /** The answer when the request cannot be read or served: its status and a short JSON body. */
    interface Refusal {
        Response of(int status, String code, String message);
    }

    private final Server server;
    private final ServerConnector connector;

    private HttpPort(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Binds {@code host:port} (0: any free port) and starts serving. */
    static HttpPort start(String host, int port, Limits limits, Handler handler, Refusal refusal) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), Math.min(2, limits.threads()));
        threads.setName("http");
        threads.setDaemon(true);
        threads.setReservedThreads(0); // a thread kept spinning for latency buys nothing at a probe's rate
        Server server = new Server(threads, new ScheduledExecutorScheduler("http-timer", true), null);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEAD_BYTES);
        // 0 acceptors: the selector accepts as well, so the pool keeps one more thread for requests
        ServerConnector connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(BACKLOG);
        server.addConnector(connector);

        AtomicBoolean busyLogged = new AtomicBoolean();
        Turns turns = new Turns(limits, busyLogged);
        turns.setHandler(new Adapter(handler, refusal, busyLogged));
        server.setHandler(turns);
        server.setErrorHandler(new JsonErrors(refusal));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            // Jetty says "Failed to bind to /127.0.0.1:8080"; its cause says why ("Address already in use")
            throw e.getCause() == null || e.getCause().getMessage() == null ? e
                    : new IOException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage(), e);
        }
        return new HttpPort(server, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Turns the Jetty request into ours, and our answer into Jetty's response. */
    private static final class Adapter extends org.eclipse.jetty.server.Handler.Abstract {
        private final Handler handler;
        private final Refusal refusal;
        private final AtomicBoolean busyLogged;

        Adapter(Handler handler, Refusal refusal, AtomicBoolean busyLogged) {
            super(InvocationType.BLOCKING); // /health asks the database: never on Jetty's selector thread
            this.handler = handler;
            this.refusal = refusal;
            this.busyLogged = busyLogged;
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              Callback callback) throws IOException {
            String rawQuery = request.getHttpURI().getQuery();
            Response answer;
            if (!wellFormed(rawQuery)) {
                answer = refusal.of(400, "bad_request", "the query string is malformed (check its % escapes)");
            } else {
                Map<String, String> headers = new LinkedHashMap<>();
                for (HttpField field : request.getHeaders()) {
                    headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
                }
                byte[] body = "POST".equals(request.getMethod()) ? body(request) : new byte[0];
                answer = body == null ? refusal.of(413, "request_too_large", "the body is larger than " + MAX_BODY_BYTES
                        + " bytes") : handler.handle(new Request(request.getMethod(), request.getHttpURI().getDecodedPath(),
                        rawQuery, Map.copyOf(headers), body));
                busyLogged.set(false);
            }
            send(response, answer, callback);
            return true;
        }
    }

    /** The body, at most {@link #MAX_BODY_BYTES} (blocking: handlers run on pool threads); null when longer. */
    private static byte[] body(org.eclipse.jetty.server.Request request) throws IOException {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] read = in.readNBytes(MAX_BODY_BYTES + 1);
            return read.length > MAX_BODY_BYTES ? null : read;
        }
    }

    /** Whether every {@code %} escape of the query is two hex digits of UTF-8 (Jetty checks the path, not the query). */
    static boolean wellFormed(String rawQuery) {
        if (rawQuery == null) {
            return true;
        }
        try {
            UrlEncoded.decodeUtf8To(rawQuery, new org.eclipse.jetty.util.Fields(true));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Our answers, and Jetty's refusals in our shape: the same headers either way. */
    private static void send(org.eclipse.jetty.server.Response response, Response answer, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        answer.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /**
     * At most {@link Limits#requests()} requests at once; up to {@link Limits#waiting()} more wait their turn (no
     * thread held) for {@link Limits#maxWait()}; the rest get 503 at once — through {@link JsonErrors}, as "busy".
     */
    private static final class Turns extends QoSHandler {
        private final Limits limits;
        private final AtomicBoolean busyLogged;

        Turns(Limits limits, AtomicBoolean busyLogged) {
            this.limits = limits;
            this.busyLogged = busyLogged;
            setMaxRequestCount(limits.requests());
            setMaxSuspendedRequestCount(limits.waiting());
            setMaxSuspend(limits.maxWait());
        }

        @Override
        protected void reject(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              Callback callback, int status) {
            busy();
            super.reject(request, response, callback, status);
        }

        @Override
        protected void expireSuspended(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                       Callback callback) {
            busy();
            super.expireSuspended(request, response, callback);
        }

        /** A WARN once when the port becomes full, not one per refused request (a port scan would flood the log). */
        private void busy() {
            if (busyLogged.compareAndSet(false, true)) {
                log.warn("HTTP port busy: a request got 503 (at most {} are handled at once and {} more wait, each up to"
                        + " {} ms); logged once until a request is served again", limits.requests(), limits.waiting(),
                        limits.maxWait().toMillis());
            }
        }
    }

    /** Jetty's own refusals (not HTTP, a head too large, busy) in our JSON error shape. */
    private static final class JsonErrors extends ErrorHandler {
        private final Refusal refusal;

        JsonErrors(Refusal refusal) {
            this.refusal = refusal;
            setCacheControl("no-store");
            setShowStacks(false);
        }

        @Override
        protected void generateResponse(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                        int code, String message, Throwable cause, Callback callback) {
            send(response, refusal.of(code, errorCode(code), explain(code, message)), callback);
        }

        private static String errorCode(int status) {
            return switch (status) {
                case 400 -> "bad_request";
                case 408 -> "request_timeout";
                case 413, 431 -> "request_too_large";
                case 503 -> "busy";
                case 426, 505 -> "http_version_not_supported"; // HTTP/2.0 or HTTP/0.9 in the request line
                default -> status >= 500 ? "internal_error" : "bad_request";
            };
        }

        private static String explain(int status, String reason) {
            return switch (status) {
                case 408 -> "the request did not arrive in time";
                case 413 -> "the request is too large";
                case 431 -> "the request line and headers are larger than " + MAX_HEAD_BYTES + " bytes";
                case 503 -> "too many requests at once; try again";
                case 426, 505 -> "this port speaks HTTP/1.1 and HTTP/1.0 only";
                default -> status >= 500 ? "the request failed; see the bot's log"
                        : "not a valid HTTP/1.1 request (" + reason + ")";
            };
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.debug("HTTP port: stopping failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stopQuietly(server);
    }
}
