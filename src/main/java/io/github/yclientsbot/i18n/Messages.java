package io.github.yclientsbot.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * User-facing text in Russian and English, from {@code i18n/messages_ru.properties} and
 * {@code i18n/messages_en.properties}. Placeholders are named: {@code {title}}; no MessageFormat, so an
 * apostrophe in English text needs no escaping.
 */
public final class Messages {
    public static final Set<String> LANGUAGES = Set.of("ru", "en");
    private static final String MISSING_PREFIX = "⟦missing:";

    private final String fallbackLanguage;
    private final Map<String, Properties> bundles;

    /** @param fallbackLanguage "ru" or "en": used for users whose Telegram language is neither */
    public Messages(String fallbackLanguage) {
        if (!LANGUAGES.contains(fallbackLanguage)) {
            throw new IllegalArgumentException("unsupported language " + fallbackLanguage);
        }
        this.fallbackLanguage = fallbackLanguage;
        this.bundles = Map.of("ru", load("ru"), "en", load("en"));
    }

    /** The language to answer a user in, from their Telegram {@code language_code}. */
    public String languageFor(String telegramLanguageCode) {
        if (telegramLanguageCode != null) {
            String lc = telegramLanguageCode.toLowerCase(Locale.ROOT);
            for (String lang : LANGUAGES) {
                if (lc.equals(lang) || lc.startsWith(lang + "-")) {
                    return lang;
                }
            }
        }
        return fallbackLanguage;
    }

    public String fallbackLanguage() {
        return fallbackLanguage;
    }

    /**
     * @param args name/value pairs: {@code get("ru", "status.company", "id", 1, "title", "Лён")}
     */
    public String get(String lang, String key, Object... args) {
        Properties bundle = bundles.getOrDefault(lang, bundles.get(fallbackLanguage));
        String text = bundle.getProperty(key);
        if (text == null) {
            return MISSING_PREFIX + key + "⟧";
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("placeholders must come in name/value pairs for " + key);
        }
        for (int i = 0; i < args.length; i += 2) {
            text = text.replace("{" + args[i] + "}", String.valueOf(args[i + 1]));
        }
        return text;
    }

    public boolean has(String key) {
        return bundles.get("ru").containsKey(key) && bundles.get("en").containsKey(key);
    }

    public static boolean isMissingMarker(String text) {
        return text != null && text.contains(MISSING_PREFIX);
    }

    public static Properties load(String lang) {
        String path = "/i18n/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("message bundle " + path + " is missing from the jar");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
