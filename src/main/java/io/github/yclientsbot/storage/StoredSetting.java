package io.github.yclientsbot.storage;

import java.time.Instant;

/**
 * A stored setting. For a secret setting {@code value} is the decrypted plain text, or {@code null} with
 * {@code undecryptable = true} when the stored secret cannot be decrypted (the key was lost or changed).
 * {@code updatedBy} is the Telegram user id of whoever saved it, or {@code null} (e.g. set by the system).
 *
 * <p>{@link #toString()} masks the value of a secret setting.
 */
public record StoredSetting(String name, String value, boolean secret, boolean undecryptable, Instant updatedAt,
                            Long updatedBy) {

    @Override
    public String toString() {
        String shown;
        if (undecryptable) {
            shown = "<undecryptable>";
        } else if (secret) {
            shown = "***";
        } else {
            shown = value;
        }
        return "StoredSetting[name=" + name + ", value=" + shown + ", secret=" + secret
                + ", undecryptable=" + undecryptable + ", updatedAt=" + updatedAt + ", updatedBy=" + updatedBy + "]";
    }
}
