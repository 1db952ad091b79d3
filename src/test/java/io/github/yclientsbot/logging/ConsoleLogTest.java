package io.github.yclientsbot.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Console mode's log leaves the terminal: to a file, or stderr when the file cannot be written. A context of its own. */
class ConsoleLogTest {
    @TempDir
    Path dir;
    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void mdc() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // a context SLF4J did not set up has none
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private Logger rootWithATerminalAppender() {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern("%-5level %logger{0} - %msg%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> terminal = new ConsoleAppender<>();
        terminal.setContext(context);
        terminal.setName("CONSOLE");
        terminal.setEncoder(encoder);
        terminal.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(terminal);
        return root;
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger root) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(all::add);
        return all;
    }

    @Test
    void theLogGoesToTheFileWithTheSameLayoutRedactedAndNoLongerToTheTerminal() throws Exception {
        Logger root = rootWithATerminalAppender();
        Path file = dir.resolve("console.log");
        String secret = "console-log-secret-0123456789";
        SecretRedactor.register(secret);

        assertEquals(file.toAbsolutePath().toString(), ConsoleLog.moveOffTheTerminal(context, file));
        context.getLogger("StartupCheck").warn("YCLIENTS is not ready, token {}", secret);

        assertTrue(appenders(root).stream().noneMatch(a -> a instanceof ConsoleAppender), appenders(root).toString());
        String written = Files.readString(file);
        assertTrue(written.startsWith("WARN  StartupCheck - YCLIENTS is not ready, token "), written);
        assertFalse(written.contains(secret), "redacted as on the terminal: " + written);
    }

    @Test
    void aFileThatCannotBeWrittenSendsTheLogToStderr() throws Exception {
        Logger root = rootWithATerminalAppender();
        Path notAFile = Files.createDirectories(dir.resolve("a-directory"));

        assertEquals("stderr", ConsoleLog.moveOffTheTerminal(context, notAFile));

        List<Appender<ILoggingEvent>> now = appenders(root);
        assertEquals(1, now.size(), now.toString());
        assertTrue(now.get(0) instanceof ConsoleAppender<ILoggingEvent> c && c.getTarget().equals("System.err"), now.toString());
    }
}
