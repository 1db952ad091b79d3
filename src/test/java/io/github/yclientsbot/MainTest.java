package io.github.yclientsbot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir, null);

        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text + out.toString(StandardCharsets.UTF_8));
        assertEquals(1, text.strip().lines().count(), text);
        assertTrue(text.startsWith("Configuration error: telegram.bot.token is still the example's placeholder"), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inTheConsoleTheLogGoesToAFileTheBannerNamesAndNoLogLineInterleavesTheConversation() throws Exception {
        // the real main in a child JVM with the production logback.xml (the tests' own would log to the terminal)
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-Dlogback.configurationFile=logback.xml", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--console");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        Process child = builder.start();
        try (var stdin = child.getOutputStream()) {
            // no YCLIENTS configured: the start warns "YCLIENTS is not ready"; the customer asks for the services
            stdin.write("/services\n/whoami\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(child.waitFor(90, TimeUnit.SECONDS), "the console ends with its input");
        String out = Files.readString(dir.resolve("stdout.txt"));
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(0, child.exitValue(), out + err);

        Path log = tmp.resolve("yclients-telegram-bot-console.log");
        assertTrue(out.contains("Журнал бота (предупреждения и ошибки тоже) пишется не сюда, а в " + log), out);
        assertTrue(out.contains("Онлайн-запись сейчас недоступна") && out.contains("1000003"), out);
        assertTrue(out.lines().noneMatch(line -> line.matches(".*\\b(WARN|INFO|ERROR)\\b.*")), "a log line in the conversation: " + out);
        assertEquals("", err, "nor on stderr");
        String written = Files.readString(log);
        assertTrue(written.contains(" WARN ") && written.contains("YCLIENTS is not ready, missing"), written);
        assertTrue(written.contains(" INFO ") && written.contains("Bot started"), "INFO is kept in the file: " + written);
        assertFalse(Files.exists(dir.resolve("data")), "nothing else is written");
    }
}
