package io.github.yclientsbot;

import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.config.ConfigException;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.console.ConsoleCommand;
import io.github.yclientsbot.console.ConsoleClock;
import io.github.yclientsbot.console.ConsoleMode;
import io.github.yclientsbot.console.ConsoleOutbox;
import io.github.yclientsbot.console.ConsoleTransport;
import io.github.yclientsbot.console.DocumentFolder;
import io.github.yclientsbot.demo.DemoYclients;
import io.github.yclientsbot.http.HttpEndpoints;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.telegram.InvalidBotTokenException;
import io.github.yclientsbot.telegram.TelegramConnection;
import io.github.yclientsbot.telegram.TelegramTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/**
 * The composition root: builds every part with plain constructors, layer by layer ({@link CoreServices}, then
 * {@link ChatLayer}, then the transport, {@link BackgroundJobs} and the HTTP port), starts the bot, and shuts it
 * down in reverse order. Nothing else creates long-lived objects. Only the transport differs between Telegram long
 * polling and the console ({@link #startConsole}), which builds no Telegram part at all.
 */
public final class BotApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotApplication.class);

    /** Who carries the messages. */
    public enum Transport { TELEGRAM, CONSOLE }

    /**
     * Knobs that are not user configuration: tests shorten the long poll and run unpaced; {@code cacheTtl} null =
     * yclients.cache.ttl-seconds.
     */
    public record Options(int pollTimeoutSeconds, Duration cacheTtl, Clock clock, Pacing pacing) {
        public static Options production() {
            return new Options(50, null, Clock.systemUTC(), Pacing.production());
        }

        /** These options on another clock (the console's, which {@code /clock} moves). */
        public Options withClock(Clock other) {
            return new Options(pollTimeoutSeconds, cacheTtl, other, pacing);
        }

        /** Tests of behaviour: a short long poll, no pacing, back-offs shortened ({@link Pacing#none()}). */
        public static Options unpaced(int pollTimeoutSeconds, Duration cacheTtl, Clock clock) {
            return new Options(pollTimeoutSeconds, cacheTtl, clock, Pacing.none());
        }
    }

    private final CoreServices core;
    private final ChatLayer chat;
    private final BackgroundJobs background;
    /** Runs the reminders that come due: started after the transport, stopped before the database closes. */
    private final ReminderScheduler reminders;
    private final DemoYclients demo;
    /** Where the bot's own messages wait for the console to print them (unused in Telegram mode). */
    private final ConsoleOutbox consoleOutbox;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Null in console mode. */
    private final TelegramTransport telegram;
    /** Null when bot.http.port is off; set once, right after construction. */
    private volatile HttpEndpoints http;
    private volatile boolean closed;

    private BotApplication(CoreServices core, ChatLayer chat, TelegramTransport telegram, BackgroundJobs background,
                           ReminderScheduler reminders, DemoYclients demo, ConsoleOutbox consoleOutbox) {
        this.reminders = reminders;
        this.core = core;
        this.chat = chat;
        this.telegram = telegram;
        this.background = background;
        this.demo = demo;
        this.consoleOutbox = consoleOutbox;
    }

    /** The one ObjectMapper: tolerant of fields we do not know. */
    public static com.fasterxml.jackson.databind.ObjectMapper objectMapper() {
        return CoreServices.objectMapper();
    }

    /** The bot on Telegram: the config must hold the bot token. */
    public static BotApplication start(BotConfig config, Options options) throws StartupException {
        BotApplication app = create(config, options);
        app.run();
        return app;
    }

    /**
     * Builds the Telegram bot and opens the database without talking to Telegram yet, so the caller can
     * install a shutdown hook before {@link #run()} (which may wait for Telegram to be reachable).
     */
    public static BotApplication create(BotConfig config, Options options) throws StartupException {
        if (config.telegram().botToken().isEmpty()) {
            throw new StartupException(SettingKey.TELEGRAM_BOT_TOKEN.key() + " is missing: set "
                    + SettingKey.TELEGRAM_BOT_TOKEN.envName() + " (get a token from @BotFather), or try --console", 2);
        }
        return build(config, options, Transport.TELEGRAM, null);
    }

    /** Connects to Telegram (waiting while it is unreachable) and starts polling. No-op in console mode. */
    public void run() throws StartupException {
        if (telegram == null) {
            return;
        }
        try {
            telegram.start();
        } catch (InvalidBotTokenException e) {
            close();
            throw new StartupException(e.getMessage(), 2);
        }
        if (!closed) {
            reminders.start();
            log.info("Bot started (version {}, Telegram)", Version.current());
        }
    }

    /**
     * The bot for the console: no Telegram part is built and no token is needed. Speaks as fixed fake users
     * ({@link ConsoleMode}); run it with {@link #runConsole}.
     *
     * @param demo     serve a sample salon from a built-in YCLIENTS and point the bot at it
     * @param inMemory keep the data in an in-memory database (no {@code --config} given)
     */
    public static BotApplication startConsole(BotConfig loaded, Options options, boolean demo, boolean inMemory)
            throws StartupException {
        DemoYclients demoServer = null;
        try {
            if (demo) {
                demoServer = DemoYclients.start(CoreServices.objectMapper(), options.clock());
            }
            BotConfig config = ConsoleMode.configure(loaded, inMemory);
            if (demoServer != null) {
                config = demoServer.preset(config);
            }
            BotApplication app = build(config, options, Transport.CONSOLE, demoServer);
            app.reminders.start();
            log.info("Bot started (version {}, console)", Version.current());
            return app;
        } catch (IOException e) {
            throw new StartupException("cannot start the demo YCLIENTS on 127.0.0.1: " + e.getMessage(), 1);
        } catch (ConfigException e) {
            closeDemo(demoServer);
            throw new StartupException("Configuration error: " + e.getMessage(), 2);
        } catch (StartupException | RuntimeException e) {
            closeDemo(demoServer);
            throw e;
        }
    }

    private static void closeDemo(DemoYclients demo) {
        if (demo != null) {
            demo.close();
        }
    }

    private static BotApplication build(BotConfig config, Options options, Transport transport, DemoYclients demo)
            throws StartupException {
        CoreServices core = CoreServices.open(config, options);
        try {
            TelegramConnection connection = transport == Transport.TELEGRAM
                    ? new TelegramConnection(config.telegram().botToken(), config.telegram().apiUrl(), core.mapper(),
                            options.pacing().sleeper())
                    : null;
            ChatLayer chat = connection == null
                    ? ChatLayer.build(core, () -> null, ChatLayer.NO_DOWNLOADS)
                    : ChatLayer.build(core, connection::username, connection);
            TelegramLayer.Built built = connection == null ? null : TelegramLayer.build(core, chat, connection);
            TelegramTransport telegram = built == null ? null : built.transport();
            // the console prints what the bot sends on its own after each line (see runConsole)
            ConsoleOutbox consoleOutbox = new ConsoleOutbox();
            Outbox outbox = built == null ? consoleOutbox : built.outbox();
            if (demo != null) {
                demo.seedButtons(core.database().serviceMappings());
            }
            StartupCheck.readChain(core.branches().forCaller(Caller.BACKGROUND), true);
            StartupCheck.log(core.settings(), core.yclients(), chat.companySetup(), chat.menu(), BackgroundJobs.period(core));
            ReminderScheduler reminders = ReminderScheduler.build(core, chat, outbox);
            core.stats().remindersPendingFrom(reminders::pending);
            BotApplication app = new BotApplication(core, chat, telegram, BackgroundJobs.start(core, chat, outbox),
                    reminders, demo, consoleOutbox);
            if (telegram != null) {
                telegram.onFatal(app::close);
            }
            if (config.recordWatch().webhookSecret().isPresent() && config.http().port().isEmpty()) {
                log.warn("{} is set but {} is off: YCLIENTS cannot post its events; the record poll alone runs",
                        SettingKey.YCLIENTS_WEBHOOK_SECRET.key(), SettingKey.BOT_HTTP_PORT.key());
            }
            if (config.http().port().isPresent()) {
                try {
                    app.http = HttpEndpoints.start(config.http().host(), config.http().port().getAsInt(),
                            new HttpEndpoints.Health(app::isPolling, core.database()::ping, core.stats(), Version.current()),
                            core.metrics(), chat.menu(), config.http().apiKey(), core.mapper(),
                            config.recordWatch().webhookSecret().map(secret ->
                                    new HttpEndpoints.Webhook(secret, app.background.records().hints())));
                } catch (IOException | RuntimeException e) {
                    app.close();
                    throw new StartupException("cannot listen on " + config.http().host() + ":" + config.http().port().getAsInt()
                            + " (" + e.getMessage() + "): free the port or change " + SettingKey.BOT_HTTP_PORT.key()
                            + " / " + SettingKey.BOT_HTTP_PORT.envName(), 2);
                }
            }
            return app;
        } catch (RuntimeException | StartupException e) {
            core.close();
            throw e;
        }
    }

    public ChatBot bot() {
        return chat.bot();
    }

    /** 0 after a normal stop; 3 when Telegram reported another process polling with the same token. */
    public int exitCode() {
        return telegram != null && telegram.stoppedByConflict() ? 3 : 0;
    }

    /** Telegram polling runs; in console mode: the bot has not been closed. */
    public boolean isPolling() {
        return telegram == null ? !closed : telegram.isPolling();
    }

    /**
     * Console mode: reads lines from {@code in} and prints the bot's replies to {@code out} until the end of
     * input, then returns (the caller closes the application). Files the bot sends are saved in {@code documents};
     * {@code log} says where the log goes (a file, stderr), for the banner — null: not said.
     */
    public void runConsole(InputStream in, PrintStream out, Path documents, String log) {
        if (telegram != null) {
            throw new IllegalStateException("this application was started for Telegram");
        }
        String language = core.config().locale().language();
        List<ConsoleCommand> consoleCommands = demo == null ? List.of()
                : List.of(new DemoConsoleCommand(demo, background.records().poll()::run, core.messages(), language));
        ConsoleTransport console = new ConsoleTransport(in, out, chat.bot(), core.stats(), core.messages(), language,
                new DocumentFolder(documents), consoleOutbox, consoleCommands,
                core.clock() instanceof ConsoleClock moved ? moved : null, reminders::runDueNow);
        String hint = demo == null ? null
                : core.messages().get(language, "console.demo.hint", "company", DemoYclients.COMPANY_ID,
                "phone", DemoYclients.ELSEWHERE_PHONE);
        console.run(console.banner(hint, log));
    }

    /** The HTTP port actually bound (when bot.http.port is on). */
    public OptionalInt httpPort() {
        HttpEndpoints h = http;
        return h == null ? OptionalInt.empty() : OptionalInt.of(h.port());
    }

    RuntimeStats stats() {
        return core.stats();
    }

    /** For tests: the database, to close it under a running bot. */
    Database database() {
        return core.database();
    }

    /** For tests: the Telegram transport (null in console mode), to stop polling under a running bot. */
    TelegramTransport telegram() {
        return telegram;
    }

    /** For the wiring test: the limiter every YCLIENTS call waits on. */
    io.github.yclientsbot.ratelimit.RequestLimiter yclientsLimiter() {
        return core.yclients().client().limiter();
    }

    /** Blocks until {@link #close()} is called. */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Stopping the bot");
        if (http != null) {
            http.close();
        }
        if (telegram != null) {
            // polling stops, updates in flight get the budget, the rest stays in the inbox for the next start
            telegram.close(core.config().updates().shutdownBudget());
        }
        background.close();
        reminders.close();
        core.close();
        closeDemo(demo);
        stopped.countDown();
        log.info("Bot stopped");
    }
}
