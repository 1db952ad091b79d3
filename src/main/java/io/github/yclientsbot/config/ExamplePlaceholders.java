package io.github.yclientsbot.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders of {@code bot-config.example.properties} (and of the README's examples): copied without being
 * replaced they would pass for real values — a "token" {@code 123456:replace-with-…} that Telegram refuses only
 * later, strangers' ids as admins. Refused at start with one line naming the key. Only values the configuration
 * brought (file, {@code .env}, environment) are checked: what an admin types in chat is checked there.
 */
final class ExamplePlaceholders {
    /** Example values of keys that are not secrets: exact, since another value of that shape may be real. */
    private static final Map<SettingKey, String> EXACT = Map.of(
            SettingKey.YCLIENTS_COMPANY_ID, "123456",
            SettingKey.BOT_ADMINS, "123456789,987654321");
    /** The tokens Telegram and YCLIENTS issue: random letters and digits, never words like these. */
    private static final Set<SettingKey> TOKENS = EnumSet.of(SettingKey.TELEGRAM_BOT_TOKEN, SettingKey.YCLIENTS_API_TOKEN,
            SettingKey.YCLIENTS_USER_TOKEN);
    /** What only a placeholder of a token holds (a password or key someone chose may hold anything: not checked). */
    private static final String[] TOKEN_MARKERS = {"replace-with", "replace_with", "your-", "your_", "<", "…"};

    private ExamplePlaceholders() {
    }

    static void refuse(SettingReader r) throws ConfigException {
        for (SettingKey key : SettingKey.values()) {
            ConfigValue v = r.get(key);
            Source source = v.source();
            if (!v.isSet() || (source != Source.FILE && source != Source.DOTENV && source != Source.ENVIRONMENT)) {
                continue;
            }
            if (isPlaceholder(key, v.value())) {
                throw r.invalid(key, "is still the example's placeholder, not a real value", fix(key));
            }
        }
    }

    static boolean isPlaceholder(SettingKey key, String value) {
        String example = EXACT.get(key);
        if (example != null) {
            return value.replaceAll("\\s+", "").equals(example);
        }
        if (!TOKENS.contains(key)) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String marker : TOKEN_MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static String fix(SettingKey key) {
        return switch (key) {
            case TELEGRAM_BOT_TOKEN -> "to the token @BotFather gave you";
            case YCLIENTS_API_TOKEN -> "to your YCLIENTS partner token, or leave it out and send /settoken partner <token>"
                    + " to the bot in a private chat";
            case YCLIENTS_USER_TOKEN -> "to your YCLIENTS user token, or leave it out (/yclogin in chat gets one)";
            case YCLIENTS_COMPANY_ID -> "to your company id (the number in …/timetable/<id>); if 123456 really is your"
                    + " company, leave it out and send /setcompany 123456 to the bot";
            case BOT_ADMINS -> "to your admins' Telegram ids (send /whoami to the bot), or leave it empty and claim the"
                    + " bot with the code from the log";
            default -> "to the real value, or leave it out";
        };
    }
}
