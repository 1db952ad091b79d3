package io.github.yclientsbot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command line: what a newcomer who copied the example configuration sees. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void theExamplesPlaceholderTokenStopsTheStartWithOneLineAndExitCodeTwo() throws Exception {
        assumeTrue(System.getenv("TELEGRAM_BOT_TOKEN") == null, "the environment's token would hide the file's");
        // the console, so that nothing would reach out to Telegram if the placeholder were taken; its own database
        Path file = dir.resolve("bot-config.properties");
        Files.writeString(file, "telegram.bot.token=123456:replace-with-the-token-from-BotFather\n"
                + "bot.db.url=jdbc:h2:file:" + dir.resolve("db/bot").toString().replace('\\', '/') + "\n"
                + "bot.secret.file=" + dir.resolve("db/secret.key").toString().replace('\\', '/') + "\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"--console", "--config", file.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);

        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text + out.toString(StandardCharsets.UTF_8));
        assertEquals(1, text.strip().lines().count(), text);
        assertTrue(text.startsWith("Configuration error: telegram.bot.token is still the example's placeholder"), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
