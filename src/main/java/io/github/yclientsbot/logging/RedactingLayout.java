package io.github.yclientsbot.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** A PatternLayout whose every formatted line (message and stack trace) passes through {@link SecretRedactor}. */
public class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return SecretRedactor.redact(super.doLayout(event));
    }
}
