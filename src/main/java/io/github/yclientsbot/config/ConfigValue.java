package io.github.yclientsbot.config;

import java.util.Objects;

/**
 * A setting's trimmed value and where it came from. {@code value} is never null ({@code ""} when not set).
 * {@link #toString()} never shows the value: callers decide whether to mask it.
 */
public record ConfigValue(String value, Source source) {

    public ConfigValue {
        value = value == null ? "" : value;
        Objects.requireNonNull(source, "source");
    }

    /** Non-null and non-blank. */
    public boolean isSet() {
        return !value.isBlank();
    }

    @Override
    public String toString() {
        return "ConfigValue[" + (isSet() ? "set" : "not set") + ", source=" + source.label() + "]";
    }
}
