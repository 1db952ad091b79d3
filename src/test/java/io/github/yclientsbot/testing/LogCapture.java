package io.github.yclientsbot.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.github.yclientsbot.logging.RedactingLayout;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Collects the log lines of one test while open: {@link #text()} as the production layout writes it (redaction
 * included), {@link #rawText()} as the code logged it, before the redactor's last line of defence.
 *
 * <p>Test classes run at the same time in one JVM, so a capture keeps only the lines logged by the thread that
 * opened it and by the threads that thread started, directly or not, while it was open — the bot's poll thread,
 * its workers, its pool's housekeeper — never those of another test's bot.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    /** The capture a thread logs to; threads inherit it from the thread that starts them. */
    private static final InheritableThreadLocal<LogCapture> OWNER = new InheritableThreadLocal<>();
    private static final Duration LOGGING_STARTS = Duration.ofSeconds(10);

    private final StringBuffer lines = new StringBuffer();
    private final StringBuffer raw = new StringBuffer();
    private final RedactingLayout layout = new RedactingLayout();
    private final LoggerContext ctx;

    public LogCapture() {
        ctx = loggerContext();
        layout.setContext(ctx);
        layout.setPattern("%-5level %logger{0} - %msg%n%ex");
        layout.start();
        setContext(ctx);
        setName("capture");
        start();
        OWNER.set(this);
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    /** Logback's context; while another thread is still setting SLF4J up, SLF4J hands out a stand-in: wait for it. */
    private static LoggerContext loggerContext() {
        long deadline = System.nanoTime() + LOGGING_STARTS.toNanos();
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        while (!(factory instanceof LoggerContext)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("SLF4J did not bind Logback: " + factory.getClass().getName());
            }
            Thread.onSpinWait();
            factory = LoggerFactory.getILoggerFactory();
        }
        return (LoggerContext) factory;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (OWNER.get() != this) {
            return;
        }
        lines.append(layout.doLayout(event));
        raw.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
                .append(event.getFormattedMessage()).append('\n');
        if (event.getThrowableProxy() != null) {
            raw.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
        }
    }

    public String text() {
        return lines.toString();
    }

    /** Unredacted: what a secret check must search, since the redactor only knows the secrets it was told. */
    public String rawText() {
        return raw.toString();
    }

    @Override
    public void close() {
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
        if (OWNER.get() == this) {
            OWNER.remove();
        }
    }
}
