package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.ratelimit.FairScheduler;
import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Shares;
import io.github.yclientsbot.telegram.SendPacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end tests run unpaced ({@link Pacing#none()}); this proves what {@code Main} starts keeps the limits:
 * the production options build a Telegram transport paced at the configured rate with the per-chat limits, and a
 * YCLIENTS client limited to 5 calls a second and 200 a minute. Built, not run: nothing talks to Telegram here.
 */
class PacingWiringTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private BotConfig config(String ratePerSecond) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", "4242:wiring-test-token-abcdefghijklmnopqrstuv");
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
        env.put("BOT_ADMINS", "1001");
        env.put("BOT_DB_URL", "jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath());
        env.put("BOT_SECRET_FILE", dir.resolve("db/secret.key").toString());
        if (ratePerSecond != null) {
            env.put("TELEGRAM_RATE_PER_SECOND", ratePerSecond);
        }
        return new ConfigLoader(env, dir).load(null);
    }

    @Test
    void productionOptionsPaceTelegramAndLimitYclients() throws Exception {
        BotApplication.Options production = BotApplication.Options.production();
        assertEquals(50, production.pollTimeoutSeconds(), "Telegram holds a long poll 50 s in production");
        assertEquals(Duration.ofMillis(500), production.pacing().pollRetry(), "a failed getUpdates is tried again after 0.5 s");
        try (BotApplication app = BotApplication.create(config(null), production)) {
            SendPacing pacing = app.telegram().pacing();
            assertEquals(30, pacing.perSecond(), "30 messages a second by default");
            assertTrue(pacing.pacesChats(), "one message a second per chat, 20 a minute per group");

            RequestLimiter yclients = app.yclientsLimiter();
            assertEquals(List.of(new RequestLimiter.Window(1, 250_000_000L), new RequestLimiter.Window(5, 1_250_000_000L),
                    new RequestLimiter.Window(200, 61 * SECOND)), yclients.windows(),
                    "YCLIENTS's documented 5/s and 200/min, with a margin for the time a request takes to arrive");
        }
    }

    @Test
    void productionSharesTheYclientsBudgetBetweenCustomersAdminsAndBackgroundWork() throws Exception {
        try (CoreServices core = CoreServices.open(config(null), BotApplication.Options.production())) {
            FairScheduler budget = core.yclients().client().budget();
            assertEquals(Shares.YCLIENTS, budget.shares());
            assertEquals(RequestLimiter.yclientsDefault().windows(), budget.budget().windows());
        }
    }

    @Test
    void theConfiguredRateReachesThePacer() throws Exception {
        try (BotApplication app = BotApplication.create(config("12"), BotApplication.Options.production())) {
            assertEquals(12, app.telegram().pacing().perSecond());
        }
    }

    @Test
    void testOptionsRunUnpaced() throws Exception {
        try (BotApplication app = BotApplication.create(config(null),
                BotApplication.Options.unpaced(1, Duration.ofMinutes(5), java.time.Clock.systemUTC()))) {
            assertFalse(app.telegram().pacing().pacesChats());
            assertEquals(List.of(), app.yclientsLimiter().windows());
        }
    }
}
