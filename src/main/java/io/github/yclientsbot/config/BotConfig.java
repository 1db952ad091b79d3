package io.github.yclientsbot.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's settings: immutable and validated when created, so every typed accessor returns a value that
 * is already known to be well-formed. Built by {@link ConfigLoader}; chat-set values are applied on top
 * with {@link #with(SettingKey, String)}.
 */
public final class BotConfig {

    /** {@code <digits>:<at least 20 of [A-Za-z0-9_-]>}, the shape of a token from @BotFather. */
    static final Pattern BOT_TOKEN = Pattern.compile("[0-9]+:[A-Za-z0-9_-]{20,}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> TEMPLATE_PLACEHOLDERS = Set.of("form", "company", "staff", "service");
    private static final int MAX_QUOTED = 80;

    private final Map<SettingKey, ConfigValue> values;
    private final List<String> fileWarnings;
    private final List<String> warnings;
    private final Path workingDir;
    private final String configFileName;
    private final boolean telegramTokenRequired;

    private final Set<Long> admins;
    private final Set<Long> support;
    private final String language;
    private final Path secretFile;
    private final boolean yclientsEnabled;
    private final OptionalLong yclientsCompanyId;
    private final String telegramApiUrl;
    private final String yclientsApiUrl;
    private final Optional<String> yclientsBookingUrl;
    private final int httpPort;
    private final String httpHost;
    private final int telegramRatePerSecond;
    private final int yclientsCacheTtlSeconds;
    private final int workers;
    private final int floodMaxUpdates;
    private final int floodWindowSeconds;
    private final int shutdownBudgetSeconds;
    private final BookingLimits bookingLimits;

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
        this.telegramTokenRequired = telegramTokenRequired;

        validateBotToken();
        validateYclientsToken(SettingKey.YCLIENTS_API_TOKEN);
        validateYclientsToken(SettingKey.YCLIENTS_USER_TOKEN);
        this.telegramApiUrl = httpUrl(SettingKey.TELEGRAM_API_URL, "like https://api.telegram.org");
        if (BOT_TOKEN.matcher(telegramApiUrl).find()) {
            throw invalid(SettingKey.TELEGRAM_API_URL, "must be the server address only, without /bot<token>",
                    "like https://api.telegram.org");
        }
        this.admins = idList(SettingKey.BOT_ADMINS);
        this.support = idList(SettingKey.BOT_SUPPORT);
        this.language = parseLanguage();
        if (!text(SettingKey.BOT_DB_URL).startsWith("jdbc:")) {
            throw invalid(SettingKey.BOT_DB_URL, "must be a JDBC URL starting with jdbc:",
                    "like " + SettingKey.BOT_DB_URL.defaultValue());
        }
        this.secretFile = parseSecretFile();
        this.yclientsEnabled = Values.parseBoolean(text(SettingKey.YCLIENTS_ENABLED))
                .orElseThrow(() -> invalid(SettingKey.YCLIENTS_ENABLED,
                        "must be true or false, got " + quote(text(SettingKey.YCLIENTS_ENABLED)), "to true or false"));
        this.yclientsCompanyId = parseCompanyId();
        this.yclientsApiUrl = httpUrl(SettingKey.YCLIENTS_API_URL, "like https://api.yclients.com");
        this.yclientsBookingUrl = get(SettingKey.YCLIENTS_BOOKING_URL).isSet()
                ? Optional.of(httpUrl(SettingKey.YCLIENTS_BOOKING_URL,
                        "to your online booking form like https://n123456.yclients.com, or leave it empty"
                                + " to use the company's default booking form"))
                : Optional.empty();
        this.httpPort = parseHttpPort();
        this.httpHost = parseHttpHost();
        this.telegramRatePerSecond = parseRate();
        String mode = text(SettingKey.BOOKING_MODE).strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("chat", "form", "both").contains(mode)) {
            throw invalid(SettingKey.BOOKING_MODE, "must be chat, form or both, got " + quote(text(SettingKey.BOOKING_MODE)),
                    "to chat, form or both");
        }
        if (get(SettingKey.BOOKING_PRIVACY_URL).isSet()) {
            httpUrl(SettingKey.BOOKING_PRIVACY_URL, "to your privacy policy like https://example.com/privacy, or leave it empty");
        }
        this.yclientsCacheTtlSeconds = intIn(SettingKey.YCLIENTS_CACHE_TTL_SECONDS, 10, 86_400,
                "like 300 (seconds the company, catalog and specialists are kept before YCLIENTS is asked again)");
        this.workers = intIn(SettingKey.BOT_WORKERS, 1, 256, "like 8 (threads that handle different chats at once)");
        this.floodMaxUpdates = intIn(SettingKey.BOT_FLOOD_MAX_UPDATES, 0, 100_000,
                "like 20 (updates one user may send within bot.flood.window-seconds), or 0 to turn flood control off");
        this.floodWindowSeconds = intIn(SettingKey.BOT_FLOOD_WINDOW_SECONDS, 0, 3600,
                "like 10 (seconds), or 0 to turn flood control off");
        this.shutdownBudgetSeconds = intIn(SettingKey.BOT_SHUTDOWN_BUDGET_SECONDS, 0, 3600,
                "like 8 (seconds; Docker allows 10 before it kills the process)");
        this.bookingLimits = new BookingLimits(
                intIn(SettingKey.BOOKING_LIMIT_SMS_PER_PHONE, 0, 1000, "like 3 (SMS codes one phone number gets in 24 hours), or 0 for no limit"),
                intIn(SettingKey.BOOKING_LIMIT_SMS_PER_USER, 0, 1000, "like 5 (SMS codes one Telegram user asks for in 24 hours), or 0 for no limit"),
                intIn(SettingKey.BOOKING_LIMIT_BOOKINGS_PER_USER, 0, 1000, "like 3 (bookings one Telegram user makes in the chat in 24 hours), or 0 for no limit"));
        List<String> allWarnings = new ArrayList<>(this.fileWarnings);
        allWarnings.addAll(validateTemplate());
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

    /** The token from @BotFather; {@code ""} only when the config was loaded without requiring it. */
    public String telegramBotToken() {
        return text(SettingKey.TELEGRAM_BOT_TOKEN);
    }

    /** False when loaded for a mode that does not talk to Telegram (the console): the token may be missing. */
    public boolean telegramTokenRequired() {
        return telegramTokenRequired;
    }

    /** How long the company, catalog and specialists read from YCLIENTS are kept. */
    public java.time.Duration yclientsCacheTtl() {
        return java.time.Duration.ofSeconds(yclientsCacheTtlSeconds);
    }

    /** Messages a second the bot sends at most, over all chats; 0 = no limit. */
    public int telegramRatePerSecond() {
        return telegramRatePerSecond;
    }

    /** Absolute http(s) URL without trailing slash. */
    public String telegramApiUrl() {
        return telegramApiUrl;
    }

    /** Telegram user ids from {@code bot.admins}, sorted, unmodifiable. */
    public Set<Long> admins() {
        return admins;
    }

    /** Telegram user ids from {@code bot.support} only (admins are not added here), sorted, unmodifiable. */
    public Set<Long> support() {
        return support;
    }

    /** {@code "ru"} or {@code "en"}. */
    public String language() {
        return language;
    }

    public String currency() {
        return text(SettingKey.BOT_CURRENCY);
    }

    public String dbUrl() {
        return text(SettingKey.BOT_DB_URL);
    }

    /** May be {@code ""}. */
    public String dbUser() {
        return text(SettingKey.BOT_DB_USER);
    }

    /** May be {@code ""}. */
    public String dbPassword() {
        return text(SettingKey.BOT_DB_PASSWORD);
    }

    /** May be {@code ""}: then the key lives in {@link #secretFile()}. */
    public String secretKey() {
        return text(SettingKey.BOT_SECRET_KEY);
    }

    /** {@code bot.secret.file}, resolved against the working directory the config was loaded in. */
    public Path secretFile() {
        return secretFile;
    }

    public boolean yclientsEnabled() {
        return yclientsEnabled;
    }

    public OptionalLong yclientsCompanyId() {
        return yclientsCompanyId;
    }

    public Optional<String> yclientsApiToken() {
        return optional(SettingKey.YCLIENTS_API_TOKEN);
    }

    public Optional<String> yclientsUserToken() {
        return optional(SettingKey.YCLIENTS_USER_TOKEN);
    }

    /** Absolute http(s) URL without trailing slash. */
    public String yclientsApiUrl() {
        return yclientsApiUrl;
    }

    /** Absolute http(s) URL without trailing slash, when set. */
    public Optional<String> yclientsBookingUrl() {
        return yclientsBookingUrl;
    }

    /** Contains {@code {form}} and {@code {service}}. */
    public String yclientsBookingTemplate() {
        return text(SettingKey.YCLIENTS_BOOKING_TEMPLATE);
    }

    /** The port of the HTTP endpoints (health, metrics, widget links); empty when off (not set or 0). */
    public java.util.OptionalInt httpPort() {
        return httpPort == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(httpPort);
    }

    /** The address the HTTP endpoints listen on, {@code 127.0.0.1} unless set. */
    public String httpHost() {
        return httpHost;
    }

    /** The key callers of the HTTP API send as {@code Authorization: Bearer <key>}; empty when not set. */
    public Optional<String> httpApiKey() {
        return optional(SettingKey.BOT_HTTP_API_KEY);
    }

    /** Threads that handle updates; different chats in parallel, one chat in order. */
    /**
     * The abuse limits of the in-chat booking, each per 24 hours, 0 = no limit.
     *
     * @param smsPerPhone     SMS codes sent to one phone number
     * @param smsPerUser      SMS codes asked for by one Telegram user
     * @param bookingsPerUser bookings made in the chat by one Telegram user
     */
    public record BookingLimits(int smsPerPhone, int smsPerUser, int bookingsPerUser) {}

    public BookingLimits bookingLimits() {
        return bookingLimits;
    }

    public int workers() {
        return workers;
    }

    /** Updates one user may send within {@link #floodWindow()} before being told to slow down; 0: off. */
    public int floodMaxUpdates() {
        return floodMaxUpdates;
    }

    /** The flood-control window; zero: off. */
    public java.time.Duration floodWindow() {
        return java.time.Duration.ofSeconds(floodWindowSeconds);
    }

    /** How long stopping may take: polling stops, updates in flight finish, the database closes. */
    public java.time.Duration shutdownBudget() {
        return java.time.Duration.ofSeconds(shutdownBudgetSeconds);
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
        return new BotConfig(copy, fileWarnings, workingDir, configFileName, telegramTokenRequired);
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

    // --- validation -------------------------------------------------------------------------------------

    private void validateBotToken() throws ConfigException {
        SettingKey key = SettingKey.TELEGRAM_BOT_TOKEN;
        if (!get(key).isSet() && !telegramTokenRequired) {
            return;
        }
        if (!get(key).isSet()) {
            throw new ConfigException(key.key(), key.key() + " is missing: set the " + key.envName()
                    + " environment variable or add " + key.key() + "=... to " + configFileName
                    + " (get a token from @BotFather)");
        }
        if (!BOT_TOKEN.matcher(text(key)).matches()) {
            throw invalid(key, "is not a valid bot token (expected 123456:ABC…)", "to the token @BotFather gave you");
        }
    }

    /** A YCLIENTS token goes into "Authorization: Bearer p, User u": one word, printable ASCII, no comma. */
    private void validateYclientsToken(SettingKey key) throws ConfigException {
        if (!get(key).isSet()) {
            return;
        }
        String token = text(key);
        boolean ok = token.chars().allMatch(c -> c > 32 && c < 127 && c != ',');
        if (!ok) {
            throw invalid(key, "is not a valid token (one word of letters, digits and signs, no spaces or commas)",
                    "to the token exactly as YCLIENTS gave it");
        }
    }

    private int parseRate() throws ConfigException {
        SettingKey key = SettingKey.TELEGRAM_RATE_PER_SECOND;
        try {
            int rate = Integer.parseInt(text(key));
            if (rate >= 0 && rate <= 1000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "must be a number of messages a second from 0 (no limit) to 1000, got " + quote(text(key)),
                "like 30 (Telegram's limit for one bot)");
    }

    private int parseHttpPort() throws ConfigException {
        SettingKey key = SettingKey.BOT_HTTP_PORT;
        if (!get(key).isSet()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text(key));
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "must be a port number from 1 to 65535 (0 or empty: off), got " + quote(text(key)),
                "like 8080, or leave it empty to keep the HTTP endpoints off");
    }

    private int intIn(SettingKey key, int min, int max, String example) throws ConfigException {
        String value = text(key);
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "must be a whole number from " + min + " to " + max + ", got " + quote(value), example);
    }

    private String parseHttpHost() throws ConfigException {
        SettingKey key = SettingKey.BOT_HTTP_HOST;
        String host = text(key);
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            throw invalid(key, "must be a host name or IP address, got " + quote(host),
                    "like 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, e.g. in a container)");
        }
        return host;
    }

    private String httpUrl(SettingKey key, String example) throws ConfigException {
        return Values.parseHttpUrl(text(key)).orElseThrow(() -> invalid(key,
                "must be an absolute http(s) address without query or credentials, got " + quote(text(key)), example));
    }

    private Set<Long> idList(SettingKey key) throws ConfigException {
        return Values.parseIdList(text(key)).orElseThrow(() -> invalid(key,
                "must be a comma-separated list of Telegram user ids (positive numbers), got " + quote(text(key)),
                "like 123456789,987654321 (send /whoami to the bot to see your id)"));
    }

    private String parseLanguage() throws ConfigException {
        String lang = text(SettingKey.BOT_LANGUAGE).toLowerCase(Locale.ROOT);
        if (!lang.equals("ru") && !lang.equals("en")) {
            throw invalid(SettingKey.BOT_LANGUAGE, "must be ru or en, got " + quote(text(SettingKey.BOT_LANGUAGE)),
                    "to ru or en");
        }
        return lang;
    }

    private Path parseSecretFile() throws ConfigException {
        String file = text(SettingKey.BOT_SECRET_FILE);
        try {
            Path path = Path.of(file);
            return workingDir == null ? path : workingDir.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw invalid(SettingKey.BOT_SECRET_FILE, "is not a valid file path, got " + quote(file),
                    "like ./data/secret.key");
        }
    }

    private OptionalLong parseCompanyId() throws ConfigException {
        SettingKey key = SettingKey.YCLIENTS_COMPANY_ID;
        if (!get(key).isSet()) {
            return OptionalLong.empty();
        }
        OptionalLong id = Values.parsePositiveLong(text(key));
        if (id.isEmpty()) {
            throw invalid(key, "must be a number, got " + quote(text(key)),
                    "to the id from your YCLIENTS address (…/timetable/123456)");
        }
        return id;
    }

    private List<String> validateTemplate() throws ConfigException {
        SettingKey key = SettingKey.YCLIENTS_BOOKING_TEMPLATE;
        String template = text(key);
        if (!template.contains("{form}") || !template.contains("{service}")) {
            throw invalid(key, "must contain {form} and {service}, got " + quote(template),
                    "like " + key.defaultValue());
        }
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!TEMPLATE_PLACEHOLDERS.contains(m.group(1))) {
                found.add(key.key() + " contains the unknown placeholder {" + m.group(1)
                        + "}; it is left as it is (known: {form}, {company}, {staff}, {service})");
            }
        }
        return found;
    }

    private ConfigException invalid(SettingKey key, String problem, String fix) {
        return new ConfigException(key.key(), key.key() + " " + problem + " (" + where(get(key).source()) + "): set "
                + key.envName() + " or " + key.key() + " in " + configFileName + " " + fix);
    }

    private String where(Source source) {
        return switch (source) {
            case CHAT -> "set in chat";
            case ENVIRONMENT -> "from the environment";
            case DOTENV -> "from .env";
            case FILE -> "from " + configFileName;
            case CONSOLE -> "preset by console mode";
            case DEFAULT -> "the default";
            case NONE -> "not set";
        };
    }

    /** A non-secret value for a message: one line, not too long, anything shaped like a bot token hidden. */
    private static String quote(String value) {
        String clean = BOT_TOKEN.matcher(value).replaceAll("<token hidden>");
        StringBuilder out = new StringBuilder();
        clean.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        String text = out.length() > MAX_QUOTED ? out.substring(0, MAX_QUOTED - 1) + "…" : out.toString();
        return "'" + text + "'";
    }

    private String text(SettingKey key) {
        return get(key).value();
    }

    private Optional<String> optional(SettingKey key) {
        return get(key).isSet() ? Optional.of(text(key)) : Optional.empty();
    }
}
