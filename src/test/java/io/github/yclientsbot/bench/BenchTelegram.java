package io.github.yclientsbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Bot API for load: every call takes {@code delayMillis} (the round trip to Telegram), and
 * sendMessage is limited to {@code limitPerSecond} in any second over the whole bot like real Telegram — past it
 * the answer is 429 with {@code retry_after} (the whole seconds until the window has room, at least 1). With
 * {@code limitSeconds > 0} that limit holds for that long after the first update is handed out (Telegram lowering
 * a bot's limit for a while, a "429 storm"), then {@code laterLimitPerSecond} (0 = none). Records when each chat's
 * update was handed out and when (and how often) its reply was accepted.
 */
final class BenchTelegram implements AutoCloseable {
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-telegram");
        t.setDaemon(true);
        return t;
    });
    private final String token;
    private final long delayMillis;
    private final int limitPerSecond;
    /** How long {@code limitPerSecond} holds after the first update is handed out; 0 = always. */
    private final long limitNanos;
    private final int laterLimitPerSecond;
    /** The last sendMessage call, accepted or not (the naive baseline stops sending what it dropped). */
    private final AtomicLong lastSendNanos = new AtomicLong();
    private final ObjectNode[] updates;
    private final long[] servedAtNanos;
    private final long[] repliedAtNanos;
    private final AtomicInteger[] replies;
    private final Deque<Long> accepted = new ArrayDeque<>();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final AtomicLong firstServedNanos = new AtomicLong();
    private final ConcurrentHashMap<Long, Integer> chatIndex = new ConcurrentHashMap<>();
    /** Hands out no updates at all: the bot writes first (the reminders benchmark); the chats only count its messages. */
    private volatile boolean silent;
    static final long FIRST_CHAT = 700_000_000L;

    BenchTelegram(String token, int chats, long delayMillis, int limitPerSecond) throws IOException {
        this(token, chats, delayMillis, limitPerSecond, 0, 0);
    }

    BenchTelegram(String token, int chats, long delayMillis, int limitPerSecond, int limitSeconds, int laterLimitPerSecond)
            throws IOException {
        this.token = token;
        this.delayMillis = delayMillis;
        this.limitPerSecond = limitPerSecond;
        this.limitNanos = limitSeconds * 1_000_000_000L;
        this.laterLimitPerSecond = laterLimitPerSecond;
        this.updates = new ObjectNode[chats];
        this.servedAtNanos = new long[chats];
        this.repliedAtNanos = new long[chats];
        this.replies = new AtomicInteger[chats];
        for (int i = 0; i < chats; i++) {
            long chat = FIRST_CHAT + i;
            chatIndex.put(chat, i);
            replies[i] = new AtomicInteger();
            ObjectNode u = mapper.createObjectNode();
            u.put("update_id", i + 1);
            ObjectNode m = u.putObject("message");
            m.put("message_id", 1).put("date", 1_700_000_000).put("text", "/services");
            m.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "C" + i).put("language_code", "ru");
            m.putObject("chat").put("id", chat).put("type", "private");
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", 9);
            updates[i] = u;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** No chat sends anything: getUpdates stays empty, and only what the bot sends on its own is counted. */
    BenchTelegram silent() {
        silent = true;
        return this;
    }

    /** Messages accepted per chat (index from {@link #FIRST_CHAT}). */
    int[] repliesPerChat() {
        int[] out = new int[replies.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = replies[i].get();
        }
        return out;
    }

    /** When each chat's first message was accepted ({@link System#nanoTime}; 0: none). */
    long[] firstReplyNanos() {
        return repliedAtNanos.clone();
    }

    int tooManyRequests() {
        return tooManyRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? mapper.createObjectNode() : mapper.readTree(raw);
            if (!path.startsWith("/bot" + token + "/")) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            sleep(delayMillis);
            switch (method) {
                case "getupdates" -> respond(exchange, 200, getUpdates(body));
                case "getme" -> respond(exchange, 200,
                        "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"BenchBot\"}}");
                case "sendmessage" -> sendMessage(exchange, body);
                default -> respond(exchange, 200, "{\"ok\":true,\"result\":true}");
            }
        }
    }

    private String getUpdates(JsonNode body) throws IOException {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        ArrayNode result = mapper.createArrayNode();
        long now = System.nanoTime();
        for (int i = (int) Math.max(0, offset - 1); !silent && i < updates.length && result.size() < limit; i++) {
            result.add(updates[i]);
            synchronized (this) {
                if (servedAtNanos[i] == 0) {
                    servedAtNanos[i] = now;
                }
            }
            firstServedNanos.compareAndSet(0, now);
        }
        if (result.isEmpty()) {
            sleep(Math.min(1000, body.path("timeout").asLong(0) * 1000));
        }
        ObjectNode ok = mapper.createObjectNode().put("ok", true);
        ok.set("result", result);
        return mapper.writeValueAsString(ok);
    }

    private void sendMessage(HttpExchange exchange, JsonNode body) throws IOException {
        long now = System.nanoTime();
        lastSendNanos.set(now);
        int limit = limitAt(now);
        if (limit > 0) {
            long retryAfter;
            synchronized (accepted) {
                while (!accepted.isEmpty() && accepted.peekFirst() <= now - 1_000_000_000L) {
                    accepted.removeFirst();
                }
                if (accepted.size() < limit) {
                    accepted.addLast(now);
                    retryAfter = 0;
                } else {
                    // the whole seconds until the request that must leave the window has left it
                    long oldest = accepted.stream().skip(accepted.size() - limit).findFirst().orElse(now);
                    retryAfter = Math.max(1, (oldest + 1_000_000_000L - now + 999_999_999L) / 1_000_000_000L);
                }
            }
            if (retryAfter > 0) {
                tooManyRequests.incrementAndGet();
                respond(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                        + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
                return;
            }
        }
        long chat = body.path("chat_id").asLong();
        Integer i = chatIndex.get(chat);
        if (i != null && replies[i].incrementAndGet() == 1) {
            repliedAtNanos[i] = System.nanoTime();
        }
        respond(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + messageIds.incrementAndGet()
                + ",\"date\":1700000000,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"ok\"}}");
    }

    /** The limit in force at {@code now}: {@code limitPerSecond}, or the later one once its time is over. */
    private int limitAt(long now) {
        long first = firstServedNanos.get();
        return limitNanos == 0 || first == 0 || now - first < limitNanos ? limitPerSecond : laterLimitPerSecond;
    }

    /** Nanoseconds since the last sendMessage call (accepted or refused); max when there was none yet. */
    long quietNanos() {
        long last = lastSendNanos.get();
        return last == 0 ? Long.MAX_VALUE : System.nanoTime() - last;
    }

    /** Every chat answered at least once? */
    boolean allAnswered() {
        for (AtomicInteger r : replies) {
            if (r.get() == 0) {
                return false;
            }
        }
        return true;
    }

    /** Replies accepted per 100 ms since the first update was handed out: where a short run spends its time. */
    int[] repliesPerTenthOfASecond() {
        long first = firstServedNanos.get();
        int[] buckets = new int[0];
        for (int i = 0; i < updates.length; i++) {
            if (replies[i].get() > 0) {
                int b = (int) Math.max(0, (repliedAtNanos[i] - first) / 100_000_000L);
                if (b >= buckets.length) {
                    buckets = java.util.Arrays.copyOf(buckets, b + 1);
                }
                buckets[b]++;
            }
        }
        return buckets;
    }

    record Result(int chats, int answered, int duplicates, int tooManyRequests, double seconds, double p50Millis, double p99Millis) {}

    Result result() {
        int answered = 0;
        int duplicates = 0;
        long last = 0;
        long[] latencies = new long[updates.length];
        int n = 0;
        for (int i = 0; i < updates.length; i++) {
            int r = replies[i].get();
            if (r > 0) {
                answered++;
                last = Math.max(last, repliedAtNanos[i]);
                latencies[n++] = repliedAtNanos[i] - servedAtNanos[i];
            }
            if (r > 1) {
                duplicates += r - 1;
            }
        }
        long[] sorted = java.util.Arrays.copyOf(latencies, n);
        java.util.Arrays.sort(sorted);
        double seconds = (last - firstServedNanos.get()) / 1e9;
        return new Result(updates.length, answered, duplicates, tooManyRequests.get(), seconds,
                n == 0 ? 0 : sorted[(int) Math.min(n - 1, Math.round(0.50 * (n - 1)))] / 1e6,
                n == 0 ? 0 : sorted[(int) Math.min(n - 1, Math.round(0.99 * (n - 1)))] / 1e6);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
