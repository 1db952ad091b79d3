package io.github.yclientsbot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.company.ServiceButtons;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.StorageConfig;
import io.github.yclientsbot.health.JvmMeters;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.ratelimit.Shares;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.storage.StorageException;
import io.github.yclientsbot.yclients.CallPolicy;
import io.github.yclientsbot.yclients.YclientsClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The first layer the composition root builds, shared by every transport: the one meter registry (with the JVM's
 * meters), the database and the secret key, the effective settings (chat › environment › .env › file › default),
 * YCLIENTS behind its cache, the counters and the message bundles, and the one {@link ObjectMapper}. Closing it
 * closes the database and the JVM meters.
 *
 * @param metrics  the one meter registry, served as {@code GET /metrics}
 * @param cacheTtl how long the company, catalog and specialists are cached
 * @param branches the branches the bot serves (one company, a list, or a chain), described from YCLIENTS
 */
public record CoreServices(BotConfig config, BotApplication.Options options, PrometheusMeterRegistry metrics,
                           JvmMeters jvmMeters, Database database, SecretBox secrets, ObjectMapper mapper,
                           RuntimeStats stats, Settings settings, YclientsDirectory yclients, Messages messages,
                           Duration cacheTtl, Branches branches) implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CoreServices.class);

    /** The one ObjectMapper: tolerant of fields we do not know. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Opens the database (exit code 1 when it cannot be opened) and builds what sits on it. Secrets from the
     * configuration and those stored in chat are registered with the log redactor before anything is logged.
     */
    public static CoreServices open(BotConfig config, BotApplication.Options options) throws StartupException {
        registerSecrets(config);
        config.warnings().forEach(w -> log.warn("Configuration: {}", w));
        Clock clock = options.clock();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmMeters jvmMeters = JvmMeters.bindTo(metrics);
        ObjectMapper mapper = objectMapper();
        Database database;
        SecretBox secrets;
        try {
            StorageConfig storage = config.storage();
            secrets = SecretBox.fromKeyOrFile(storage.secretKey(), storage.secretFile());
            database = Database.open(storage.dbUrl(), blankToNull(storage.dbUser()), blankToNull(storage.dbPassword()),
                    clock, metrics, new PlainSecretsUpgrade(mapper, secrets));
        } catch (StorageException e) {
            closeMeters(jvmMeters, metrics);
            throw new StartupException(e.getMessage(), 1);
        }
        try {
            RuntimeStats stats = new RuntimeStats(clock, metrics);
            Settings settings = new Settings(config, database.settings(secrets));
            registerStoredSecrets(settings);
            warnAboutShadowedEnvironment(settings);
            YclientsClient client = YclientsClient.builder(YclientsClient.defaultHttpClient(), mapper, config.yclients().apiUrl())
                    .time(clock, System::nanoTime, options.pacing().sleeper())
                    .limiter(options.pacing().yclients().get())
                    .shares(Shares.YCLIENTS)
                    .policy(CallPolicy.DEFAULT)
                    .listener((method, path, outcome, millis) -> stats.yclientsCall(outcome))
                    .build();
            Duration cacheTtl = options.cacheTtl() != null ? options.cacheTtl() : config.yclients().cacheTtl();
            YclientsDirectory yclients = new YclientsDirectory(client, settings, clock, cacheTtl);
            // the buttons of a database from before branches (or of an old export) are the first branch's
            ServiceButtons.settle(settings, database.serviceMappings());
            return new CoreServices(config, options, metrics, jvmMeters, database, secrets, mapper, stats, settings,
                    yclients, new Messages(config.locale().language()), cacheTtl,
                    new Branches(client, settings, clock, cacheTtl));
        } catch (RuntimeException e) {
            database.close();
            closeMeters(jvmMeters, metrics);
            throw e;
        }
    }

    public Clock clock() {
        return options.clock();
    }

    @Override
    public void close() {
        database.close();
        closeMeters(jvmMeters, metrics);
    }

    private static void closeMeters(JvmMeters jvmMeters, PrometheusMeterRegistry metrics) {
        jvmMeters.close();
        metrics.close();
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
                .map(Map.Entry::getKey).findFirst().orElse(key.key());
    }
}
