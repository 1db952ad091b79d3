package io.github.yclientsbot.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.github.yclientsbot.logging.RedactingLayout;
import org.slf4j.LoggerFactory;

/** Collects every log line (formatted by the production layout, redaction included) while open. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final StringBuffer lines = new StringBuffer();
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
    }

    public String text() {
        return lines.toString();
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }
}
