package io.github.yclientsbot.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The bot's settings: immutable and validated when created, one record per area ({@link #telegram()},
 * {@link #roles()}, {@link #locale()}, {@link #storage()}, {@link #yclients()}, {@link #booking()},
 * {@link #reminders()}, {@link #http()}, {@link #updates()}), so every value they hold is already known to be well-formed; a bad value
 * stops the start with one line naming its key. Built by {@link ConfigLoader}; chat-set values are applied on top
 * with {@link #with(SettingKey, String)}. Secrets are masked in every {@code toString}.
 */
public final class BotConfig {

    private final Map<SettingKey, ConfigValue> values;
    private final List<String> fileWarnings;
    private final List<String> warnings;
    private final Path workingDir;
    private final String configFileName;

    private final TelegramConfig telegram;
    private final RolesConfig roles;
    private final LocaleConfig locale;
    private final StorageConfig storage;
    private final YclientsConfig yclients;
    private final HttpConfig http;
    private final BookingConfig booking;
    private final ReminderConfig reminders;
    private final FollowupConfig followup;
    private final UpdatesConfig updates;
    private final RecordWatchConfig recordWatch;

    private BotConfig(Map<SettingKey, ConfigValue> values, List<String> fileWarnings, Path workingDir,
                      String configFileName, boolean telegramTokenRequired) throws ConfigException {
        EnumMap<SettingKey, ConfigValue> all = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            all.put(key, values.getOrDefault(key, defaultOf(key)));
        }
        this.values = Collections.unmodifiableMap(all);
        this.fileWarnings = List.copyOf(fileWarnings);
        this.workingDir = workingDir;
        this.configFileName = configFileName;

        SettingReader reader = new SettingReader(this.values, configFileName);
        ExamplePlaceholders.refuse(reader);
        this.telegram = TelegramConfig.read(reader, telegramTokenRequired);
        this.roles = RolesConfig.read(reader);
        this.locale = LocaleConfig.read(reader);
        this.storage = StorageConfig.read(reader, workingDir);
        this.yclients = YclientsConfig.read(reader);
        this.http = HttpConfig.read(reader);
        this.booking = BookingConfig.read(reader);
        this.reminders = ReminderConfig.read(reader);
        this.followup = FollowupConfig.read(reader);
        this.updates = UpdatesConfig.read(reader);
        this.recordWatch = RecordWatchConfig.read(reader);
        List<String> allWarnings = new ArrayList<>(this.fileWarnings);
        allWarnings.addAll(yclients.templateWarnings());
        this.warnings = List.copyOf(allWarnings);
    }

    /** Validates the values; keys missing from {@code values} get their defaults. */
    static BotConfig create(Map<SettingKey, ConfigValue> values, List<String> fileWarnings, Path workingDir,
                            String configFileName, boolean telegramTokenRequired) throws ConfigException {
        return new BotConfig(values, fileWarnings, workingDir, configFileName, telegramTokenRequired);
    }

    static ConfigValue defaultOf(SettingKey key) {
        String d = key.defaultValue();
        return d == null || d.isBlank() ? new ConfigValue("", Source.NONE) : new ConfigValue(d, Source.DEFAULT);
    }

    /** The Bot API: token, server, send rate. */
    public TelegramConfig telegram() {
        return telegram;
    }

    /** The admins and support staff listed in the configuration. */
    public RolesConfig roles() {
        return roles;
    }

    /** Default language and currency. */
    public LocaleConfig locale() {
        return locale;
    }

    /** The database and the secret key. */
    public StorageConfig storage() {
        return storage;
    }

    /** YCLIENTS as loaded (chat values come on top in {@code company.Settings}). */
    public YclientsConfig yclients() {
        return yclients;
    }

    /** How the bot learns of the company's records: the poll's period, the webhook's secret and public address. */
    public RecordWatchConfig recordWatch() {
        return recordWatch;
    }

    /** The optional HTTP port. */
    public HttpConfig http() {
        return http;
    }

    /** The customers' booking: mode, privacy policy, abuse limits. */
    public BookingConfig booking() {
        return booking;
    }

    /** The reminders of visits: when before a visit, and the quiet hours. */
    public ReminderConfig reminders() {
        return reminders;
    }

    /** The message after a visit: how long after its end, and the salon's review link. */
    public FollowupConfig followup() {
        return followup;
    }

    /** Workers, flood control and the shutdown budget. */
    public UpdatesConfig updates() {
        return updates;
    }

    /** The trimmed value and its source; {@link Source#DEFAULT} or {@link Source#NONE} when nothing set it. */
    public ConfigValue get(SettingKey key) {
        return values.get(key);
    }

    /** The value as it may be shown to support: secrets masked, {@code ""} when not set. */
    public String displayValue(SettingKey key) {
        ConfigValue v = get(key);
        if (!v.isSet()) {
            return "";
        }
        return key.secret() ? Values.mask(v.value()) : v.value();
    }

    /** Problems that do not stop the start (unknown or repeated keys in the file, unknown placeholders). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * A copy with one key set as if by an admin in chat ({@link Source#CHAT}), validated again. A null or
     * blank value resets the key to its default (to drop a chat value, re-apply the remaining chat values to
     * the config as loaded instead).
     */
    public BotConfig with(SettingKey key, String value) throws ConfigException {
        return with(key, value, Source.CHAT);
    }

    /** Like {@link #with(SettingKey, String)} with an explicit source. */
    public BotConfig with(SettingKey key, String value, Source source) throws ConfigException {
        EnumMap<SettingKey, ConfigValue> copy = new EnumMap<>(values);
        String trimmed = value == null ? "" : value.trim();
        copy.put(key, trimmed.isEmpty() ? defaultOf(key) : new ConfigValue(trimmed, source));
        return new BotConfig(copy, fileWarnings, workingDir, configFileName, telegram.tokenRequired());
    }

    /** Every key with its value (secrets masked) and source. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "BotConfig{", "}");
        for (SettingKey key : SettingKey.values()) {
            ConfigValue v = get(key);
            out.add(key.key() + "=" + (v.isSet() ? displayValue(key) : "(not set)") + " (" + v.source().label() + ")");
        }
        return out.toString();
    }
}
