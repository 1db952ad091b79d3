package io.github.yclientsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.health.RuntimeStats;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Telegram side: long polling through the library, replies through {@link ReplySender}, and the
 * command menus. Everything it works with is handed in by the composition root: the connection (the Bot API
 * client), the chat handler, the inbox, the send pacing. Owns its poll executor and poll HTTP client.
 */
public final class TelegramTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    private final TelegramConnection connection;
    private final ObjectMapper mapper;
    private final ChatHandler bot;
    private final RuntimeStats stats;
    private final int pollTimeoutSeconds;
    private final String defaultLanguage;
    private final OkHttpClient pollHttp;
    private final TelegramClient client;
    private final ScheduledExecutorService pollExecutor;
    private final SendPacing pacing;
    private final UpdateDispatcher dispatcher;
    private final Duration pollRetry;
    private volatile TelegramBotsLongPollingApplication app;
    private volatile BotSession session;
    private volatile boolean closed;
    private volatile boolean conflictSeen;
    private volatile Runnable onFatal = () -> { };

    /**
     * @param bot                asked for the command menus (the dispatcher hands it the updates)
     * @param pollTimeoutSeconds how long Telegram holds a getUpdates call open (50 in production)
     * @param pacing             what replies wait for (the dispatcher's sender holds it; shown by {@link #pacing()})
     * @param dispatcher         takes the batches polling receives
     * @param clock              when the outage of getUpdates began and ended
     * @param pollRetry          the first wait after a failed getUpdates (doubling to 30 s)
     */
    public TelegramTransport(TelegramConnection connection, ObjectMapper mapper, ChatHandler bot, RuntimeStats stats,
                             int pollTimeoutSeconds, String defaultLanguage, SendPacing pacing, UpdateDispatcher dispatcher,
                             Clock clock, Duration pollRetry) {
        this.connection = connection;
        this.mapper = mapper;
        this.bot = bot;
        this.stats = stats;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        this.defaultLanguage = defaultLanguage;
        this.pacing = pacing;
        this.dispatcher = dispatcher;
        this.pollRetry = pollRetry;
        this.client = connection.client();
        this.pollHttp = new OkHttpClient.Builder()
                .addInterceptor(new PollWatcher(clock, stats, this::conflict))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 25L))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.pollExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** What to do when polling cannot go on (409 Conflict): the application stops itself. */
    public void onFatal(Runnable action) {
        this.onFatal = action;
    }

    /** What replies wait for before they go out (the wiring test checks production gets Telegram's limits). */
    public SendPacing pacing() {
        return pacing;
    }

    /**
     * Learns who the bot is, sets the default command menu, and starts polling. Waits (with back-off)
     * while Telegram cannot be reached; gives up only when Telegram says the token is invalid.
     */
    public void start() throws InvalidBotTokenException {
        User me = connection.identify(() -> closed);
        if (me == null) {
            return;
        }
        setDefaultMenus();
        prepareJson();
        recoverInbox();
        startPollingWithRetry();
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
                    .replyMarkup(KeyboardMarkup.inline(new io.github.yclientsbot.chat.Keyboard(List.of(List.of(
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
                    () -> mapper, () -> pollHttp, () -> pollExecutor, () -> new PollBackOff(pollRetry.toMillis(), 30_000));
            try {
                // the application starts out running: registering the bot starts its session (deleteWebhook, then polling)
                session = candidate.registerBot(connection.token(), connection::url, this::getUpdates, dispatcher);
                app = candidate;
                log.info("Polling Telegram as @{}", connection.username());
                return;
            } catch (TelegramApiException e) {
                closeQuietly(candidate);
                warned = connection.waitBeforeRetry(backOff, warned, e);
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

    public boolean isPolling() {
        TelegramBotsLongPollingApplication a = app;
        return a != null && a.isRunning();
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
        connection.close();
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
