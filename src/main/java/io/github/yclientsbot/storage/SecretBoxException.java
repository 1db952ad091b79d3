package io.github.yclientsbot.storage;

/** A stored secret could not be decrypted: wrong key, tampered data or not a stored secret at all. */
public class SecretBoxException extends Exception {

    public SecretBoxException() {
        super("the stored secret cannot be decrypted (wrong key or damaged data)");
    }

    public SecretBoxException(String message) {
        super(message);
    }

    public SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }
}
