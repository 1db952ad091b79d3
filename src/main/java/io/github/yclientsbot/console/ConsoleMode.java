package io.github.yclientsbot.console;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigException;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Source;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** The settings console mode runs with: fixed fake users, and (without --config) a database in memory. */
public final class ConsoleMode {
    /** The fake Telegram users the console speaks as; each has its own private chat (chat id = user id). */
    public static final long ADMIN_ID = 1_000_001L;
    public static final long SUPPORT_ID = 1_000_002L;
    public static final long CUSTOMER_ID = 1_000_003L;

    private ConsoleMode() {
    }

    /**
     * @param inMemory true without {@code --config}: an H2 in-memory database and a throw-away secret key, so
     *                 nothing is written to disk and a real bot's {@code ./data} is never locked or touched
     */
    public static BotConfig configure(BotConfig loaded, boolean inMemory) throws ConfigException {
        BotConfig config = loaded
                .with(SettingKey.BOT_ADMINS, Long.toString(ADMIN_ID), Source.CONSOLE)
                .with(SettingKey.BOT_SUPPORT, Long.toString(SUPPORT_ID), Source.CONSOLE);
        if (inMemory) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            config = config
                    .with(SettingKey.BOT_DB_URL, inMemoryUrl(), Source.CONSOLE)
                    .with(SettingKey.BOT_DB_USER, "", Source.CONSOLE)
                    .with(SettingKey.BOT_DB_PASSWORD, "", Source.CONSOLE)
                    .with(SettingKey.BOT_SECRET_KEY, Base64.getEncoder().encodeToString(key), Source.CONSOLE);
        }
        return config;
    }

    /** A fresh private in-memory database that lives until the process ends. */
    static String inMemoryUrl() {
        return "jdbc:h2:mem:yclients-console-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
