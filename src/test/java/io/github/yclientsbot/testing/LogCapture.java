package io.github.yclientsbot.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.github.yclientsbot.logging.RedactingLayout;
import org.slf4j.LoggerFactory;

/**
 * Collects every log line while open: {@link #text()} as the production layout writes it (redaction
 * included), {@link #rawText()} as the code logged it, before the redactor's last line of defence.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final StringBuffer lines = new StringBuffer();
    private final StringBuffer raw = new StringBuffer();
    private final RedactingLayout layout = new RedactingLayout();

    public LogCapture() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        layout.setContext(ctx);
        layout.setPattern("%-5level %logger{0} - %msg%n%ex");
        layout.start();
        setContext(ctx);
        setName("capture");
        start();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
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
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }
}
