package io.github.yclientsbot.config;

/** Where a setting's value came from. {@link #label()} is shown to support in /status. */
public enum Source {
    /** Set by an admin in chat and stored in the database (applied on top of the loaded config). */
    CHAT("chat"),
    /** The process environment. */
    ENVIRONMENT("environment"),
    /** The {@code .env} file in the working directory. */
    DOTENV(".env"),
    /** The properties file ({@code bot-config.properties} or {@code --config PATH}). */
    FILE("config file"),
    /** Preset by console mode (fake user ids, in-memory database, the demo YCLIENTS). */
    CONSOLE("console mode"),
    /** The built-in default of the key. */
    DEFAULT("default"),
    /** Nowhere: the key has no value and no default. */
    NONE("not set");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
