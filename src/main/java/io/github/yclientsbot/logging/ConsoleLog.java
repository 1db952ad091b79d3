package io.github.yclientsbot.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Console mode: the terminal is the conversation, so the log must not write between its lines. Every appender of
 * the root logger that writes to the terminal is replaced by one that appends to a file — or, when the file cannot
 * be opened, writes to stderr — with the same redacting layout. Says where the log went, for the banner.
 */
public final class ConsoleLog {
    /** The layout of logback.xml, used when the replaced appender's own cannot be read. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

    private ConsoleLog() {
    }

    /**
     * Sends the root logger's terminal output to {@code file} (appended), or to stderr when it cannot be written.
     *
     * @return where the log goes now: the file's path, or {@code "stderr"}
     */
    public static String moveOffTheTerminal(LoggerContext context, Path file) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<ConsoleAppender<ILoggingEvent>> terminal = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> c) {
                terminal.add(c);
            }
        }
        String pattern = terminal.stream().map(ConsoleLog::patternOf).filter(p -> p != null).findFirst().orElse(PATTERN);
        FileAppender<ILoggingEvent> toFile = new FileAppender<>();
        toFile.setFile(file.toAbsolutePath().toString());
        toFile.setAppend(true);
        String where = start(context, toFile, pattern, "CONSOLE-FILE") ? file.toAbsolutePath().toString() : null;
        OutputStreamAppender<ILoggingEvent> replacement = toFile;
        if (where == null) {
            ConsoleAppender<ILoggingEvent> toStderr = new ConsoleAppender<>();
            toStderr.setTarget("System.err");
            start(context, toStderr, pattern, "CONSOLE-STDERR");
            replacement = toStderr;
            where = "stderr";
        }
        root.addAppender(replacement);
        for (ConsoleAppender<ILoggingEvent> c : terminal) {
            root.detachAppender(c);
            c.stop();
        }
        return where;
    }

    private static boolean start(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String pattern, String name) {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender.isStarted();
    }

    private static String patternOf(ConsoleAppender<ILoggingEvent> appender) {
        if (appender.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> e
                && e.getLayout() instanceof RedactingLayout l) {
            return l.getPattern();
        }
        return null;
    }
}
