package io.github.yclientsbot.config;

import java.util.Set;

/**
 * Who the bot treats as staff from the start (more admins can be added in chat).
 *
 * @param admins  Telegram user ids from {@code bot.admins}, sorted, unmodifiable
 * @param support Telegram user ids from {@code bot.support} only (admins are not added here), sorted, unmodifiable
 */
public record RolesConfig(Set<Long> admins, Set<Long> support) {

    static RolesConfig read(SettingReader r) throws ConfigException {
        return new RolesConfig(r.idList(SettingKey.BOT_ADMINS), r.idList(SettingKey.BOT_SUPPORT));
    }
}
