package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bot-config.example.properties at the project root documents every key, and is itself a valid config. */
class ExampleConfigFileTest {

    private static final Path EXAMPLE = Path.of("bot-config.example.properties");

    @TempDir
    Path dir;

    private static List<String> lines() throws Exception {
        return Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
    }

    @Test
    void everyKeyIsListedWithItsEnvironmentName() throws Exception {
        List<String> lines = lines();
        for (SettingKey key : SettingKey.values()) {
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith(key.key() + "=") || line.startsWith("# " + key.key() + "=")) {
                    at = i;
                }
            }
            assertTrue(at >= 0, key.key() + " is missing from " + EXAMPLE);
            assertTrue(lines.get(at - 1).startsWith("#") && String.join("\n", lines.subList(Math.max(0, at - 4), at))
                    .contains(key.envName()), key.key() + " needs a comment naming " + key.envName());
        }
    }

    @Test
    void holdsNoRealLookingTelegramToken() throws Exception {
        Pattern realToken = Pattern.compile("[0-9]{8,10}:AA[A-Za-z0-9_-]{33}");
        assertFalse(realToken.matcher(Files.readString(EXAMPLE, StandardCharsets.UTF_8)).find());
    }

    @Test
    void asShippedItSetsNothingAndWarnsAboutNothing() throws Exception {
        BotConfig config = new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", ConfigLoaderTest.TOKEN), dir)
                .load(EXAMPLE.toAbsolutePath());
        assertEquals(List.of(), config.warnings());
        for (SettingKey key : SettingKey.values()) {
            if (key != SettingKey.TELEGRAM_BOT_TOKEN) {
                assertTrue(config.get(key).source() == Source.DEFAULT || config.get(key).source() == Source.NONE,
                        key.key());
            }
        }
    }

    /** The example's lines that show a placeholder, not a value that works as it is. */
    private static final Set<String> PLACEHOLDER_KEYS = Set.of("telegram.bot.token", "bot.admins", "yclients.company.id",
            "yclients.api.token", "yclients.user.token");

    @Test
    void uncommentedAsItIsItIsRefusedNamingTheFirstPlaceholder() throws Exception {
        String uncommented = lines().stream()
                .map(line -> line.matches("# [a-z.-]+=.*") ? line.substring(2) : line)
                .collect(Collectors.joining("\n"));
        Path file = dir.resolve("bot-config.properties");
        Files.writeString(file, uncommented, StandardCharsets.UTF_8);

        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of(), dir).load(file));
        assertEquals("telegram.bot.token", e.key());
        assertEquals("telegram.bot.token is still the example's placeholder, not a real value (from bot-config.properties):"
                + " set TELEGRAM_BOT_TOKEN or telegram.bot.token in bot-config.properties to the token @BotFather gave you",
                e.getMessage());
    }

    @Test
    void eachPlaceholderLineUncommentedAloneIsRefusedNamingItsKey() throws Exception {
        Set<String> refused = new TreeSet<>();
        for (String line : lines()) {
            if (!line.matches("# [a-z.-]+=.*")) {
                continue;
            }
            String key = line.substring(2, line.indexOf('='));
            Path file = dir.resolve(key + ".properties");
            Files.writeString(file, line.substring(2) + "\n", StandardCharsets.UTF_8);
            // the token from the environment would hide the file's: test the token line without it
            Map<String, String> env = key.equals("telegram.bot.token") ? Map.of() : Map.of("TELEGRAM_BOT_TOKEN", ConfigLoaderTest.TOKEN);
            try {
                new ConfigLoader(env, dir).load(file);
            } catch (ConfigException e) {
                assertEquals(key, e.key(), e.getMessage());
                assertTrue(e.getMessage().startsWith(key + " is still the example's placeholder"), e.getMessage());
                refused.add(key);
            }
        }
        assertEquals(new TreeSet<>(PLACEHOLDER_KEYS), refused);
    }

    @Test
    void uncommentedButThePlaceholdersItIsAValidConfigWithTheDefaults() throws Exception {
        String uncommented = lines().stream()
                .filter(line -> PLACEHOLDER_KEYS.stream().noneMatch(key -> line.startsWith("# " + key + "=")))
                .map(line -> line.matches("# [a-z.-]+=.*") ? line.substring(2) : line)
                .collect(Collectors.joining("\n"));
        Path file = dir.resolve("uncommented.properties");
        Files.writeString(file, uncommented, StandardCharsets.UTF_8);

        BotConfig config = new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", ConfigLoaderTest.TOKEN), dir).load(file);

        assertEquals(List.of(), config.warnings());
        for (SettingKey key : SettingKey.values()) {
            String defaultValue = key.defaultValue();
            if (defaultValue != null && !defaultValue.isEmpty()) {
                assertEquals(defaultValue, config.get(key).value(), key.key() + " should show its default");
            }
        }
    }
}
