package io.github.yclientsbot.storage;

/**
 * The database or the secret key could not be opened. The message is one line meant for the person
 * running the bot (it names the file or the setting to fix), never a stack trace and never a secret.
 */
public class StorageException extends Exception {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
