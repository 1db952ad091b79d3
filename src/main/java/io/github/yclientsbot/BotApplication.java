package io.github.yclientsbot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.booking.CatalogRefresher;
import io.github.yclientsbot.booking.PriceFormat;
import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.setup.ClaimCode;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.setup.ExportImport;
import io.github.yclientsbot.setup.NotReadyException;
import io.github.yclientsbot.setup.Readiness;
import io.github.yclientsbot.setup.Roles;
import io.github.yclientsbot.setup.ServiceSetup;
import io.github.yclientsbot.setup.Settings;
import io.github.yclientsbot.setup.StatusReport;
import io.github.yclientsbot.setup.TokenSetup;
import io.github.yclientsbot.setup.YclientsDirectory;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.storage.StorageException;
import io.github.yclientsbot.telegram.InvalidBotTokenException;
import io.github.yclientsbot.telegram.TelegramTransport;
import io.github.yclientsbot.yclients.BookingLinkBuilder;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * down in reverse order. Nothing else creates long-lived objects.
 */
public final class BotApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotApplication.class);

    /** Knobs that are not user configuration: tests shorten the long poll and the cache. */
    public record Options(int pollTimeoutSeconds, Duration cacheTtl, Clock clock) {
        public static Options production() {
            return new Options(50, Duration.ofMinutes(5), Clock.systemUTC());
        }
    }

    private final Database database;
    private final TelegramTransport telegram;
    private final ScheduledExecutorService background;
    private final ChatBot bot;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closed;

    private BotApplication(Database database, TelegramTransport telegram, ScheduledExecutorService background, ChatBot bot) {
        this.database = database;
        this.telegram = telegram;
        this.background = background;
        this.bot = bot;
    }

    /** The one ObjectMapper: tolerant of fields we do not know. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public static BotApplication start(BotConfig config, Options options) throws StartupException {
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

            YclientsClient yclientsClient = new YclientsClient(YclientsClient.defaultHttpClient(), mapper, config.yclientsApiUrl());
            YclientsDirectory yclients = new YclientsDirectory(yclientsClient, settings, options.clock(), options.cacheTtl());
            Messages messages = new Messages(config.language());
            Roles roles = new Roles(config.admins(), config.support(), database.admins());
            ClaimCode claim = new ClaimCode(database.admins(), database.auditLog());
            if (!roles.hasAnyAdmin()) {
                String code = claim.open(new SecureRandom());
                log.warn("No admin is configured. To become the admin, send this to the bot in a private chat: /claim {}"
                        + " (the code works once; or list your Telegram id in bot.admins / BOT_ADMINS)", code);
            }
            PriceFormat prices = new PriceFormat(config.currency());
            BookingLinkBuilder links = new BookingLinkBuilder(config.yclientsBookingTemplate());
            ServiceMenu menu = new ServiceMenu(settings, database.serviceMappings(), links, prices);
            StatusReport status = new StatusReport(settings, yclients, database.serviceMappings(), database.auditLog(),
                    stats, database::ping, Version.current());

            TelegramTransport[] transport = new TelegramTransport[1];
            ChatBot bot = new ChatBot(messages, roles, () -> transport[0] == null ? null : transport[0].username(), menu, claim,
                    new TokenSetup(settings, yclients, database.auditLog()),
                    new CompanySetup(settings, yclients, database.serviceMappings(), database.auditLog()),
                    new ServiceSetup(yclients, database.serviceMappings(), database.auditLog()),
                    yclients, status, prices,
                    new ExportImport(settings, database.serviceMappings(), database.admins(), database.restore(),
                            database.auditLog(), yclients, mapper, options.clock(), Version.current()),
                    (fileId, maxBytes) -> transport[0].download(fileId, maxBytes));
            transport[0] = new TelegramTransport(config.telegramBotToken(), config.telegramApiUrl(), mapper, bot, stats,
                    options.pollTimeoutSeconds(), config.language());

            logYclientsReadiness(settings, yclients);

            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "catalog-refresh");
                t.setDaemon(true);
                return t;
            });
            long refreshSeconds = Math.max(10, options.cacheTtl().toSeconds());
            background.scheduleWithFixedDelay(new CatalogRefresher(yclients, database.serviceMappings()),
                    refreshSeconds, refreshSeconds, TimeUnit.SECONDS);

            BotApplication app = new BotApplication(database, transport[0], background, bot);
            try {
                transport[0].start();
            } catch (InvalidBotTokenException e) {
                app.close();
                throw new StartupException(e.getMessage(), 2);
            }
            log.info("Bot started (version {})", Version.current());
            return app;
        } catch (RuntimeException e) {
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
    private static void logYclientsReadiness(Settings settings, YclientsDirectory yclients) {
        Readiness r = yclients.readiness();
        if (!r.enabled()) {
            log.warn("YCLIENTS is disabled (yclients.enabled=false or /disable): customers are told online booking is unavailable");
            return;
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
            if (settings.get(SettingKey.YCLIENTS_BOOKING_URL).value() == null) {
                c.defaultBookform().flatMap(f -> BookingLinkBuilder.normalizeFormUrl(f.url()))
                        .ifPresent(url -> settings.rememberDiscoveredForm(c.id(), url));
            }
            String form = settings.bookingForm().map(f -> f.url() + " (" + f.sourceLabel() + ")")
                    .orElse("none — set one with /setbookingurl");
            log.info("YCLIENTS ready: company {} «{}», booking form {}", c.id(), c.displayTitle(), form);
        } catch (YclientsException e) {
            log.warn("YCLIENTS is configured (company {}) but did not answer the start-up check: {}."
                    + " Customers still get their booking buttons.", settings.companyId().orElse(0), e.getMessage());
        } catch (NotReadyException e) {
            log.warn("YCLIENTS is not ready: {}", e.getMessage());
        }
    }

    public ChatBot bot() {
        return bot;
    }

    public boolean isPolling() {
        return telegram.isPolling();
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
        telegram.close();
        background.shutdownNow();
        database.close();
        stopped.countDown();
        log.info("Bot stopped");
    }
}
