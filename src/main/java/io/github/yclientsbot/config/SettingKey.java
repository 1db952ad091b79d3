package io.github.yclientsbot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every setting the bot knows, with its environment variable name, whether it is secret, and its default. */
public enum SettingKey {
    TELEGRAM_BOT_TOKEN("telegram.bot.token", true, null),
    TELEGRAM_API_URL("telegram.api.url", false, "https://api.telegram.org"),
    TELEGRAM_RATE_PER_SECOND("telegram.rate.per-second", false, "30"),
    TELEGRAM_SEND_MAX_AGE_SECONDS("telegram.send.max-age-seconds", false, "600"),
    BOT_ADMINS("bot.admins", false, ""),
    BOT_SUPPORT("bot.support", false, ""),
    BOT_LANGUAGE("bot.language", false, "ru"),
    BOT_CURRENCY("bot.currency", false, "₽"),
    BOT_DB_URL("bot.db.url", false, "jdbc:h2:file:./data/yclients-bot"),
    BOT_DB_USER("bot.db.user", false, ""),
    BOT_DB_PASSWORD("bot.db.password", true, ""),
    BOT_SECRET_KEY("bot.secret.key", true, ""),
    BOT_SECRET_FILE("bot.secret.file", false, "./data/secret.key"),
    BOT_HTTP_PORT("bot.http.port", false, ""),
    BOT_HTTP_HOST("bot.http.host", false, "127.0.0.1"),
    BOT_HTTP_API_KEY("bot.http.api-key", true, ""),
    BOT_WORKERS("bot.workers", false, "8"),
    BOT_FLOOD_MAX_UPDATES("bot.flood.max-updates", false, "20"),
    BOT_FLOOD_WINDOW_SECONDS("bot.flood.window-seconds", false, "10"),
    BOT_SHUTDOWN_BUDGET_SECONDS("bot.shutdown.budget-seconds", false, "8"),
    YCLIENTS_ENABLED("yclients.enabled", false, "true"),
    YCLIENTS_COMPANY_ID("yclients.company.id", false, ""),
    YCLIENTS_COMPANY_IDS("yclients.company.ids", false, ""),
    YCLIENTS_GROUP_ID("yclients.group.id", false, ""),
    YCLIENTS_API_TOKEN("yclients.api.token", true, ""),
    YCLIENTS_USER_TOKEN("yclients.user.token", true, ""),
    YCLIENTS_API_URL("yclients.api.url", false, "https://api.yclients.com"),
    YCLIENTS_BOOKING_URL("yclients.booking.url", false, ""),
    YCLIENTS_CACHE_TTL_SECONDS("yclients.cache.ttl-seconds", false, "300"),
    YCLIENTS_BOOKING_TEMPLATE("yclients.booking.template", false,
            "{form}/company/{company}/personal/select-time?o=m{staff}s{service}"),
    YCLIENTS_RECORDS_POLL_SECONDS("yclients.records.poll-seconds", false, "300"),
    YCLIENTS_WEBHOOK_SECRET("yclients.webhook.secret", true, ""),
    YCLIENTS_WEBHOOK_PUBLIC_URL("yclients.webhook.public-url", false, ""),
    BOOKING_MODE("booking.mode", false, "both"),
    BOOKING_PRIVACY_URL("booking.privacy-url", false, ""),
    BOOKING_LIMIT_SMS_PER_PHONE("booking.limit.sms-per-phone", false, "3"),
    BOOKING_LIMIT_SMS_PER_USER("booking.limit.sms-per-user", false, "5"),
    BOOKING_LIMIT_BOOKINGS_PER_USER("booking.limit.bookings-per-user", false, "3"),
    BOOKING_REMINDERS("booking.reminders", false, "24h,2h"),
    BOOKING_REMINDERS_QUIET_HOURS("booking.reminders.quiet-hours", false, "22:00-09:00"),
    BOOKING_FOLLOWUP("booking.followup", false, "3h"),
    BOOKING_REVIEW_URL("booking.review-url", false, "");

    private static final Map<String, SettingKey> BY_KEY;

    static {
        Map<String, SettingKey> byKey = new LinkedHashMap<>();
        for (SettingKey k : values()) {
            byKey.put(k.key, k);
        }
        BY_KEY = Collections.unmodifiableMap(byKey);
    }

    private final String key;
    private final String envName;
    private final boolean secret;
    private final String defaultValue;

    SettingKey(String key, boolean secret, String defaultValue) {
        this.key = key;
        this.envName = envNameOf(key);
        this.secret = secret;
        this.defaultValue = defaultValue;
    }

    /** The key as written in the properties file, e.g. {@code yclients.api.token}. */
    public String key() {
        return key;
    }

    /** The environment variable (and {@code .env}) name, e.g. {@code YCLIENTS_API_TOKEN}. */
    public String envName() {
        return envName;
    }

    /** Secret values are shown only through {@link Values#mask(String)}. */
    public boolean secret() {
        return secret;
    }

    /**
     * An empty value is a choice here, not "not set": {@code booking.reminders=} turns reminders off and
     * {@code booking.reminders.quiet-hours=} allows every hour, {@code booking.followup=} sends no follow-up, though
     * they have defaults. Elsewhere an empty value leaves the default.
     */
    public boolean emptyIsAValue() {
        return this == BOOKING_REMINDERS || this == BOOKING_REMINDERS_QUIET_HOURS || this == BOOKING_FOLLOWUP;
    }

    /** The built-in default; may be {@code ""} or {@code null} (no default). */
    public String defaultValue() {
        return defaultValue;
    }

    /** The key with exactly this name (case-sensitive). */
    public static Optional<SettingKey> byKey(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** The environment name rule: upper case, {@code .} and {@code -} become {@code _}. */
    public static String envNameOf(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
