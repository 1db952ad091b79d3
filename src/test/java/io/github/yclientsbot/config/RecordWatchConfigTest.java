package io.github.yclientsbot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** yclients.records.poll-seconds, yclients.webhook.secret and yclients.webhook.public-url: read, checked, masked. */
class RecordWatchConfigTest {
    private static final String SECRET = "s3cret-webhook-0123456789abcdef";

    @TempDir
    Path dir;

    private RecordWatchConfig load(String... namesAndValues) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new ConfigLoader(env, dir).load(null, false).recordWatch();
    }

    @Test
    void byDefaultThePollRunsEveryFiveMinutesAndThereIsNoWebhook() throws Exception {
        RecordWatchConfig c = load();
        assertEquals(Duration.ofMinutes(5), c.pollPeriod());
        assertEquals(Optional.empty(), c.webhookSecret());
        assertEquals(Optional.empty(), c.publicUrl());
    }

    @Test
    void theValuesAreReadAndTheSecretIsMasked() throws Exception {
        RecordWatchConfig c = load("YCLIENTS_RECORDS_POLL_SECONDS", "60", "YCLIENTS_WEBHOOK_SECRET", SECRET,
                "YCLIENTS_WEBHOOK_PUBLIC_URL", "https://bot.example.com/");
        assertEquals(Duration.ofMinutes(1), c.pollPeriod());
        assertEquals(Optional.of(SECRET), c.webhookSecret());
        assertEquals(Optional.of("https://bot.example.com"), c.publicUrl());
        assertFalse(c.toString().contains(SECRET), c.toString());
    }

    @Test
    void aShortSecretAPlainHttpAddressAndATooFrequentPollAreRefusedNamingTheirKey() {
        ConfigException shortSecret = assertThrows(ConfigException.class, () -> load("YCLIENTS_WEBHOOK_SECRET", "short"));
        assertEquals("yclients.webhook.secret", shortSecret.key());
        ConfigException http = assertThrows(ConfigException.class,
                () -> load("YCLIENTS_WEBHOOK_PUBLIC_URL", "http://bot.example.com"));
        assertEquals("yclients.webhook.public-url", http.key());
        assertTrue(http.getMessage().contains("https://"), http.getMessage());
        ConfigException often = assertThrows(ConfigException.class, () -> load("YCLIENTS_RECORDS_POLL_SECONDS", "5"));
        assertEquals("yclients.records.poll-seconds", often.key());
    }
}
