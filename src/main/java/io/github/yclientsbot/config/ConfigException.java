package io.github.yclientsbot.config;

/**
 * A configuration problem the operator can fix, as one line that names the key, its environment
 * variable and what to do. Never contains a secret value.
 */
public class ConfigException extends Exception {

    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /**
     * The setting key this is about (e.g. {@code yclients.company.id}), or {@code null} when the problem
     * is a whole file (an explicit {@code --config} file that does not exist, an unreadable file).
     */
    public String key() {
        return key;
    }
}
