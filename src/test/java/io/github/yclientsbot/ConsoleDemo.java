package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.console.ConsoleClock;
import io.github.yclientsbot.i18n.Messages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The console demo as a newcomer runs it ({@code --console --demo}, no configuration), for tests: lines typed in,
 * what it printed back (checked for missing message keys). One bot per instance; {@link #close} stops it.
 */
final class ConsoleDemo implements AutoCloseable {
    private final Path dir;
    private final BotApplication app;

    private ConsoleDemo(Path dir, BotApplication app) {
        this.dir = dir;
        this.app = app;
    }

    /** The demo on the real clock (files it sends are saved in {@code dir}). */
    static ConsoleDemo start(Path dir) throws Exception {
        return start(dir, null);
    }

    /** The demo on {@code clock}, which the console's {@code /clock} moves; null: the real clock. */
    static ConsoleDemo start(Path dir, ConsoleClock clock) throws Exception {
        BotConfig config = new ConfigLoader(Map.of(), dir).load(null, false);
        BotApplication.Options options = BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC());
        return new ConsoleDemo(dir, BotApplication.startConsole(config, clock == null ? options : options.withClock(clock),
                true, true));
    }

    /** The lines typed into a console session of the running bot; returns what it printed. */
    String talk(String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String input = String.join("\n", lines) + "\n";
        app.runConsole(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), dir, null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(Messages.isMissingMarker(text), "a message key is missing: " + text);
        return text;
    }

    BotApplication app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
