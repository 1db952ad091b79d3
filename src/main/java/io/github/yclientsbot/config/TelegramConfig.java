package io.github.yclientsbot.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The Bot API: the token from @BotFather, the server, and how fast the bot may send.
 *
 * @param botToken      {@code ""} only when loaded without requiring it ({@link #tokenRequired()} false)
 * @param tokenRequired false when loaded for a mode that does not talk to Telegram (the console, the health check):
 *                      the token may be missing, but one that is set must still be well-formed
 * @param apiUrl        absolute http(s) URL without trailing slash
 * @param ratePerSecond messages a second the bot sends at most, over all chats; 0 = no limit
 * @param sendMaxAge    how long a message Telegram does not take (429, failures) is tried before it is dropped
 */
public record TelegramConfig(String botToken, boolean tokenRequired, String apiUrl, int ratePerSecond,
                             Duration sendMaxAge) {

    /** {@code <digits>:<at least 20 of [A-Za-z0-9_-]>}, the shape of a token from @BotFather. */
    static final Pattern BOT_TOKEN = Pattern.compile("[0-9]+:[A-Za-z0-9_-]{20,}");

    static TelegramConfig read(SettingReader r, boolean tokenRequired) throws ConfigException {
        validateToken(r, tokenRequired);
        String apiUrl = r.httpUrl(SettingKey.TELEGRAM_API_URL, "like https://api.telegram.org");
        if (BOT_TOKEN.matcher(apiUrl).find()) {
            throw r.invalid(SettingKey.TELEGRAM_API_URL, "must be the server address only, without /bot<token>",
                    "like https://api.telegram.org");
        }
        int maxAge = r.intIn(SettingKey.TELEGRAM_SEND_MAX_AGE_SECONDS, 10, 86_400,
                "like 600 (seconds a message is tried while Telegram asks to wait, before it is dropped)");
        return new TelegramConfig(r.text(SettingKey.TELEGRAM_BOT_TOKEN), tokenRequired, apiUrl, rate(r),
                Duration.ofSeconds(maxAge));
    }

    private static void validateToken(SettingReader r, boolean required) throws ConfigException {
        SettingKey key = SettingKey.TELEGRAM_BOT_TOKEN;
        if (!r.isSet(key) && !required) {
            return;
        }
        if (!r.isSet(key)) {
            throw new ConfigException(key.key(), key.key() + " is missing: set the " + key.envName()
                    + " environment variable or add " + key.key() + "=... to " + r.configFileName()
                    + " (get a token from @BotFather)");
        }
        if (!BOT_TOKEN.matcher(r.text(key)).matches()) {
            throw r.invalid(key, "is not a valid bot token (expected 123456:ABC…)", "to the token @BotFather gave you");
        }
    }

    private static int rate(SettingReader r) throws ConfigException {
        SettingKey key = SettingKey.TELEGRAM_RATE_PER_SECOND;
        try {
            int rate = Integer.parseInt(r.text(key));
            if (rate >= 0 && rate <= 1000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw r.invalid(key, "must be a number of messages a second from 0 (no limit) to 1000, got "
                + SettingReader.quote(r.text(key)), "like 30 (Telegram's limit for one bot)");
    }

    /** The token masked. */
    @Override
    public String toString() {
        return "TelegramConfig[botToken=" + SettingReader.masked(botToken) + ", tokenRequired=" + tokenRequired
                + ", apiUrl=" + apiUrl + ", ratePerSecond=" + ratePerSecond + ", sendMaxAge=" + sendMaxAge + "]";
    }
}
