package io.github.yclientsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.DocumentDownloader;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.storage.UpdateInbox;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Telegram side: long polling through the library, replies through {@link ReplySender}, and the
 * command menus. Owns its executor and HTTP clients and closes them.
 */
public final class TelegramTransport implements AutoCloseable, DocumentDownloader {
    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    private final String token;
    private final TelegramUrl url;
    private final ObjectMapper mapper;
    private final ChatBot bot;
    private final RuntimeStats stats;
    private final int pollTimeoutSeconds;
    private final String defaultLanguage;
    private final OkHttpClient pollHttp;
    private final TelegramClient client;
    private final OkHttpClient sendHttp;
    private final ScheduledExecutorService pollExecutor;
    private final SendPacer pacer;
    private final ReplySender sender;
    private final UpdateDispatcher dispatcher;
    private volatile TelegramBotsLongPollingApplication app;
    private volatile BotSession session;
    private volatile String username;
    private volatile boolean closed;
    private volatile boolean conflictSeen;
    private volatile Runnable onFatal = () -> { };

    /**
     * @param apiUrl             e.g. "https://api.telegram.org" or a local fake "http://127.0.0.1:8081"
     * @param pollTimeoutSeconds how long Telegram holds a getUpdates call open (50 in production)
     */
    public TelegramTransport(String token, String apiUrl, ObjectMapper mapper, ChatBot bot, RuntimeStats stats,
                             int pollTimeoutSeconds, String defaultLanguage, int ratePerSecond, UpdateInbox inbox, Dispatch dispatch) {
        this.pacer = SendPacer.realTime(ratePerSecond);
        this.token = token;
        this.url = telegramUrl(apiUrl);
        this.mapper = mapper;
        this.bot = bot;
        this.stats = stats;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        this.defaultLanguage = defaultLanguage;
        SecretRedactor.register(token);
        this.pollHttp = new OkHttpClient.Builder()
                .addInterceptor(new PollWatcher(java.time.Clock.systemUTC(), stats, this::conflict))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 25L))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        OkHttpClient.Builder sendBuilder = pollHttp.newBuilder();
        sendBuilder.interceptors().clear();
        // the client sends asynchronously through this dispatcher; its default of 5 calls per host would make
        // three of the eight workers queue behind the others on the one host there is
        okhttp3.Dispatcher sendDispatcher = new okhttp3.Dispatcher();
        sendDispatcher.setMaxRequests(64);
        sendDispatcher.setMaxRequestsPerHost(64);
        this.sendHttp = sendBuilder
                .dispatcher(sendDispatcher)
                // OkHttp keeps 5 idle connections by default: with eight workers sending at once, three connections
                // (TLS handshakes, against the real Telegram) were closed and opened again on every round
                .connectionPool(new okhttp3.ConnectionPool(16, 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45))
                .build();
        this.client = new OkHttpTelegramClient(mapper, sendHttp, token, url);
        this.pollExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-poll");
            t.setDaemon(true);
            return t;
        });
        this.sender = new ReplySender(client, stats, bot::staffMenuFailed, pacer);
        this.dispatcher = new UpdateDispatcher(inbox, mapper, new UpdateHandler(bot, sender, stats)::handle,
                new FloodGuard(dispatch.floodMaxUpdates(), dispatch.floodWindow(), dispatch.clock()), bot::isStaff, stats,
                dispatch.clock(), dispatch.workers(), dispatch.maxBacklog());
    }

    static TelegramUrl telegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(scheme) ? 443 : 80);
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    /** What to do when polling cannot go on (409 Conflict): the application stops itself. */
    public void onFatal(Runnable action) {
        this.onFatal = action;
    }

    /** The bot's @username, once known (null before). */
    public String username() {
        return username;
    }

    /**
     * Learns who the bot is, sets the default command menu, and starts polling. Waits (with back-off)
     * while Telegram cannot be reached; gives up only when Telegram says the token is invalid.
     */
    public void start() throws InvalidBotTokenException {
        User me = getMeWithRetry();
        if (me == null) {
            return;
        }
        username = me.getUserName();
        setDefaultMenus();
        prepareJson();
        recoverInbox();
        startPollingWithRetry();
    }

    private User getMeWithRetry() throws InvalidBotTokenException {
        PollBackOff backOff = new PollBackOff(1000, 30_000);
        boolean warned = false;
        while (!closed) {
            try {
                return client.execute(new GetMe());
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && (code == 401 || code == 404)) {
                    throw new InvalidBotTokenException("Telegram rejected telegram.bot.token (" + code + " " + e.getApiResponse()
                            + "): check the token @BotFather gave you (TELEGRAM_BOT_TOKEN)");
                }
                warned = waitBeforeRetry(backOff, warned, e);
            } catch (TelegramApiException e) {
                warned = waitBeforeRetry(backOff, warned, e);
            }
        }
        return null;
    }

    private boolean waitBeforeRetry(PollBackOff backOff, boolean warned, Exception e) {
        long wait = backOff.nextBackOffMillis();
        if (!warned) {
            log.warn("Telegram cannot be reached at {} ({}); retrying until it can", url.getHost(), ReplySender.describe(e));
        } else {
            log.debug("Telegram still unreachable, next try in {} ms", wait);
        }
        sleep(wait);
        return true;
    }

    private void setDefaultMenus() {
        try {
            client.execute(SetMyCommands.builder().commands(commands(bot.customerMenu(defaultLanguage))).build());
            for (String lang : List.of("ru", "en")) {
                client.execute(SetMyCommands.builder().commands(commands(bot.customerMenu(lang))).languageCode(lang).build());
            }
        } catch (TelegramApiException e) {
            log.warn("Could not set the command menu: {}", e.getMessage());
        }
    }

    private static List<BotCommand> commands(List<Action.CommandInfo> infos) {
        return infos.stream().map(i -> new BotCommand(i.command(), i.description())).toList();
    }

    /** A message and a button press, as getUpdates returns them: enough to build every reader and writer of an Update. */
    private static final String SAMPLE_UPDATES = "{\"ok\":true,\"result\":["
            + "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1700000000,\"text\":\"/start\","
            + "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\",\"language_code\":\"ru\"},"
            + "\"chat\":{\"id\":1,\"type\":\"private\"},\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":6}]}},"
            + "{\"update_id\":2,\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},"
            + "\"chat_instance\":\"c\",\"data\":\"d\",\"message\":{\"message_id\":2,\"date\":1700000000,"
            + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"t\"}}}]}";

    /**
     * Jackson builds its readers and writers of the whole Update type tree (hundreds of classes) on first use;
     * done here, before polling, the first batch of a rush does not pay for it (it took half of the poll thread's
     * time in a burst of 1,000 updates). The library reads getUpdates with its own mapper, the inbox with ours.
     */
    private void prepareJson() {
        try {
            for (org.telegram.telegrambots.meta.api.objects.Update u : new GetUpdates().deserializeResponse(SAMPLE_UPDATES)) {
                mapper.readValue(mapper.writeValueAsString(u), org.telegram.telegrambots.meta.api.objects.Update.class);
            }
            // a reply: the request as the client writes it, the answer as the library reads it
            org.telegram.telegrambots.meta.api.methods.send.SendMessage reply = org.telegram.telegrambots.meta.api.methods.send.SendMessage
                    .builder().chatId(1L).text("t")
                    .linkPreviewOptions(org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(ReplySender.markup(new io.github.yclientsbot.chat.Keyboard(List.of(List.of(
                            io.github.yclientsbot.chat.Button.url("u", "https://example.org"),
                            io.github.yclientsbot.chat.Button.callback("c", "d"))))))
                    .build();
            mapper.writeValueAsString(reply);
            reply.deserializeResponse("{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,"
                    + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"t\"}}");
        } catch (TelegramApiException | IOException | RuntimeException e) {
            log.debug("Preparing the JSON readers failed; the first updates prepare them", e);
        }
    }

    /** Updates a previous run stored but did not handle go first, in order, before polling resumes. */
    private void recoverInbox() {
        try {
            dispatcher.recover();
        } catch (RuntimeException e) {
            stats.error("update inbox", e);
            log.error("Could not read the updates left from the last run; they stay stored", e);
        }
    }

    private void startPollingWithRetry() {
        PollBackOff backOff = new PollBackOff(1000, 30_000);
        boolean warned = false;
        while (!closed) {
            TelegramBotsLongPollingApplication candidate = new TelegramBotsLongPollingApplication(
                    () -> mapper, () -> pollHttp, () -> pollExecutor, () -> new PollBackOff(500, 30_000));
            try {
                // the application starts out running: registering the bot starts its session (deleteWebhook, then polling)
                session = candidate.registerBot(token, () -> url, this::getUpdates, dispatcher);
                app = candidate;
                log.info("Polling Telegram as @{}", username);
                return;
            } catch (TelegramApiException e) {
                closeQuietly(candidate);
                warned = waitBeforeRetry(backOff, warned, e);
            }
        }
    }

    private GetUpdates getUpdates(Integer lastReceived) {
        return GetUpdates.builder()
                .offset(lastReceived + 1)
                .limit(100)
                .timeout(pollTimeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
    }

    /**
     * 409 from getUpdates: another process polls with this token (or a webhook is set). Two pollers
     * would steal each other's updates, so this one stops and says why.
     */
    private void conflict(String description) {
        if (conflictSeen) {
            return;
        }
        conflictSeen = true;
        stats.error("telegram getUpdates", "409 Conflict: " + description);
        log.error("Telegram answered 409 Conflict ({}): another process is polling with this bot token, or a webhook is set."
                + " Stop the other bot instance (or delete the webhook) and start this one again. Stopping.", description);
        Thread stopper = new Thread(() -> onFatal.run(), "conflict-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** True after Telegram answered 409 Conflict. */
    public boolean stoppedByConflict() {
        return conflictSeen;
    }

    /**
     * Downloads a file a user sent (an /import): getFile, then a GET of {@code /file/bot<token>/<file_path>} on the same API URL (so a local Bot API server
     * or a test fake works too). Reads at most {@code maxBytes}. The URL holds the token: it is never logged.
     */
    @Override
    public byte[] download(String fileId, int maxBytes) throws DownloadException {
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiException e) {
            throw new DownloadException("getFile failed: " + e.getMessage(), false);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new DownloadException("the file has " + file.getFileSize() + " bytes", true);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new DownloadException("getFile returned no file_path", false);
        }
        HttpUrl fileUrl = new HttpUrl.Builder()
                .scheme(url.getSchema())
                .host(url.getHost())
                .port(url.getPort())
                .addPathSegment("file")
                .addPathSegment("bot" + token)
                .addPathSegments(file.getFilePath())
                .build();
        try (Response response = sendHttp.newCall(new Request.Builder().url(fileUrl).get().build()).execute()) {
            if (!response.isSuccessful()) {
                throw new DownloadException("the file download answered HTTP " + response.code(), false);
            }
            ResponseBody body = response.body();
            if (body.contentLength() > maxBytes) {
                throw new DownloadException("the file has " + body.contentLength() + " bytes", true);
            }
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new DownloadException("the file has more than " + maxBytes + " bytes", true);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new DownloadException("the file download failed: " + e.getClass().getSimpleName(), false);
        }
    }

    public boolean isPolling() {
        TelegramBotsLongPollingApplication a = app;
        return a != null && a.isRunning();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static void closeQuietly(TelegramBotsLongPollingApplication a) {
        try {
            a.close();
        } catch (Exception e) {
            log.debug("Closing a polling application failed", e);
        }
    }

    /**
     * Stops within {@code budget} without dropping work: polling stops (the long poll in flight is cancelled),
     * what was received is confirmed to Telegram (it is stored in the inbox), and the updates being handled get
     * the rest of the budget to finish. Updates not started, or not finished in time, stay in the inbox and are
     * handled after the next start.
     */
    public void close(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        closed = true;
        dispatcher.stopTakingWork();
        TelegramBotsLongPollingApplication a = app;
        if (a != null) {
            closeQuietly(a);
        }
        pollHttp.dispatcher().cancelAll();
        pollExecutor.shutdown();
        try {
            if (!pollExecutor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("Polling did not stop within {} ms; stopping it", budget.toMillis());
                pollExecutor.shutdownNow();
            } else {
                confirmHandled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pollExecutor.shutdownNow();
        }
        if (dispatcher.finish(deadline)) {
            log.info("Every update in flight was handled before stopping");
        }
        pollHttp.dispatcher().executorService().shutdown();
        pollHttp.connectionPool().evictAll();
    }

    /**
     * Telegram forgets updates below the offset of the next getUpdates: ask once, without waiting. Everything
     * received was stored in the inbox before, so nothing is lost by confirming it.
     */
    private void confirmHandled() {
        BotSession s = session;
        if (s == null || s.getLastReceivedUpdate().get() == 0) {
            return;
        }
        try {
            client.execute(GetUpdates.builder().offset(s.getLastReceivedUpdate().get() + 1).limit(1).timeout(0)
                    .allowedUpdates(ALLOWED_UPDATES).build());
        } catch (TelegramApiException e) {
            log.info("Could not confirm the last handled updates to Telegram ({}); they may be answered again after a restart",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(8));
    }
}
