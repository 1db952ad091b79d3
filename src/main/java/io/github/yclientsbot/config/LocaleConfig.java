package io.github.yclientsbot.config;

import java.util.Locale;

/**
 * How the bot speaks to people whose own language it does not know, and the currency of prices.
 *
 * @param language {@code "ru"} or {@code "en"}
 * @param currency as written after a price, e.g. {@code ₽}
 */
public record LocaleConfig(String language, String currency) {

    static LocaleConfig read(SettingReader r) throws ConfigException {
        String lang = r.text(SettingKey.BOT_LANGUAGE).toLowerCase(Locale.ROOT);
        if (!lang.equals("ru") && !lang.equals("en")) {
            throw r.invalid(SettingKey.BOT_LANGUAGE, "must be ru or en, got "
                    + SettingReader.quote(r.text(SettingKey.BOT_LANGUAGE)), "to ru or en");
        }
        return new LocaleConfig(lang, r.text(SettingKey.BOT_CURRENCY));
    }
}
