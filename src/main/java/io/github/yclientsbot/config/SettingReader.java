package io.github.yclientsbot.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loaded values of every key, read by the area records ({@link TelegramConfig}, {@link StorageConfig}, …) as
 * they validate themselves. Every problem becomes one {@link ConfigException} line that names the key, where its
 * value came from, its environment variable and how to fix it, and never shows a secret.
 */
final class SettingReader {
    private static final int MAX_QUOTED = 80;

    private final Map<SettingKey, ConfigValue> values;
    private final String configFileName;

    /** @param values every key (defaults filled in) */
    SettingReader(Map<SettingKey, ConfigValue> values, String configFileName) {
        this.values = values;
        this.configFileName = configFileName;
    }

    ConfigValue get(SettingKey key) {
        return values.get(key);
    }

    boolean isSet(SettingKey key) {
        return get(key).isSet();
    }

    /** The trimmed value, {@code ""} when not set. */
    String text(SettingKey key) {
        return get(key).value();
    }

    Optional<String> optional(SettingKey key) {
        return isSet(key) ? Optional.of(text(key)) : Optional.empty();
    }

    String configFileName() {
        return configFileName;
    }

    int intIn(SettingKey key, int min, int max, String example) throws ConfigException {
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

    String httpUrl(SettingKey key, String example) throws ConfigException {
        return Values.parseHttpUrl(text(key)).orElseThrow(() -> invalid(key,
                "must be an absolute http(s) address without query or credentials, got " + quote(text(key)), example));
    }

    Set<Long> idList(SettingKey key) throws ConfigException {
        return Values.parseIdList(text(key)).orElseThrow(() -> invalid(key,
                "must be a comma-separated list of Telegram user ids (positive numbers), got " + quote(text(key)),
                "like 123456789,987654321 (send /whoami to the bot to see your id)"));
    }

    /** {@code <key> <problem> (<where from>): set <ENV> or <key> in <file> <fix>}. */
    ConfigException invalid(SettingKey key, String problem, String fix) {
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

    /** A secret for a {@code toString}: masked ({@link Values#mask}), or {@code (not set)}. */
    static String masked(String secret) {
        return secret == null || secret.isEmpty() ? "(not set)" : Values.mask(secret);
    }

    /** A non-secret value for a message: one line, not too long, anything shaped like a bot token hidden. */
    static String quote(String value) {
        String clean = TelegramConfig.BOT_TOKEN.matcher(value).replaceAll("<token hidden>");
        StringBuilder out = new StringBuilder();
        clean.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        String text = out.length() > MAX_QUOTED ? out.substring(0, MAX_QUOTED - 1) + "…" : out.toString();
        return "'" + text + "'";
    }
}
