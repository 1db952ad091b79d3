package io.github.yclientsbot.http;

import io.github.yclientsbot.ratelimit.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The socket side of the bot's HTTP port: a small HTTP/1.1 server for GET and HEAD, one request per connection.
 * It exists for what the JDK's built-in server does not give: each connection gets a read timeout between bytes
 * and a deadline for the whole exchange (the JDK server waits for a half-sent request for ever, one of its few
 * threads with it), a bounded pool of workers, and a {@code 503} at once when they are all busy. So two slow or
 * silent clients — a stuck load-balancer probe, a port scanner — cannot keep {@code /health} from answering.
 * A request line or header that is not HTTP, or a target that is not a valid URI (a bad {@code %} escape in the
 * query), gets {@code 400}; a request that does not arrive in time gets {@code 408}.
 */
final class HttpPort implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpPort.class);
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * @param threads     requests handled at once
     * @param queue       connections that wait for a worker; beyond that a connection is answered 503 at once
     * @param readTimeout the longest pause between two bytes of a request
     * @param deadline    the longest a connection may take from accept to the last byte of the answer
     */
    record Limits(int threads, int queue, Duration readTimeout, Duration deadline) {
        static final Limits DEFAULT = new Limits(16, 64, Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    /** A request: {@code path} decoded, {@code rawQuery} as sent (null when none), header names in lower case. */
    record Request(String method, String path, String rawQuery, Map<String, String> headers) {
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

    /** The answer when the request cannot be read: its status and a short JSON body. */
    interface Refusal {
        Response of(int status, String code, String message);
    }

    private final ServerSocket server;
    private final Limits limits;
    private final Handler handler;
    private final Refusal refusal;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;
    /** A WARN once when the port becomes full, not one per refused connection (a port scan would flood the log). */
    private final AtomicBoolean busyLogged = new AtomicBoolean();

    private HttpPort(ServerSocket server, Limits limits, Handler handler, Refusal refusal) {
        this.server = server;
        this.limits = limits;
        this.handler = handler;
        this.refusal = refusal;
        this.workers = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queue())), daemon("http-"));
        this.watchdog = new ScheduledThreadPoolExecutor(1, daemon("http-deadline-"));
        this.watchdog.setRemoveOnCancelPolicy(true);
        this.acceptor = daemon("http-accept-").newThread(this::acceptLoop);
    }

    /** Binds {@code host:port} (0: any free port) and starts accepting. */
    static HttpPort start(String host, int port, Limits limits, Handler handler, Refusal refusal) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(host, port), 50);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        HttpPort http = new HttpPort(server, limits, handler, refusal);
        http.acceptor.start();
        return http;
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    // e.g. out of file descriptors: wait a moment rather than spin
                    log.warn("HTTP port: accept failed: {}", e.toString());
                    pause();
                }
                continue;
            }
            open.add(socket);
            ScheduledFuture<?> cutOff = watchdog.schedule(() -> closeQuietly(socket), limits.deadline().toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                workers.execute(() -> serve(socket, cutOff));
            } catch (RejectedExecutionException busy) {
                if (busyLogged.compareAndSet(false, true)) {
                    log.warn("HTTP port: all {} workers busy and {} connections waiting; new connections get 503 until one"
                            + " is free (slow or silent clients are cut off after {} s)", limits.threads(), limits.queue(),
                            limits.deadline().toSeconds());
                }
                try {
                    // a few hundred bytes into a fresh connection's send buffer: this does not block the acceptor
                    write(socket.getOutputStream(), refusal.of(503, "busy", "too many connections; try again"), false);
                } catch (IOException e) {
                    log.debug("HTTP port: could not answer 503: {}", e.toString());
                } finally {
                    cutOff.cancel(false);
                    closeQuietly(socket);
                }
            }
        }
    }

    private void pause() {
        try {
            Sleeper.real().sleep(ACCEPT_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void serve(Socket socket, ScheduledFuture<?> cutOff) {
        try (socket) {
            socket.setSoTimeout((int) Math.max(1, limits.readTimeout().toMillis()));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Request request;
            try {
                request = read(in);
            } catch (Malformed e) {
                write(out, refusal.of(e.status, e.status == 431 ? "request_too_large" : "bad_request", e.getMessage()), false);
                return;
            } catch (SocketTimeoutException e) {
                write(out, refusal.of(408, "request_timeout", "the request did not arrive in time"), false);
                return;
            }
            if (request == null) {
                return; // the client closed without sending a request
            }
            write(out, handler.handle(request), request.method().equals("HEAD"));
            busyLogged.set(false);
        } catch (IOException e) {
            // the client went away, or the deadline closed the socket
            log.debug("HTTP port: connection ended: {}", e.toString());
        } finally {
            cutOff.cancel(false);
            open.remove(socket);
        }
    }

    /** The request line and headers; null when the stream ends before anything was sent. */
    private static Request read(InputStream in) throws IOException {
        Head head = new Head(in);
        String line = head.line();
        while (line != null && line.isEmpty()) {
            line = head.line(); // a stray empty line before the request line is allowed
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || !parts[2].matches("HTTP/1\\.[01]")) {
            throw new Malformed(400, "not an HTTP/1.x request line");
        }
        URI target;
        try {
            target = new URI(parts[1]);
        } catch (URISyntaxException e) {
            throw new Malformed(400, "the request target is not a valid URI (check the % escapes of the query)");
        }
        if (target.isAbsolute() || target.getRawAuthority() != null || target.getPath() == null
                || !target.getPath().startsWith("/")) {
            throw new Malformed(400, "the request target must be a path, like /health");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = head.line(); ; h = head.line()) {
            if (h == null) {
                throw new Malformed(400, "the request ended inside its headers");
            }
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(h.substring(0, colon)).matches() || headers.size() >= MAX_HEADERS) {
                throw new Malformed(400, "a malformed header line");
            }
            headers.putIfAbsent(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        return new Request(parts[0], target.getPath(), target.getRawQuery(), Map.copyOf(headers));
    }

    /** Reads the request head line by line, at most {@link #MAX_HEAD_BYTES} in all. */
    private static final class Head {
        private final InputStream in;
        private int total;

        Head(InputStream in) {
            this.in = in;
        }

        /** The next line without its CRLF (or LF); null at the end of the stream before any byte of it. */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
                if (++total > MAX_HEAD_BYTES) {
                    throw new Malformed(431, "the request line and headers are larger than " + MAX_HEAD_BYTES + " bytes");
                }
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
        }
    }

    private static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Malformed(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static void write(OutputStream out, Response r, boolean head) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        sb.append("Content-Type: ").append(r.contentType()).append("\r\n");
        sb.append("Content-Length: ").append(r.body().length).append("\r\n");
        sb.append("Cache-Control: no-store\r\n");
        r.headers().forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        sb.append("Connection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(r.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("HTTP port: closing a connection failed: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("HTTP port: closing the listening socket failed: {}", e.toString());
        }
        open.forEach(HttpPort::closeQuietly);
        workers.shutdownNow();
        watchdog.shutdownNow();
    }
}
