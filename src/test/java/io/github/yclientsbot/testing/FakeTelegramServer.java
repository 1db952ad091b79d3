package io.github.yclientsbot.testing;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for the Telegram Bot API, enough for the bot: long-polled getUpdates that honours
 * offsets (confirmed updates are gone), and the methods the bot calls, recorded for assertions.
 * Method names are matched case-insensitively (the library lower-cases most of them).
 */
public final class FakeTelegramServer implements AutoCloseable {
    public static final String BOT_USERNAME = "SalonTestBot";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-telegram");
        t.setDaemon(true);
        return t;
    });
    private final String token;
    private final Object updatesLock = new Object();
    /** Updates offered and not yet confirmed (guarded by updatesLock). */
    private final List<Pending> pending = new ArrayList<>();
    /** getUpdates requests received, and the one that last delivered updates (guarded by updatesLock). */
    private long polls;
    private boolean closed;
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(5000);
    private final AtomicLong confirmedOffset = new AtomicLong();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> failedCalls = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Failure>> failures = new ConcurrentHashMap<>();
    /** sendMessage calls to a chat that fail, and how many more times ({@link #failSendsTo}). */
    private final Map<Long, ChatFailure> chatFailures = new ConcurrentHashMap<>();
    /** Calls answered with success, in the order they were answered. */
    private final List<Call> answered = new CopyOnWriteArrayList<>();
    /** Files users sent or the bot uploaded, by file_id, served by getFile and /file/bot<token>/<path>. */
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger nextFileId = new AtomicInteger();
    /** Every update ever offered, by id, so one can be delivered again ({@link #redeliver}). */
    private final Map<Integer, ObjectNode> delivered = new ConcurrentHashMap<>();
    /** Chats whose sendMessage calls are held open until {@link #releaseSendsTo} (a slow chat). */
    private final Map<Long, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();

    /**
     * One Bot API call the bot made. For a multipart upload (sendDocument) {@code body} holds the text fields
     * and {@code fileName}/{@code file} the uploaded file; otherwise those are null.
     */
    /**
     * One Bot API call the bot made. {@code resultMessageId}: the message_id this fake answered with
     * (sendMessage: the new message; editMessageText: the edited one), 0 for other methods and failures.
     * {@code fileName}/{@code file}: an uploaded document (sendDocument), else null.
     */
    public record Call(String method, JsonNode body, int resultMessageId, String fileName, byte[] file) {
        Call(String method, JsonNode body) {
            this(method, body, 0, null, null);
        }

        Call(String method, JsonNode body, int resultMessageId) {
            this(method, body, resultMessageId, null, null);
        }

        public String caption() {
            return body.path("caption").asText(null);
        }

        public String text() {
            return body.path("text").asText(null);
        }

        public long chatId() {
            return body.path("chat_id").asLong();
        }

        /** All inline buttons' urls, in order. */
        public List<String> buttonUrls() {
            List<String> urls = new ArrayList<>();
            body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> {
                if (b.has("url")) {
                    urls.add(b.get("url").asText());
                }
            }));
            return urls;
        }

        public List<String> buttonTexts() {
            List<String> texts = new ArrayList<>();
            body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> texts.add(b.path("text").asText())));
            return texts;
        }

        public List<String> callbackData() {
            List<String> data = new ArrayList<>();
            body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> {
                if (b.has("callback_data")) {
                    data.add(b.get("callback_data").asText());
                }
            }));
            return data;
        }
    }

    private record Failure(int status, String description, String parametersJson) {}

    private record ChatFailure(Failure failure, AtomicInteger left) {}

    /** An update waiting for the bot; {@code delivered} once a getUpdates answer carried it. */
    private static final class Pending {
        final ObjectNode update;
        boolean delivered;

        Pending(ObjectNode update) {
            this.update = update;
        }

        long id() {
            return update.path("update_id").asLong();
        }
    }

    public FakeTelegramServer(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- building updates ----------------------------------------------------------------

    public int sendText(long chatId, String chatType, long userId, String languageCode, String text) {
        ObjectNode message = message(chatId, chatType, userId, languageCode);
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ArrayNode entities = message.putArray("entities");
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end);
        }
        return enqueue("message", message);
    }

    public int sendPrivateText(long userId, String text) {
        return sendText(userId, "private", userId, "ru", text);
    }

    public int sendSticker(long userId) {
        ObjectNode message = message(userId, "private", userId, "ru");
        message.putObject("sticker").put("file_id", "sticker-1").put("file_unique_id", "u1").put("width", 512)
                .put("height", 512).put("is_animated", false).put("is_video", false).put("type", "regular");
        return enqueue("message", message);
    }

    /**
     * A file sent in a private chat, with an optional caption (a command in it is marked as one, as Telegram
     * does). The bot can fetch it with getFile and the file URL.
     */
    public int sendPrivateDocument(long userId, String fileName, byte[] content, String caption) {
        ObjectNode message = message(userId, "private", userId, "ru");
        String fileId = storeFile(content);
        message.putObject("document").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("file_name", fileName).put("mime_type", "application/json").put("file_size", content.length);
        if (caption != null) {
            message.put("caption", caption);
            if (caption.startsWith("/")) {
                int end = caption.indexOf(' ');
                message.putArray("caption_entities").addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", end < 0 ? caption.length() : end);
            }
        }
        return enqueue("message", message);
    }

    private String storeFile(byte[] content) {
        String fileId = "file-" + nextFileId.incrementAndGet();
        files.put(fileId, content.clone());
        return fileId;
    }

    /**
     * A contact card shared in the private chat of {@code userId}: their own (the share-contact button) when
     * {@code contactUserId == userId}, someone else's otherwise; {@code contactUserId} null = not a Telegram user.
     */
    public int sendContact(long userId, Long contactUserId, String phone) {
        ObjectNode message = message(userId, "private", userId, "ru");
        ObjectNode contact = message.putObject("contact").put("phone_number", phone).put("first_name", "Contact" + contactUserId);
        if (contactUserId != null) {
            contact.put("user_id", contactUserId);
        }
        return enqueue("message", message);
    }

    /** A press on a button of a message the bot sent in that private chat. */
    public int pressButton(long userId, int messageId, String data) {
        ObjectNode q = mapper.createObjectNode();
        q.put("id", "cb" + nextUpdateId.get());
        q.set("from", user(userId, "ru"));
        ObjectNode msg = q.putObject("message");
        msg.put("message_id", messageId).put("date", 1_700_000_000);
        msg.putObject("chat").put("id", userId).put("type", "private");
        msg.put("text", "…");
        q.put("chat_instance", "ci");
        q.put("data", data);
        return enqueue("callback_query", q);
    }

    /** The message_id the last inbound message got (to check deleteMessage). */
    private ObjectNode message(long chatId, String chatType, long userId, String languageCode) {
        ObjectNode m = mapper.createObjectNode();
        m.put("message_id", nextMessageId.incrementAndGet());
        m.set("from", user(userId, languageCode));
        ObjectNode chat = m.putObject("chat").put("id", chatId).put("type", chatType);
        if (!"private".equals(chatType)) {
            chat.put("title", "Salon group");
        }
        m.put("date", 1_700_000_000);
        return m;
    }

    private ObjectNode user(long userId, String languageCode) {
        ObjectNode u = mapper.createObjectNode();
        u.put("id", userId).put("is_bot", false).put("first_name", "User" + userId);
        if (languageCode != null) {
            u.put("language_code", languageCode);
        }
        return u;
    }

    private int enqueue(String field, ObjectNode payload) {
        ObjectNode update = mapper.createObjectNode();
        int id = nextUpdateId.incrementAndGet();
        update.put("update_id", id);
        update.set(field, payload);
        delivered.put(id, update);
        synchronized (updatesLock) {
            pending.add(new Pending(update));
            updatesLock.notifyAll();
        }
        return payload.path("message_id").asInt(0);
    }

    /**
     * Offers an update again with its old id, as Telegram does when it did not see the confirmation (e.g. the
     * bot crashed before its next getUpdates). It is delivered once, whatever offset the bot asks from.
     */
    public void redeliver(int updateId) {
        ObjectNode update = delivered.get(updateId);
        if (update == null) {
            throw new IllegalArgumentException("no update " + updateId);
        }
        synchronized (updatesLock) {
            pending.add(new Pending(update.deepCopy()));
            updatesLock.notifyAll();
        }
    }

    /**
     * {@code true} once the bot confirmed every update offered so far: it asked for updates again with an offset past
     * them, which it does only after it took the batch in (stored it, counted it in its queue). Whether it has also
     * handled them is for the bot's own counters to say. Delivery alone is not enough: a long poll of a bot that was
     * stopped can still be open here and take an update that only the restarted bot will get (again) and handle.
     */
    public boolean allTakenIn() {
        synchronized (updatesLock) {
            return pending.isEmpty();
        }
    }

    /** How many getUpdates requests arrived so far. */
    public long polls() {
        synchronized (updatesLock) {
            return polls;
        }
    }

    /** From now on, sendMessage calls to {@code chatId} get no answer until {@link #releaseSendsTo}. */
    public void holdSendsTo(long chatId) {
        held.put(chatId, new java.util.concurrent.CountDownLatch(1));
    }

    /** Answers the held sendMessage calls to {@code chatId}, and later ones at once. */
    public void releaseSendsTo(long chatId) {
        java.util.concurrent.CountDownLatch latch = held.remove(chatId);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** How many sendMessage calls are being held right now. */
    public int heldSends() {
        return heldCount.get();
    }

    private final AtomicInteger heldCount = new AtomicInteger();

    public int lastUpdateId() {
        return nextUpdateId.get();
    }

    /** The highest offset the bot confirmed (it asked for updates from there on). */
    public long confirmedOffset() {
        return confirmedOffset.get();
    }

    // ---- failures and recorded calls -------------------------------------------------------

    /** The next call of {@code method} answers with this error. */
    public void failNext(String method, int status, String description) {
        failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedQueue<>()).add(new Failure(status, description, null));
    }

    /** The next call of {@code method} answers with this error and {@code parameters} (e.g. {"retry_after":1}). */
    public void failNext(String method, int status, String description, String parametersJson) {
        failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedQueue<>())
                .add(new Failure(status, description, parametersJson));
    }

    /**
     * The next {@code times} sendMessage (and sendDocument) calls to {@code chatId} answer with this error and
     * {@code parameters} (e.g. {"retry_after":5}); {@link Integer#MAX_VALUE}: every one from now on.
     */
    public void failSendsTo(long chatId, int times, int status, String description, String parametersJson) {
        chatFailures.put(chatId, new ChatFailure(new Failure(status, description, parametersJson), new AtomicInteger(times)));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls of {@code method} answered with success (a refused try is not among them), in the order they were answered. */
    public List<Call> answered(String method) {
        return answered.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Calls that were answered with an injected failure (also listed in {@link #calls()}). */
    public List<Call> failedCalls() {
        return List.copyOf(failedCalls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Waits until {@code count} calls match, and returns them. */
    public List<Call> await(Predicate<Call> predicate, int count, Duration timeout) {
        try {
            return org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(5))
                    .until(() -> calls.stream().filter(predicate).toList(), matching -> matching.size() >= count);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Timed out waiting for " + count + " matching calls; calls so far:\n" + describeCalls(), e);
        }
    }

    public String describeCalls() {
        StringBuilder sb = new StringBuilder();
        for (Call c : calls) {
            sb.append(c.method()).append(' ').append(c.body()).append('\n');
        }
        return sb.toString();
    }

    // ---- HTTP ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String filePrefix = "/file/bot" + token + "/documents/";
            if (path.startsWith(filePrefix)) {
                calls.add(new Call("download", mapper.createObjectNode().put("path", path.substring(filePrefix.length()))));
                byte[] content = files.get(path.substring(filePrefix.length()));
                if (content == null) {
                    respond(exchange, 404, error(404, "Not Found"));
                } else {
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, content.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(content);
                    }
                }
                return;
            }
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 404, error(404, "Not Found"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Call parsed = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                    ? multipart(method, contentType, raw)
                    : new Call(method, raw.length == 0 ? mapper.createObjectNode() : mapper.readTree(raw));
            JsonNode body = parsed.body();
            java.util.concurrent.CountDownLatch hold = method.equals("sendmessage") ? held.get(body.path("chat_id").asLong()) : null;
            if (hold != null) {
                heldCount.incrementAndGet();
                try {
                    hold.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    heldCount.decrementAndGet();
                }
            }
            if (parsed.file() != null) {
                ((ObjectNode) body).put("document", storeFile(parsed.file()));
            }
            Failure failure = failures.getOrDefault(method, new ConcurrentLinkedQueue<>()).poll();
            ChatFailure chatFailure = method.equals("sendmessage") || method.equals("senddocument")
                    ? chatFailures.get(body.path("chat_id").asLong()) : null;
            if (failure == null && chatFailure != null && chatFailure.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failure = chatFailure.failure();
            }
            if (failure != null) {
                Call failed = new Call(method, body, 0, parsed.fileName(), parsed.file());
                failedCalls.add(failed);
                if (!method.equals("getupdates")) {
                    calls.add(failed);
                }
                respond(exchange, failure.status(), error(failure.status(), failure.description(), failure.parametersJson()));
                return;
            }
            ObjectNode answer = answer(method, body);
            if (!method.equals("getupdates")) {
                Call call = new Call(method, body, answer.path("result").path("message_id").asInt(0), parsed.fileName(), parsed.file());
                calls.add(call);
                answered.add(call);
            }
            respond(exchange, 200, mapper.writeValueAsString(answer));
        } catch (RuntimeException e) {
            respond(exchange, 500, error(500, "fake server error: " + e));
        }
    }

    private ObjectNode answer(String method, JsonNode body) {
        ObjectNode ok = mapper.createObjectNode().put("ok", true);
        switch (method) {
            case "getupdates" -> ok.set("result", updates(body));
            case "getme" -> ok.putObject("result").put("id", 999).put("is_bot", true).put("first_name", "Salon bot")
                    .put("username", BOT_USERNAME);
            case "sendmessage", "editmessagetext" -> {
                ObjectNode m = ok.putObject("result");
                m.put("message_id", method.equals("sendmessage") ? nextMessageId.incrementAndGet() : body.path("message_id").asInt());
                m.put("date", 1_700_000_000);
                m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                m.put("text", body.path("text").asText());
            }
            case "senddocument" -> {
                ObjectNode m = ok.putObject("result");
                m.put("message_id", nextMessageId.incrementAndGet());
                m.put("date", 1_700_000_000);
                m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                String fileId = body.path("document").asText();
                m.putObject("document").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                        .put("file_size", files.getOrDefault(fileId, new byte[0]).length);
                if (body.has("caption")) {
                    m.put("caption", body.path("caption").asText());
                }
            }
            case "getfile" -> {
                String fileId = body.path("file_id").asText();
                byte[] content = files.get(fileId);
                if (content == null) {
                    throw new IllegalArgumentException("no such file " + fileId);
                }
                ok.putObject("result").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                        .put("file_size", content.length).put("file_path", "documents/" + fileId);
            }
            default -> ok.put("result", true);
        }
        return ok;
    }

    /**
     * A multipart/form-data request (the library uploads files this way): text parts become fields of the
     * body, the part with a filename is the file.
     */
    private Call multipart(String method, String contentType, byte[] raw) {
        String boundary = null;
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                boundary = p.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException("multipart without boundary");
        }
        // ISO-8859-1 maps every byte to one char and back, so the file bytes survive the split
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        ObjectNode fields = mapper.createObjectNode();
        String fileName = null;
        byte[] file = null;
        for (String part : all.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            String name = headerParam(headers, "name");
            String partFile = headerParam(headers, "filename");
            if (name == null) {
                continue;
            }
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            if (partFile != null) {
                fileName = partFile;
                file = bytes;
            } else {
                fields.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return new Call(method, fields, 0, fileName, file);
    }

    private static String headerParam(String headers, String param) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("[;\\s]" + param + "=\"([^\"]*)\"", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private ArrayNode updates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        long waitMillis = Math.min(1000, body.path("timeout").asLong(0) * 1000);
        confirmedOffset.accumulateAndGet(offset, Math::max);
        ArrayNode result = mapper.createArrayNode();
        synchronized (updatesLock) {
            ++polls;
            // confirmed: below the offset and seen by the bot (a redelivered copy goes out once whatever the offset)
            pending.removeIf(p -> p.delivered && p.id() < offset);
            long deadline = System.nanoTime() + waitMillis * 1_000_000;
            while (pending.isEmpty() && !closed && System.nanoTime() < deadline) {
                try {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    updatesLock.wait(Math.max(1, left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Pending p : pending) {
                if (result.size() >= limit) {
                    break;
                }
                result.add(p.update);
                p.delivered = true;
            }
        }
        return result;
    }

    private String error(int status, String description) {
        return error(status, description, null);
    }

    private String error(int status, String description, String parametersJson) {
        ObjectNode e = mapper.createObjectNode().put("ok", false).put("error_code", status).put("description", description);
        if (parametersJson != null) {
            try {
                e.set("parameters", mapper.readTree(parametersJson));
            } catch (IOException ex) {
                throw new IllegalArgumentException(ex);
            }
        }
        try {
            return mapper.writeValueAsString(e);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
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

    /** Answers the held sends and an open long poll at once, then stops: closing never waits for them. */
    @Override
    public void close() {
        synchronized (updatesLock) {
            closed = true;
            updatesLock.notifyAll();
        }
        held.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        server.stop(0);
        executor.shutdownNow();
    }
}
