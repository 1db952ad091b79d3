package io.github.yclientsbot.config;

import java.time.Duration;

/**
 * How received updates are worked through.
 *
 * @param workers         threads that handle updates; different chats in parallel, one chat in order
 * @param floodMaxUpdates updates one user may send within {@code floodWindow} before being told to slow down; 0: off
 * @param floodWindow     the flood-control window; zero: off
 * @param shutdownBudget  how long stopping may take: polling stops, updates in flight finish, the database closes
 */
public record UpdatesConfig(int workers, int floodMaxUpdates, Duration floodWindow, Duration shutdownBudget) {

    static UpdatesConfig read(SettingReader r) throws ConfigException {
        int workers = r.intIn(SettingKey.BOT_WORKERS, 1, 256, "like 8 (threads that handle different chats at once)");
        int floodMax = r.intIn(SettingKey.BOT_FLOOD_MAX_UPDATES, 0, 100_000,
                "like 20 (updates one user may send within bot.flood.window-seconds), or 0 to turn flood control off");
        int floodWindow = r.intIn(SettingKey.BOT_FLOOD_WINDOW_SECONDS, 0, 3600,
                "like 10 (seconds), or 0 to turn flood control off");
        int budget = r.intIn(SettingKey.BOT_SHUTDOWN_BUDGET_SECONDS, 0, 3600,
                "like 8 (seconds; Docker allows 10 before it kills the process)");
        return new UpdatesConfig(workers, floodMax, Duration.ofSeconds(floodWindow), Duration.ofSeconds(budget));
    }
}
