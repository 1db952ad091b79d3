package io.github.yclientsbot;

/** The bot cannot start; the message is one line a person can act on. */
public class StartupException extends Exception {
    private final int exitCode;

    public StartupException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
