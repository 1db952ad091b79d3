package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotConfigTest {

    private static final String TOKEN = ConfigLoaderTest.TOKEN;

    @TempDir
    Path dir;

    private BotConfig load(String... envNamesAndValues) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        for (int i = 0; i < envNamesAndValues.length; i += 2) {
            env.put(envNamesAndValues[i], envNamesAndValues[i + 1]);
        }
        return new ConfigLoader(env, dir).load(null);
    }

    private ConfigException loadFails(String... envNamesAndValues) {
        return assertThrows(ConfigException.class, () -> load(envNamesAndValues));
    }

    @Test
    void defaults() throws Exception {
        BotConfig config = load();
        assertEquals("https://api.telegram.org", config.telegram().apiUrl());
        assertEquals(Set.of(), config.roles().admins());
        assertEquals(Set.of(), config.roles().support());
        assertEquals("ru", config.locale().language());
        assertEquals("₽", config.locale().currency());
        assertEquals("jdbc:h2:file:./data/yclients-bot", config.storage().dbUrl());
        assertEquals("", config.storage().dbUser());
        assertEquals("", config.storage().dbPassword());
        assertEquals("", config.storage().secretKey());
        assertTrue(config.yclients().enabled());
        assertEquals(OptionalLong.empty(), config.yclients().companyId());
        assertEquals(Optional.empty(), config.yclients().apiToken());
        assertEquals(Optional.empty(), config.yclients().userToken());
        assertEquals("https://api.yclients.com", config.yclients().apiUrl());
        assertEquals(Optional.empty(), config.yclients().bookingUrl());
        assertEquals("{form}/company/{company}/personal/select-time?o=m{staff}s{service}", config.yclients().bookingTemplate());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void bookingLimitsDefaultToThreeFiveThreeAcceptZeroAndRefuseTheRest() throws Exception {
        assertEquals(new BookingLimits(3, 5, 3), load().booking().limits());
        assertEquals(new BookingLimits(0, 10, 0), load("BOOKING_LIMIT_SMS_PER_PHONE", "0",
                "BOOKING_LIMIT_SMS_PER_USER", "10", "BOOKING_LIMIT_BOOKINGS_PER_USER", "0").booking().limits());
        ConfigException negative = loadFails("BOOKING_LIMIT_SMS_PER_USER", "-1");
        assertEquals("booking.limit.sms-per-user", negative.key());
        assertTrue(negative.getMessage().contains("0 for no limit"), negative.getMessage());
        assertEquals("booking.limit.bookings-per-user", loadFails("BOOKING_LIMIT_BOOKINGS_PER_USER", "three").key());
    }

    @Test
    void typedValues() throws Exception {
        BotConfig config = load("TELEGRAM_API_URL", "http://localhost:8081/", "BOT_ADMINS", "5000000000, 42",
                "BOT_SUPPORT", "7", "BOT_LANGUAGE", "EN", "YCLIENTS_COMPANY_ID", "611204",
                "YCLIENTS_API_TOKEN", "partner-test-token-0123456789", "YCLIENTS_USER_TOKEN", "user-test-token-0123456789",
                "YCLIENTS_API_URL", "http://127.0.0.1:9000", "YCLIENTS_BOOKING_URL", "https://n611204.yclients.com/",
                "BOT_DB_USER", "sa", "BOT_DB_PASSWORD", "db-password-123", "BOT_SECRET_KEY", "secret-key-0123456789");
        assertEquals("http://localhost:8081", config.telegram().apiUrl());
        assertEquals(List.of(42L, 5000000000L), List.copyOf(config.roles().admins()));
        assertEquals(Set.of(7L), config.roles().support());
        assertEquals("en", config.locale().language());
        assertEquals(OptionalLong.of(611204), config.yclients().companyId());
        assertEquals(Optional.of("partner-test-token-0123456789"), config.yclients().apiToken());
        assertEquals(Optional.of("user-test-token-0123456789"), config.yclients().userToken());
        assertEquals("http://127.0.0.1:9000", config.yclients().apiUrl());
        assertEquals(Optional.of("https://n611204.yclients.com"), config.yclients().bookingUrl());
        assertEquals("sa", config.storage().dbUser());
        assertEquals("db-password-123", config.storage().dbPassword());
        assertEquals("secret-key-0123456789", config.storage().secretKey());
        assertThrows(UnsupportedOperationException.class, () -> config.roles().admins().add(1L));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "TELEGRAM_BOT_TOKEN        | 12345:short-but-secret       | telegram.bot.token        | is not a valid bot token (expected 123456:ABC…)",
        "TELEGRAM_BOT_TOKEN        | no-colon-secret-value-abcdefghijkl | telegram.bot.token    | is not a valid bot token",
        "TELEGRAM_API_URL          | api.telegram.org             | telegram.api.url          | must be an absolute http(s) address",
        "TELEGRAM_API_URL          | https://api.telegram.org/bot12345:test-token-abcdefghijklmnopqrstuvwxyz | telegram.api.url | without /bot<token>",
        "BOT_ADMINS                | 123, @owner                  | bot.admins                | got '123, @owner'",
        "BOT_SUPPORT               | -100123                      | bot.support               | comma-separated list of Telegram user ids",
        "BOT_LANGUAGE              | de                           | bot.language              | must be ru or en, got 'de'",
        "BOT_DB_URL                | h2:file:./data/x             | bot.db.url                | must be a JDBC URL",
        "BOT_SECRET_FILE           | bad\u0000path                | bot.secret.file           | is not a valid file path",
        "YCLIENTS_ENABLED          | maybe                        | yclients.enabled          | must be true or false, got 'maybe'",
        "YCLIENTS_COMPANY_ID       | abc                          | yclients.company.id       | must be a number, got 'abc'",
        "YCLIENTS_COMPANY_ID       | 0                            | yclients.company.id       | must be a number, got '0'",
        "YCLIENTS_COMPANY_IDS      | 502817; 611205               | yclients.company.ids      | must be company ids separated by commas, got '502817; 611205'",
        "YCLIENTS_COMPANY_IDS      | 502817,0                     | yclients.company.ids      | must be company ids separated by commas",
        "YCLIENTS_GROUP_ID         | chain                        | yclients.group.id         | must be a number, got 'chain'",
        "YCLIENTS_API_URL          | ftp://api.yclients.com       | yclients.api.url          | got 'ftp://api.yclients.com'",
        "YCLIENTS_BOOKING_URL      | n611204.yclients.com         | yclients.booking.url      | got 'n611204.yclients.com'",
        "YCLIENTS_BOOKING_TEMPLATE | {form}/company/{company}     | yclients.booking.template | must contain {form} and {service}",
        "YCLIENTS_BOOKING_TEMPLATE | https://x/{service}          | yclients.booking.template | must contain {form} and {service}",
        "BOT_HTTP_PORT             | http                         | bot.http.port             | must be a port number from 1 to 65535",
        "BOT_HTTP_PORT             | 70000                        | bot.http.port             | got '70000'",
        "BOT_HTTP_HOST             | my host                      | bot.http.host             | must be a host name or IP address",
    })
    void validationErrorsNameTheKeyTheEnvNameAndTheSource(String envName, String value, String key, String problem) {
        ConfigException e = loadFails(envName, value.replace("\\u0000", "\u0000"));
        String message = e.getMessage();
        assertEquals(key, e.key());
        assertTrue(message.startsWith(key + " "), message);
        assertTrue(message.contains(problem), message);
        assertTrue(message.contains("(from the environment): set " + envName + " or " + key + " in bot-config.properties"),
                message);
        assertFalse(message.contains("\n") || message.contains("\u0000"), "one printable line: " + message);
        assertFalse(message.contains("test-token-abcdefghijklmnopqrstuvwxyz"), message);
    }

    @Test
    void aMalformedTokenIsNeverEchoed() {
        String message = loadFails("TELEGRAM_BOT_TOKEN", "98765:short-but-secret").getMessage();
        assertFalse(message.contains("short-but-secret"), message);
        assertFalse(message.contains("98765"), message);
        assertEquals("telegram.bot.token is not a valid bot token (expected 123456:ABC…) (from the environment):"
                + " set TELEGRAM_BOT_TOKEN or telegram.bot.token in bot-config.properties to the token @BotFather gave you",
                message);
    }

    @Test
    void secretValuesNeverAppearInAnyValidationMessage() {
        String[] secrets = {"BOT_DB_PASSWORD", "db-password-0123456789", "BOT_SECRET_KEY", "secret-key-0123456789",
            "YCLIENTS_API_TOKEN", "partner-test-token-0123456789", "YCLIENTS_USER_TOKEN", "user-test-token-0123456789"};
        String[][] breakages = {{"BOT_LANGUAGE", "xx"}, {"YCLIENTS_COMPANY_ID", "x"}, {"YCLIENTS_ENABLED", "x"},
            {"YCLIENTS_API_URL", "x"}, {"TELEGRAM_BOT_TOKEN", "1:x"}};
        for (String[] breakage : breakages) {
            String[] env = new String[secrets.length + 2];
            System.arraycopy(secrets, 0, env, 0, secrets.length);
            env[secrets.length] = breakage[0];
            env[secrets.length + 1] = breakage[1];
            String message = loadFails(env).getMessage();
            for (int i = 1; i < secrets.length; i += 2) {
                assertFalse(message.contains(secrets[i]), message);
            }
        }
    }

    @Test
    void theSourceInTheMessageIsWhereTheBadValueCameFrom() throws Exception {
        Files.writeString(dir.resolve(".env"), "BOT_LANGUAGE=fr\n");
        assertTrue(loadFails().getMessage().contains("(from .env)"));
        Files.delete(dir.resolve(".env"));

        BotConfig config = load();
        ConfigException e = assertThrows(ConfigException.class, () -> config.with(SettingKey.BOT_LANGUAGE, "es"));
        assertEquals("bot.language must be ru or en, got 'es' (set in chat): set BOT_LANGUAGE or bot.language"
                + " in bot-config.properties to ru or en", e.getMessage());
    }

    @Test
    void longOrMultiLineValuesAreShortenedInMessages() {
        String message = loadFails("BOT_LANGUAGE", "a".repeat(500) + "\nb").getMessage();
        assertFalse(message.contains("\n"));
        assertTrue(message.length() < 300, message);
        assertTrue(message.contains("…'"), message);
    }

    @Test
    void withReplacesOneKeyAsChatAndValidatesAgain() throws Exception {
        BotConfig loaded = load("YCLIENTS_COMPANY_ID", "1");
        BotConfig changed = loaded.with(SettingKey.YCLIENTS_COMPANY_ID, " 611204 ");

        assertEquals(OptionalLong.of(611204), changed.yclients().companyId());
        assertEquals(new ConfigValue("611204", Source.CHAT), changed.get(SettingKey.YCLIENTS_COMPANY_ID));
        assertEquals(OptionalLong.of(1), loaded.yclients().companyId(), "the original is unchanged");
        assertEquals(Source.ENVIRONMENT, changed.get(SettingKey.TELEGRAM_BOT_TOKEN).source());

        ConfigException e = assertThrows(ConfigException.class, () -> loaded.with(SettingKey.YCLIENTS_COMPANY_ID, "abc"));
        assertEquals("yclients.company.id", e.key());

        BotConfig reset = changed.with(SettingKey.YCLIENTS_COMPANY_ID, "");
        assertEquals(new ConfigValue("", Source.NONE), reset.get(SettingKey.YCLIENTS_COMPANY_ID));
        assertEquals(new ConfigValue("ru", Source.DEFAULT), changed.with(SettingKey.BOT_LANGUAGE, null)
                .get(SettingKey.BOT_LANGUAGE));

        assertEquals(Source.ENVIRONMENT,
                loaded.with(SettingKey.BOT_CURRENCY, "EUR", Source.ENVIRONMENT).get(SettingKey.BOT_CURRENCY).source());
    }

    @Test
    void withCannotRemoveTheBotToken() throws Exception {
        BotConfig config = load();
        ConfigException e = assertThrows(ConfigException.class, () -> config.with(SettingKey.TELEGRAM_BOT_TOKEN, " "));
        assertTrue(e.getMessage().startsWith("telegram.bot.token is missing"));
    }

    @Test
    void toStringListsEveryKeyWithSecretsMasked() throws Exception {
        BotConfig config = load("YCLIENTS_API_TOKEN", "partner-test-token-0123456789",
                "YCLIENTS_USER_TOKEN", "user-token", "BOT_DB_PASSWORD", "pw", "BOT_SECRET_KEY", "secret-key-0123456789",
                "YCLIENTS_COMPANY_ID", "611204");
        String text = config.toString();

        for (SettingKey key : SettingKey.values()) {
            assertTrue(text.contains(key.key() + "="), key.key());
        }
        for (String secret : List.of(TOKEN, "test-token", "partner-test-token-0123456789", "user-token",
                "secret-key-0123456789", "=pw")) {
            assertFalse(text.contains(secret), secret + " leaked: " + text);
        }
        assertTrue(text.contains("telegram.bot.token=1234…wxyz (environment)"), text);
        assertTrue(text.contains("yclients.api.token=part…6789 (environment)"), text);
        assertTrue(text.contains("yclients.user.token=…en (environment)"), text);
        assertTrue(text.contains("bot.db.password=… (environment)"), text);
        assertTrue(text.contains("yclients.company.id=611204 (environment)"), text);
        assertTrue(text.contains("yclients.booking.url=(not set) (not set)"), text);
        assertTrue(text.contains("bot.language=ru (default)"), text);
    }

    @Test
    void everyAreaMasksItsSecretsInToString() throws Exception {
        BotConfig config = load("YCLIENTS_API_TOKEN", "partner-test-token-0123456789",
                "YCLIENTS_USER_TOKEN", "user-test-token-0123456789", "BOT_DB_PASSWORD", "db-password-0123456789",
                "BOT_SECRET_KEY", "secret-key-0123456789", "BOT_HTTP_API_KEY", "site-key-0123456789",
                "BOT_DB_URL", "jdbc:postgresql://bot:url-password-0123@db:5432/bot?password=query-password-0123");
        List<Object> areas = List.of(config.telegram(), config.roles(), config.locale(), config.storage(),
                config.yclients(), config.http(), config.booking(), config.updates());
        String text = areas.toString();
        for (String secret : List.of(TOKEN, "test-token-abcdefghijklmnopqrstuvwxyz", "partner-test-token-0123456789",
                "user-test-token-0123456789", "db-password-0123456789", "secret-key-0123456789", "site-key-0123456789",
                "url-password-0123", "query-password-0123")) {
            assertFalse(text.contains(secret), secret + " leaked: " + text);
        }
        assertTrue(text.contains("apiToken=part…6789"), text);
        assertTrue(text.contains("dbUrl=jdbc:postgresql://db:5432/bot,"), text);
        assertTrue(config.toString().contains("bot.http.api-key=site…6789 (environment)"), config.toString());
    }

    @Test
    void theBookingAndUpdateAreasHoldTheirDefaultsAndValidatedValues() throws Exception {
        BotConfig config = load();
        assertEquals(new BookingConfig("both", Optional.empty(), new BookingLimits(3, 5, 3)), config.booking());
        assertEquals(new UpdatesConfig(8, 20, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(8)),
                config.updates());
        assertEquals(new TelegramConfig(TOKEN, true, "https://api.telegram.org", 30, java.time.Duration.ofSeconds(600)),
                config.telegram());
        assertEquals(java.time.Duration.ofMinutes(5), config.yclients().cacheTtl());

        BotConfig set = load("BOOKING_MODE", " Chat ", "BOOKING_PRIVACY_URL", "https://example.com/privacy/",
                "BOT_WORKERS", "2", "TELEGRAM_RATE_PER_SECOND", "0");
        assertEquals("chat", set.booking().mode());
        assertEquals(Optional.of("https://example.com/privacy"), set.booking().privacyUrl());
        assertEquals(2, set.updates().workers());
        assertEquals(0, set.telegram().ratePerSecond());
        assertEquals("booking.mode", loadFails("BOOKING_MODE", "phone").key());
        assertEquals("booking.privacy-url", loadFails("BOOKING_PRIVACY_URL", "example.com").key());
    }

    @Test
    void aMessageIsTriedTenMinutesByDefaultAndTheSettingIsChecked() throws Exception {
        assertEquals(java.time.Duration.ofMinutes(10), load().telegram().sendMaxAge());
        assertEquals(java.time.Duration.ofSeconds(90), load("TELEGRAM_SEND_MAX_AGE_SECONDS", "90").telegram().sendMaxAge());
        for (String bad : List.of("0", "5", "86401", "ten", "-1")) {
            ConfigException e = loadFails("TELEGRAM_SEND_MAX_AGE_SECONDS", bad);
            assertEquals("telegram.send.max-age-seconds", e.key(), bad);
        }
    }

    @Test
    void displayValueMasksSecretsOnly() throws Exception {
        BotConfig config = load("YCLIENTS_API_TOKEN", "partner-test-token-0123456789");
        assertEquals("part…6789", config.displayValue(SettingKey.YCLIENTS_API_TOKEN));
        assertEquals("", config.displayValue(SettingKey.YCLIENTS_USER_TOKEN));
        assertEquals("https://api.yclients.com", config.displayValue(SettingKey.YCLIENTS_API_URL));
    }

    @Test
    void unknownTemplatePlaceholdersAreWarnings() throws Exception {
        BotConfig config = load("YCLIENTS_BOOKING_TEMPLATE", "{form}/company/{company}/x?o=m{staf}s{service}");
        assertEquals(List.of("yclients.booking.template contains the unknown placeholder {staf}; it is left as it is"
                + " (known: {form}, {company}, {staff}, {service})"), config.warnings());
    }

    @Test
    void httpEndpointsAreOffByDefaultAndOnWithAPort() throws Exception {
        BotConfig off = load();
        assertTrue(off.http().port().isEmpty());
        assertEquals("127.0.0.1", off.http().host());
        assertEquals(Optional.empty(), off.http().apiKey());
        assertTrue(load("BOT_HTTP_PORT", "0").http().port().isEmpty(), "0 means off");

        BotConfig on = load("BOT_HTTP_PORT", "8080", "BOT_HTTP_HOST", "0.0.0.0", "BOT_HTTP_API_KEY", "site-key-0123456789");
        assertEquals(8080, on.http().port().getAsInt());
        assertEquals("0.0.0.0", on.http().host());
        assertEquals(Optional.of("site-key-0123456789"), on.http().apiKey());
        assertFalse(on.toString().contains("site-key-0123456789"), "the api key is a secret");
    }

    @Test
    void theTokenIsRequiredUnlessTheLoaderIsToldOtherwise() throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of(), dir);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(null));
        assertTrue(e.getMessage().startsWith("telegram.bot.token is missing"), e.getMessage());
        assertThrows(ConfigException.class, () -> loader.load(null, true));

        BotConfig console = loader.load(null, false);
        assertFalse(console.telegram().tokenRequired());
        assertEquals("", console.telegram().botToken());
        // the rule survives a chat-set change
        assertEquals("", console.with(SettingKey.BOT_LANGUAGE, "en").telegram().botToken());
        assertTrue(load().telegram().tokenRequired());
    }

    @Test
    void aTokenThatIsSetMustBeWellFormedEvenWhenNotRequired() {
        ConfigLoader loader = new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", "98765:short"), dir);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(null, false));
        assertEquals("telegram.bot.token", e.key());
    }
}
