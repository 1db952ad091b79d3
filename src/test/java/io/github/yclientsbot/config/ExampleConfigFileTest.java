package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void uncommentedItIsAValidConfigWithTheDefaults() throws Exception {
        String uncommented = lines().stream()
                .map(line -> line.matches("# [a-z.-]+=.*") ? line.substring(2) : line)
                .collect(Collectors.joining("\n"));
        Path file = dir.resolve("uncommented.properties");
        Files.writeString(file, uncommented, StandardCharsets.UTF_8);

        BotConfig config = new ConfigLoader(Map.of(), dir).load(file);

        assertEquals(List.of(), config.warnings());
        for (SettingKey key : SettingKey.values()) {
            String defaultValue = key.defaultValue();
            if (defaultValue != null && !defaultValue.isEmpty()) {
                assertEquals(defaultValue, config.get(key).value(), key.key() + " should show its default");
            }
        }
    }
}
