package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final String TOKEN = "12345:test-token-abcdefghijklmnopqrstuvwxyz";
    private static final Map<String, String> ENV_WITH_TOKEN = Map.of("TELEGRAM_BOT_TOKEN", TOKEN);

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void copyResource(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/config/" + resource)) {
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private BotConfig load(Map<String, String> env) throws ConfigException {
        return new ConfigLoader(env, dir).load(null);
    }

    @Test
    void environmentBeatsDotenvBeatsFileBeatsDefault() throws Exception {
        write("bot-config.properties", """
                telegram.bot.token=99999:file-token-abcdefghijklmnopqrstuvwxyz
                yclients.company.id=1
                bot.language=en
                bot.currency=EUR
                """);
        write(".env", """
                YCLIENTS_COMPANY_ID=2
                BOT_LANGUAGE=ru
                """);
        BotConfig config = load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "YCLIENTS_COMPANY_ID", "3"));

        assertEquals(new ConfigValue(TOKEN, Source.ENVIRONMENT), config.get(SettingKey.TELEGRAM_BOT_TOKEN));
        assertEquals(new ConfigValue("3", Source.ENVIRONMENT), config.get(SettingKey.YCLIENTS_COMPANY_ID));
        assertEquals(new ConfigValue("ru", Source.DOTENV), config.get(SettingKey.BOT_LANGUAGE));
        assertEquals(new ConfigValue("EUR", Source.FILE), config.get(SettingKey.BOT_CURRENCY));
        assertEquals(new ConfigValue("https://api.telegram.org", Source.DEFAULT), config.get(SettingKey.TELEGRAM_API_URL));
        assertEquals(new ConfigValue("", Source.NONE), config.get(SettingKey.YCLIENTS_API_TOKEN));

        assertEquals(TOKEN, config.telegram().botToken());
        assertEquals(OptionalLong.of(3), config.yclients().companyId());
        assertEquals("ru", config.locale().language());
        assertEquals("EUR", config.locale().currency());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void dotenvBeatsFile() throws Exception {
        write("bot-config.properties", "telegram.bot.token=99999:file-token-abcdefghijklmnopqrstuvwxyz\n");
        write(".env", "TELEGRAM_BOT_TOKEN=" + TOKEN + "\n");
        BotConfig config = load(Map.of());
        assertEquals(new ConfigValue(TOKEN, Source.DOTENV), config.get(SettingKey.TELEGRAM_BOT_TOKEN));
    }

    @Test
    void blankValuesFallThroughToLowerLayers() throws Exception {
        write("bot-config.properties", """
                telegram.bot.token=12345:file-token-abcdefghijklmnopqrstuvwxyz
                yclients.api.token=partner-from-file-0123456789
                yclients.company.id=611204
                bot.admins=
                """);
        write(".env", """
                YCLIENTS_API_TOKEN=
                YCLIENTS_COMPANY_ID=""
                """);
        BotConfig config = load(Map.of("TELEGRAM_BOT_TOKEN", "   ", "BOT_LANGUAGE", ""));

        assertEquals(Source.FILE, config.get(SettingKey.TELEGRAM_BOT_TOKEN).source());
        assertEquals(new ConfigValue("partner-from-file-0123456789", Source.FILE), config.get(SettingKey.YCLIENTS_API_TOKEN));
        assertEquals(Source.FILE, config.get(SettingKey.YCLIENTS_COMPANY_ID).source());
        assertEquals(new ConfigValue("ru", Source.DEFAULT), config.get(SettingKey.BOT_LANGUAGE));
        assertEquals(Source.NONE, config.get(SettingKey.BOT_ADMINS).source());
        assertEquals(Set.of(), config.roles().admins());
    }

    @Test
    void valuesAreTrimmed() throws Exception {
        write("bot-config.properties", "bot.currency = EUR   \n");
        BotConfig config = load(Map.of("TELEGRAM_BOT_TOKEN", "  " + TOKEN + "\t", "BOT_ADMINS", " 1 , 2 "));
        assertEquals(TOKEN, config.telegram().botToken());
        assertEquals("EUR", config.locale().currency());
        assertEquals("1 , 2", config.get(SettingKey.BOT_ADMINS).value());
        assertEquals(Set.of(1L, 2L), config.roles().admins());
    }

    @Test
    void aBusinessDotenvIsReadAndItsOtherNamesIgnored() throws Exception {
        copyResource("business.env", ".env");
        BotConfig config = load(ENV_WITH_TOKEN);

        assertTrue(config.yclients().enabled());
        assertEquals(new ConfigValue("True", Source.DOTENV), config.get(SettingKey.YCLIENTS_ENABLED));
        assertEquals(OptionalLong.of(611204), config.yclients().companyId());
        assertEquals(Optional.of("partner-test-token-0123456789"), config.yclients().apiToken());
        assertEquals(Optional.empty(), config.yclients().userToken());
        assertEquals(Optional.of("https://n611204.yclients.com"), config.yclients().bookingUrl());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void booleansInAnyCaseFromTheEnvironment() throws Exception {
        assertFalse(load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "YCLIENTS_ENABLED", "FALSE")).yclients().enabled());
        assertTrue(load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "YCLIENTS_ENABLED", "True")).yclients().enabled());
        assertTrue(load(ENV_WITH_TOKEN).yclients().enabled());
    }

    @Test
    void onlyExactEnvNamesCount() throws Exception {
        BotConfig config = load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "yclients.company.id", "5",
                "yclients_company_id", "6", "BOT_ADMIN", "7"));
        assertEquals(OptionalLong.empty(), config.yclients().companyId());
        assertEquals(Set.of(), config.roles().admins());
    }

    @Test
    void unknownKeysInTheFileAreWarningsWithLineAndSuggestion() throws Exception {
        copyResource("typo.properties", "bot-config.properties");
        BotConfig config = load(Map.of());

        List<String> warnings = config.warnings();
        assertEquals(4, warnings.size(), warnings.toString());
        assertEquals("unknown key 'yclients.compnay.id' in bot-config.properties (line 7) — a typo?"
                + " Did you mean 'yclients.company.id'? Known keys are listed in bot-config.example.properties",
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith("unknown key 'YCLIENTS_API_TOKEN' in bot-config.properties (line 8)"
                + " — a typo? Did you mean 'yclients.api.token'?"), warnings.get(1));
        assertEquals("unknown key 'completely.unrelated' in bot-config.properties (line 9) — a typo?"
                + " Known keys are listed in bot-config.example.properties", warnings.get(2));
        assertEquals("key 'bot.language' appears more than once in bot-config.properties (lines 4 and 10);"
                + " the last one is used", warnings.get(3));
        assertFalse(warnings.toString().contains("env-style-name-in-a-properties-file"), "no values in warnings");

        assertEquals("ru", config.locale().language());
        assertEquals(Set.of(111L, 222L), config.roles().admins());
        assertFalse(config.yclients().enabled());
        assertEquals(OptionalLong.empty(), config.yclients().companyId());
        assertEquals(Optional.empty(), config.yclients().apiToken());
    }

    @Test
    void unknownNamesInDotenvAreIgnoredSilently() throws Exception {
        write(".env", "YCLIENTS_COMPNAY_ID=5\nSOMETHING_ELSE=x\n");
        assertEquals(List.of(), load(ENV_WITH_TOKEN).warnings());
    }

    @Test
    void aMissingDefaultFileIsFineWhenTheEnvironmentHasTheToken() throws Exception {
        BotConfig config = load(ENV_WITH_TOKEN);
        assertEquals(TOKEN, config.telegram().botToken());
        assertEquals("https://api.yclients.com", config.yclients().apiUrl());
    }

    @Test
    void aMissingTokenStopsTheStartWithOneLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of()));
        assertEquals("telegram.bot.token", e.key());
        assertEquals("telegram.bot.token is missing: set the TELEGRAM_BOT_TOKEN environment variable or add"
                + " telegram.bot.token=... to bot-config.properties (get a token from @BotFather)", e.getMessage());
    }

    @Test
    void aMissingExplicitConfigFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("conf/salon.properties");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(ENV_WITH_TOKEN, dir).load(missing));
        assertNull(e.key());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--config"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anExplicitConfigFileIsReadRelativeToTheWorkingDirectoryAndNamedInMessages() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        write("conf/salon.properties", "telegram.bot.token=" + TOKEN + "\nyclients.company.id=abc\n");
        write("bot-config.properties", "bot.currency=not used\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of(), dir).load(Path.of("conf/salon.properties")));
        assertEquals("yclients.company.id must be a number, got 'abc' (from salon.properties): set YCLIENTS_COMPANY_ID"
                + " or yclients.company.id in salon.properties to the id from your YCLIENTS address (…/timetable/123456)",
                e.getMessage());

        write("conf/salon.properties", "telegram.bot.token=" + TOKEN + "\n");
        BotConfig config = new ConfigLoader(Map.of(), dir).load(Path.of("conf/salon.properties"));
        assertEquals(Source.FILE, config.get(SettingKey.TELEGRAM_BOT_TOKEN).source());
        assertEquals(Source.DEFAULT, config.get(SettingKey.BOT_CURRENCY).source());
    }

    @Test
    void aDirectoryIsNotAConfigFile() throws Exception {
        Files.createDirectories(dir.resolve("bot-config.properties"));
        ConfigException e = assertThrows(ConfigException.class, () -> load(ENV_WITH_TOKEN));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    @Test
    void theFileIsReadAsUtf8() throws Exception {
        write("bot-config.properties", "bot.currency=₽ руб.\n");
        assertEquals("₽ руб.", load(ENV_WITH_TOKEN).locale().currency());

        Files.write(dir.resolve("bot-config.properties"), "bot.currency=\u20AC\n".getBytes(StandardCharsets.UTF_16));
        ConfigException e = assertThrows(ConfigException.class, () -> load(ENV_WITH_TOKEN));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void aMalformedEscapeNamesTheLine() throws Exception {
        write("bot-config.properties", "bot.currency=EUR\nbot.secret.file=C:\\users\\salon\\key\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(ENV_WITH_TOKEN));
        assertTrue(e.getMessage().startsWith("config file bot-config.properties line 2: malformed \\uXXXX escape"),
                e.getMessage());
    }

    @Test
    void theSecretFileIsResolvedAgainstTheWorkingDirectory() throws Exception {
        assertEquals(dir.resolve("data/secret.key"), load(ENV_WITH_TOKEN).storage().secretFile());
        Path absolute = dir.resolve("elsewhere/key.bin").toAbsolutePath();
        assertEquals(absolute, load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "BOT_SECRET_FILE", absolute.toString()))
                .storage().secretFile());
    }

    @Test
    void keysWithDashesUseUnderscoresInTheEnvironment() {
        assertEquals("BOT_HTTP_API_KEY", SettingKey.envNameOf("bot.http.api-key"));
        assertEquals(Optional.of(SettingKey.YCLIENTS_BOOKING_URL), ConfigLoader.closestKey("YCLIENTS_BOOKING_URL"));
    }

    @org.junit.jupiter.api.Test
    void aYclientsTokenWithACommaOrSpaceIsRefusedWithoutShowingIt() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", "12345:test-token-abcdefghijklmnopqrstuvwxyz");
        env.put("YCLIENTS_API_TOKEN", "secret-part,other-part");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new ConfigLoader(env, java.nio.file.Path.of("/nonexistent-dir-for-test")).load(null));
        org.junit.jupiter.api.Assertions.assertEquals("yclients.api.token", e.key());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("YCLIENTS_API_TOKEN"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
    }

    @Test
    void placeholdersFromTheExamplesAreRefusedWhereverTheyComeFromNamingTheKey() throws Exception {
        ConfigException env = assertThrows(ConfigException.class,
                () -> load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "YCLIENTS_API_TOKEN", "your-partner-token")));
        assertEquals("yclients.api.token", env.key());
        assertTrue(env.getMessage().startsWith("yclients.api.token is still the example's placeholder, not a real value"
                + " (from the environment): set YCLIENTS_API_TOKEN"), env.getMessage());

        // the README's example token has the right shape, so only the placeholder check stops it
        write(".env", "TELEGRAM_BOT_TOKEN='123456:your-token-from-BotFather'\n");
        ConfigException dotenv = assertThrows(ConfigException.class, () -> load(Map.of()));
        assertEquals("telegram.bot.token", dotenv.key());
        assertTrue(dotenv.getMessage().contains("(from .env)"), dotenv.getMessage());
        Files.delete(dir.resolve(".env"));

        write("bot-config.properties", "bot.admins=123456789, 987654321\n");
        assertEquals("bot.admins", assertThrows(ConfigException.class, () -> load(ENV_WITH_TOKEN)).key());
        write("bot-config.properties", "yclients.company.id=123456\n");
        ConfigException company = assertThrows(ConfigException.class, () -> load(ENV_WITH_TOKEN));
        assertTrue(company.getMessage().contains("/setcompany 123456"), "the way out if it is real: " + company.getMessage());
        write("bot-config.properties", "yclients.user.token=<your user token>\n");
        assertEquals("yclients.user.token", assertThrows(ConfigException.class, () -> load(ENV_WITH_TOKEN)).key());
    }

    @Test
    void realValuesOfThoseKeysAndValuesSetInChatAreNotPlaceholders() throws Exception {
        write("bot-config.properties", """
                yclients.company.id=502817
                bot.admins=123456789
                yclients.api.token=0123456789abcdef0123456789abcdef
                """);
        BotConfig config = load(ENV_WITH_TOKEN);
        assertEquals(OptionalLong.of(502817), config.yclients().companyId());
        // in chat an admin answers for the value (a company may really be 123456): only the configuration is checked
        assertEquals(OptionalLong.of(123456), config.with(SettingKey.YCLIENTS_COMPANY_ID, "123456").yclients().companyId());
    }
}
