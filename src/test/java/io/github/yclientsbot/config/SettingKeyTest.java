package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingKeyTest {

    @Test
    void envNamesAreUpperCaseWithUnderscores() {
        assertEquals("BOT_HTTP_API_KEY", SettingKey.envNameOf("bot.http.api-key"));
        assertEquals("YCLIENTS_COMPANY_ID", SettingKey.YCLIENTS_COMPANY_ID.envName());
        assertEquals("TELEGRAM_BOT_TOKEN", SettingKey.TELEGRAM_BOT_TOKEN.envName());
        assertEquals("YCLIENTS_BOOKING_TEMPLATE", SettingKey.YCLIENTS_BOOKING_TEMPLATE.envName());
    }

    @Test
    void everyEnvNameFollowsTheRuleAndMatchesTheConstantName() {
        for (SettingKey key : SettingKey.values()) {
            assertEquals(SettingKey.envNameOf(key.key()), key.envName());
            assertEquals(key.name(), key.envName(), "the constant name is the env name");
        }
    }

    @Test
    void byKeyMatchesExactly() {
        assertEquals(Optional.of(SettingKey.YCLIENTS_API_TOKEN), SettingKey.byKey("yclients.api.token"));
        assertEquals(Optional.empty(), SettingKey.byKey("YCLIENTS.API.TOKEN"));
        assertEquals(Optional.empty(), SettingKey.byKey("YCLIENTS_API_TOKEN"));
        assertEquals(Optional.empty(), SettingKey.byKey(null));
    }

    @Test
    void theSecretsAreExactlyTheTokensKeysAndPasswords() {
        EnumSet<SettingKey> secrets = EnumSet.noneOf(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            if (key.secret()) {
                secrets.add(key);
            }
        }
        assertEquals(EnumSet.of(SettingKey.TELEGRAM_BOT_TOKEN, SettingKey.BOT_DB_PASSWORD, SettingKey.BOT_SECRET_KEY, SettingKey.BOT_HTTP_API_KEY,
                SettingKey.YCLIENTS_API_TOKEN, SettingKey.YCLIENTS_USER_TOKEN, SettingKey.YCLIENTS_WEBHOOK_SECRET), secrets);
    }

    @Test
    void defaults() {
        assertEquals("https://api.telegram.org", SettingKey.TELEGRAM_API_URL.defaultValue());
        assertEquals("ru", SettingKey.BOT_LANGUAGE.defaultValue());
        assertEquals("true", SettingKey.YCLIENTS_ENABLED.defaultValue());
        assertEquals(null, SettingKey.TELEGRAM_BOT_TOKEN.defaultValue());
        assertTrue(SettingKey.YCLIENTS_BOOKING_TEMPLATE.defaultValue().contains("{form}"));
        assertFalse(SettingKey.YCLIENTS_COMPANY_ID.secret());
    }

    @Test
    void sourceLabels() {
        assertEquals("chat", Source.CHAT.label());
        assertEquals("environment", Source.ENVIRONMENT.label());
        assertEquals(".env", Source.DOTENV.label());
        assertEquals("config file", Source.FILE.label());
        assertEquals("default", Source.DEFAULT.label());
        assertEquals("not set", Source.NONE.label());
    }

    @Test
    void configValueNeverPrintsItsValue() {
        ConfigValue value = new ConfigValue("12345:test-token-abcdefghijklmnopqrstuvwxyz", Source.ENVIRONMENT);
        assertFalse(value.toString().contains("test-token"));
        assertTrue(value.toString().contains("environment"));
        assertTrue(value.isSet());
        assertFalse(new ConfigValue("  ", Source.FILE).isSet());
        assertFalse(new ConfigValue(null, Source.NONE).isSet());
        assertEquals("", new ConfigValue(null, Source.NONE).value());
    }
}
