package io.github.yclientsbot.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the settings from, lowest to highest: the defaults, the properties file, {@code .env} in the
 * working directory, the environment. A blank value in any layer counts as not set, so it does not hide
 * a lower layer's value. Values set in chat are applied later with {@link BotConfig#with(SettingKey, String)}.
 */
public final class ConfigLoader {

    /** The file read when no {@code --config} path is given, in the working directory. */
    public static final String DEFAULT_FILE_NAME = "bot-config.properties";
    /** Where every key is documented; named in the unknown-key warning. */
    public static final String EXAMPLE_FILE_NAME = "bot-config.example.properties";
    public static final String DOTENV_FILE_NAME = ".env";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final Map<String, String> env;
    private final Path workingDir;

    /**
     * @param env        the process environment ({@code System.getenv()} in production, a map in tests)
     * @param workingDir where {@code .env} and the default config file are looked for, and what relative
     *                   paths are resolved against
     */
    public ConfigLoader(Map<String, String> env, Path workingDir) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    }

    /**
     * @param configFileOrNull the explicit {@code --config} path, which must exist; or null for
     *                         {@code bot-config.properties} in the working directory, which may be missing
     */
    public BotConfig load(Path configFileOrNull) throws ConfigException {
        return load(configFileOrNull, true);
    }

    /**
     * As {@link #load(Path)}; with {@code requireTelegramToken} false a missing {@code telegram.bot.token}
     * is not an error (console mode, the health check), while a token that is set must still be well-formed.
     */
    public BotConfig load(Path configFileOrNull, boolean requireTelegramToken) throws ConfigException {
        boolean explicit = configFileOrNull != null;
        Path file = workingDir.resolve(explicit ? configFileOrNull : Path.of(DEFAULT_FILE_NAME));
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();

        Map<SettingKey, ConfigValue> values = new EnumMap<>(SettingKey.class);
        List<String> warnings = new ArrayList<>();

        if (Files.exists(file)) {
            readPropertiesFile(file, fileName, values, warnings);
        } else if (explicit) {
            throw new ConfigException(null, "config file " + file + " does not exist (given with --config):"
                    + " check the path, or leave out --config to use ./" + DEFAULT_FILE_NAME + " and the environment");
        } else {
            LOG.debug("No {} in {}; using the environment and defaults", DEFAULT_FILE_NAME, workingDir);
        }

        Path dotenv = workingDir.resolve(DOTENV_FILE_NAME);
        if (Files.isRegularFile(dotenv)) {
            LOG.debug("Reading {}", dotenv);
            Map<String, String> fromDotenv = DotEnvFile.parse(read(dotenv, DOTENV_FILE_NAME));
            putAll(values, fromDotenv, Source.DOTENV);
        }

        putAll(values, env, Source.ENVIRONMENT);
        return BotConfig.create(values, warnings, workingDir, fileName, requireTelegramToken);
    }

    private static void readPropertiesFile(Path file, String fileName, Map<SettingKey, ConfigValue> values,
                                           List<String> warnings) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(null, "config file " + file + " is not a regular file: give the path of a"
                    + " .properties file (see " + EXAMPLE_FILE_NAME + ")");
        }
        LOG.debug("Reading config file {}", file);
        List<PropertiesFile.Entry> entries;
        try {
            entries = PropertiesFile.parse(read(file, fileName));
        } catch (PropertiesFile.SyntaxException e) {
            throw new ConfigException(null, "config file " + fileName + " line " + e.line() + ": " + e.getMessage()
                    + ": write \\u followed by four hex digits, or \\\\ for a backslash");
        }
        Map<String, PropertiesFile.Entry> last = new LinkedHashMap<>();
        for (PropertiesFile.Entry entry : entries) {
            PropertiesFile.Entry earlier = last.put(entry.key(), entry);
            Optional<SettingKey> key = SettingKey.byKey(entry.key());
            if (key.isEmpty()) {
                warnings.add(unknownKeyWarning(entry, fileName));
            } else if (earlier != null) {
                warnings.add("key '" + entry.key() + "' appears more than once in " + fileName + " (lines "
                        + earlier.line() + " and " + entry.line() + "); the last one is used");
            }
        }
        for (PropertiesFile.Entry entry : last.values()) {
            SettingKey.byKey(entry.key()).ifPresent(key -> {
                String value = entry.value().trim();
                if (!value.isEmpty() || key.emptyIsAValue()) {
                    values.put(key, new ConfigValue(value, Source.FILE));
                }
            });
        }
    }

    private static void putAll(Map<SettingKey, ConfigValue> values, Map<String, String> byEnvName, Source source) {
        for (SettingKey key : SettingKey.values()) {
            String value = byEnvName.get(key.envName());
            if (value != null && (!value.isBlank() || key.emptyIsAValue())) {
                values.put(key, new ConfigValue(value.trim(), source));
            }
        }
    }

    private static String read(Path file, String name) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(null, name + " (" + file + ") is not UTF-8 text: save it with UTF-8 encoding", e);
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read " + name + " (" + file + "): " + e.getClass().getSimpleName()
                    + ": check that the file is readable by the user running the bot", e);
        }
    }

    static String unknownKeyWarning(PropertiesFile.Entry entry, String fileName) {
        String suggestion = closestKey(entry.key())
                .map(k -> " Did you mean '" + k.key() + "'?")
                .orElse("");
        return "unknown key '" + entry.key() + "' in " + fileName + " (line " + entry.line() + ") — a typo?"
                + suggestion + " Known keys are listed in " + EXAMPLE_FILE_NAME;
    }

    /** The known key the text most likely meant: its env name, or within 3 edits. */
    static Optional<SettingKey> closestKey(String text) {
        SettingKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (SettingKey key : SettingKey.values()) {
            if (key.envName().equals(text) || key.key().equalsIgnoreCase(text)) {
                return Optional.of(key);
            }
            int d = editDistance(key.key(), text);
            if (d < bestDistance) {
                best = key;
                bestDistance = d;
            }
        }
        return bestDistance <= 3 ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
