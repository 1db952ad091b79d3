package io.github.yclientsbot;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.booking.CatalogRefresher;
import io.github.yclientsbot.booking.PriceFormat;
import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigException;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.console.ConsoleMode;
import io.github.yclientsbot.console.ConsoleTransport;
import io.github.yclientsbot.demo.DemoYclients;
import io.github.yclientsbot.http.HttpEndpoints;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.setup.ClaimCode;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.setup.ExportImport;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.setup.Roles;
import io.github.yclientsbot.setup.ServiceSetup;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.setup.StatusReport;
import io.github.yclientsbot.setup.TokenSetup;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.storage.StorageException;
import io.github.yclientsbot.telegram.Dispatch;
import io.github.yclientsbot.telegram.InvalidBotTokenException;
import io.github.yclientsbot.telegram.TelegramTransport;
import io.github.yclientsbot.yclients.BookingLinkBuilder;
import io.github.yclientsbot.yclients.CallPolicy;

import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: builds every part with plain constructors, starts the bot, and shuts it
 * down in reverse order. Nothing else creates long-lived objects. The chat bot and everything behind it
 * are built in one place for every transport; only the transport differs: Telegram long polling, or the
 * console ({@link #startConsole}), which builds no Telegram part at all.
 */
public final class BotApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotApplication.class);

    /** Who carries the messages. */
    public enum Transport { TELEGRAM, CONSOLE }

    /** Knobs that are not user configuration: tests shorten the long poll; {@code cacheTtl} null = yclients.cache.ttl-seconds. */
    public record Options(int pollTimeoutSeconds, Duration cacheTtl, Clock clock) {
        public static Options production() {
            return new Options(50, null, Clock.systemUTC());
        }
    }

    private final Database database;
    private final ScheduledExecutorService background;
    private final ChatBot bot;
    private final RuntimeStats stats;
    private final Messages messages;
    private final String language;
    private final DemoYclients demo;
    private final Duration shutdownBudget;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Null in console mode. */
    private volatile TelegramTransport telegram;
    /** Null when bot.http.port is off. */
    private volatile HttpEndpoints http;
    private volatile boolean closed;

    private BotApplication(Database database, ScheduledExecutorService background, ChatBot bot, RuntimeStats stats,
                           Messages messages, String language, DemoYclients demo, Duration shutdownBudget) {
        this.database = database;
        this.background = background;
        this.bot = bot;
        this.stats = stats;
        this.messages = messages;
        this.language = language;
        this.demo = demo;
        this.shutdownBudget = shutdownBudget;
    }

    /** The one ObjectMapper: tolerant of fields we do not know. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The bot on Telegram: the config must hold the bot token. */
    public static BotApplication start(BotConfig config, Options options) throws StartupException {
        if (config.telegramBotToken().isEmpty()) {
            throw new StartupException(SettingKey.TELEGRAM_BOT_TOKEN.key() + " is missing: set "
                    + SettingKey.TELEGRAM_BOT_TOKEN.envName() + " (get a token from @BotFather), or try --console", 2);
        }
        BotApplication app = create(config, options);
        app.run();
        return app;
    }

    /**
     * Builds the Telegram bot and opens the database without talking to Telegram yet, so the caller can
     * install a shutdown hook before {@link #run()} (which may wait for Telegram to be reachable).
     */
    public static BotApplication create(BotConfig config, Options options) throws StartupException {
        if (config.telegramBotToken().isEmpty()) {
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
                demoServer = DemoYclients.start();
            }
            BotConfig config = ConsoleMode.configure(loaded, inMemory);
            if (demoServer != null) {
                config = demoServer.preset(config);
            }
            BotApplication app = build(config, options, Transport.CONSOLE, demoServer);
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
        registerSecrets(config);
        config.warnings().forEach(w -> log.warn("Configuration: {}", w));

        Database database;
        SecretBox secrets;
        try {
            secrets = SecretBox.fromKeyOrFile(config.secretKey(), config.secretFile());
            database = Database.open(config.dbUrl(), blankToNull(config.dbUser()), blankToNull(config.dbPassword()), options.clock());
        } catch (StorageException e) {
            throw new StartupException(e.getMessage(), 1);
        }
        try {
            ObjectMapper mapper = objectMapper();
            RuntimeStats stats = new RuntimeStats(options.clock());
            Settings settings = new Settings(config, database.settings(secrets));
            registerStoredSecrets(settings);
            warnAboutShadowedEnvironment(settings);

            YclientsClient yclientsClient = new YclientsClient(YclientsClient.defaultHttpClient(), mapper,
                    config.yclientsApiUrl(), options.clock(), RequestLimiter.yclientsDefault(), CallPolicy.DEFAULT,
                    (method, path, outcome, millis) -> stats.yclientsCall(outcome));
            Duration cacheTtl = options.cacheTtl() != null ? options.cacheTtl() : config.yclientsCacheTtl();
            YclientsDirectory yclients = new YclientsDirectory(yclientsClient, settings, options.clock(), cacheTtl);
            Messages messages = new Messages(config.language());
            Roles roles = new Roles(config.admins(), config.support(), database.admins());
            ClaimCode claim = new ClaimCode(database.admins(), roles, database.auditLog());
            if (!roles.hasAnyAdmin()) {
                String code = claim.open(new SecureRandom());
                log.warn("No admin is configured. To become the admin, send this to the bot in a private chat: /claim {}"
                        + " (the code works once; or list your Telegram id in bot.admins / BOT_ADMINS)", code);
            }
            PriceFormat prices = new PriceFormat(config.currency());
            BookingLinkBuilder links;
            try {
                links = new BookingLinkBuilder(config.yclientsBookingTemplate());
            } catch (IllegalArgumentException e) {
                throw new StartupException("yclients.booking.template (YCLIENTS_BOOKING_TEMPLATE): " + e.getMessage(), 2);
            }
            ServiceMenu menu = new ServiceMenu(settings, database.serviceMappings(), links, prices);
            StatusReport status = new StatusReport(settings, yclients, database.serviceMappings(), database.auditLog(),
                    stats, database::ping, Version.current());

            CompanySetup companySetup = new CompanySetup(settings, yclients, database.serviceMappings(), database.auditLog());
            io.github.yclientsbot.booking.BookingDrafts drafts = new io.github.yclientsbot.booking.BookingDrafts(database.bookingStates());
            io.github.yclientsbot.booking.PrivacyConsent consent =
                    new io.github.yclientsbot.booking.PrivacyConsent(settings, database.bookingConsents());
            TelegramTransport[] telegram = new TelegramTransport[1];
            ChatBot bot = new ChatBot(messages, roles, () -> telegram[0] == null ? null : telegram[0].username(), menu, claim,
                    new TokenSetup(settings, yclients, database.auditLog()),
                    companySetup,
                    new ServiceSetup(yclients, database.serviceMappings(), database.auditLog()),
                    yclients, status, prices,
                    new ExportImport(settings, database.serviceMappings(), database.admins(), database.restore(),
                            database.auditLog(), yclients, mapper, options.clock(), Version.current()),
                    (fileId, maxBytes) -> {
                        if (telegram[0] == null) {
                            throw new io.github.yclientsbot.chat.DocumentDownloader.DownloadException("files come only through Telegram", false);
                        }
                        return telegram[0].download(fileId, maxBytes);
                    },
                    new io.github.yclientsbot.booking.BookingService(settings, yclients, database.serviceMappings(), options.clock()),
                    drafts,
                    consent,
                    database.bookingReferences(),
                    new io.github.yclientsbot.booking.BookingQuotas(config.bookingLimits(), database.bookingLimitEvents(),
                            secrets::fingerprint, options.clock()),
                    new io.github.yclientsbot.booking.RememberedContacts(database.customerContacts(secrets), consent));
            if (transport == Transport.TELEGRAM) {
                telegram[0] = new TelegramTransport(config.telegramBotToken(), config.telegramApiUrl(), mapper, bot, stats,
                        options.pollTimeoutSeconds(), config.language(), config.telegramRatePerSecond(), database.inbox(),
                        new Dispatch(config.workers(), Dispatch.DEFAULT_MAX_BACKLOG, config.floodMaxUpdates(),
                                config.floodWindow(), options.clock()));
            }
            if (demo != null) {
                demo.seedButtons(database.serviceMappings());
            }

            logYclientsReadiness(settings, yclients, companySetup);

            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "catalog-refresh");
                t.setDaemon(true);
                return t;
            });
            long refreshSeconds = Math.max(10, cacheTtl.toSeconds());
            CatalogRefresher catalogRefresher = new CatalogRefresher(yclients, database.serviceMappings());
            background.scheduleWithFixedDelay(() -> {
                catalogRefresher.run();
                purgeExpiredDrafts(drafts);
                purgeOldLimitEvents(database.bookingLimitEvents());
                discoverQuietly(companySetup);
            }, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);

            BotApplication app = new BotApplication(database, background, bot, stats, messages, config.language(), demo,
                    config.shutdownBudget());
            app.telegram = telegram[0];
            if (app.telegram != null) {
                app.telegram.onFatal(app::close);
            }
            if (config.httpPort().isPresent()) {
                try {
                    app.http = HttpEndpoints.start(config.httpHost(), config.httpPort().getAsInt(),
                            new HttpEndpoints.Health(app::isPolling, database::ping, stats, Version.current()),
                            menu, config.httpApiKey(), mapper);
                } catch (IOException | RuntimeException e) {
                    app.close();
                    throw new StartupException("cannot listen on " + config.httpHost() + ":" + config.httpPort().getAsInt()
                            + " (" + e.getMessage() + "): free the port or change " + SettingKey.BOT_HTTP_PORT.key()
                            + " / " + SettingKey.BOT_HTTP_PORT.envName(), 2);
                }
            }
            return app;
        } catch (RuntimeException | StartupException e) {
            database.close();
            throw e;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void registerSecrets(BotConfig config) {
        for (SettingKey key : SettingKey.values()) {
            if (key.secret() && config.get(key).isSet()) {
                SecretRedactor.register(config.get(key).value());
            }
        }
    }

    private static void registerStoredSecrets(Settings settings) {
        for (SettingKey key : List.of(SettingKey.YCLIENTS_API_TOKEN, SettingKey.YCLIENTS_USER_TOKEN)) {
            Settings.Value v = settings.get(key);
            if (v.isSet()) {
                SecretRedactor.register(v.value());
            }
        }
    }

    private static void warnAboutShadowedEnvironment(Settings settings) {
        for (SettingKey key : settings.chatValuesShadowingEnvironment()) {
            log.warn("{} was set in chat and the chat value is used, but {} in the environment holds a different value."
                    + " If you rotated it there, run /unset {} in the bot (or set it again in chat).",
                    key.key(), key.envName(), unsetName(key));
        }
    }

    private static String unsetName(SettingKey key) {
        return CompanySetup.UNSET_NAMES.entrySet().stream()
                .filter(e -> e.getValue() == key && !e.getKey().equals("api"))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(key.key());
    }

    /** One line: ready (company, form) or exactly what is missing. */
    /** Booking conversations idle past their time-out are deleted, not just ignored. */
    /** The booking limits' counters older than two days are deleted (also on every write). */
    private static void purgeOldLimitEvents(io.github.yclientsbot.storage.BookingLimitEvents events) {
        try {
            int n = events.deleteOld();
            if (n > 0) {
                log.debug("Deleted {} old booking limit counter(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete old booking limit counters: {}", e.toString());
        }
    }

    private static void purgeExpiredDrafts(io.github.yclientsbot.booking.BookingDrafts drafts) {
        try {
            int n = drafts.deleteExpired();
            if (n > 0) {
                log.info("Deleted {} expired booking conversation(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete expired booking conversations: {}", e.toString());
        }
    }

    private static void logYclientsReadiness(Settings settings, YclientsDirectory yclients, CompanySetup company) {
        Readiness r = yclients.readiness();
        if (!r.enabled()) {
            log.warn("Online booking is switched off (yclients.enabled=false or /disable): customers are told it is unavailable");
        }
        if (!r.ready()) {
            List<String> missing = new ArrayList<>();
            for (Readiness.Missing m : r.missing()) {
                missing.add(switch (m) {
                    case PARTNER_TOKEN -> "partner token (YCLIENTS_API_TOKEN, or /settoken partner in chat)";
                    case PARTNER_TOKEN_UNREADABLE -> "partner token: the stored one cannot be decrypted with this secret key (enter it again with /settoken partner)";
                    case USER_TOKEN_UNREADABLE -> "user token: the stored one cannot be decrypted (enter it again with /settoken user or /yclogin)";
                    case COMPANY_ID -> "company id (YCLIENTS_COMPANY_ID, or /setcompany in chat)";
                });
            }
            log.warn("YCLIENTS is not ready, missing: {}", String.join("; ", missing));
            return;
        }
        try {
            Company c = yclients.company();
            String form = company.discoverBookingForm().map(f -> f.url() + " (" + f.sourceLabel() + ")")
                    .orElse("none — set one with /setbookingurl");
            log.info("YCLIENTS ready: company {} «{}», booking form {}", c.id(), c.displayTitle(), form);
        } catch (YclientsException e) {
            log.warn("YCLIENTS is configured (company {}) but did not answer the start-up check: {}."
                    + " Customers still get their booking buttons.", settings.companyId().orElse(0), e.getMessage());
        } catch (NotReadyException e) {
            log.warn("YCLIENTS is not ready: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("The YCLIENTS start-up check failed unexpectedly ({}); customers still get their booking buttons", e.toString());
        }
    }

    private static void discoverQuietly(CompanySetup company) {
        try {
            company.discoverBookingForm();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            log.debug("Booking form discovery skipped: {}", e.getMessage());
        }
    }

    public ChatBot bot() {
        return bot;
    }

    /** 0 after a normal stop; 3 when Telegram reported another process polling with the same token. */
    public int exitCode() {
        TelegramTransport t = telegram;
        return t != null && t.stoppedByConflict() ? 3 : 0;
    }

    /** Telegram polling runs; in console mode: the bot has not been closed. */
    public boolean isPolling() {
        TelegramTransport t = telegram;
        return t == null ? !closed : t.isPolling();
    }

    /**
     * Console mode: reads lines from {@code in} and prints the bot's replies to {@code out} until the end of
     * input, then returns (the caller closes the application).
     */
    public void runConsole(InputStream in, PrintStream out) {
        if (telegram != null) {
            throw new IllegalStateException("this application was started for Telegram");
        }
        ConsoleTransport console = new ConsoleTransport(in, out, bot, stats, messages, language);
        String hint = demo == null ? null : messages.get(language, "console.demo.hint", "company", DemoYclients.COMPANY_ID);
        console.run(console.banner(hint));
    }

    /** The HTTP port actually bound (when bot.http.port is on). */
    public java.util.OptionalInt httpPort() {
        HttpEndpoints h = http;
        return h == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(h.port());
    }

    RuntimeStats stats() {
        return stats;
    }

    /** For tests: the database, to close it under a running bot. */
    Database database() {
        return database;
    }

    /** For tests: the Telegram transport (null in console mode), to stop polling under a running bot. */
    TelegramTransport telegram() {
        return telegram;
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
            telegram.close(shutdownBudget);
        }
        background.shutdownNow();
        database.close();
        closeDemo(demo);
        stopped.countDown();
        log.info("Bot stopped");
    }
}
