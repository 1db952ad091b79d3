package io.github.yclientsbot.chat;

/**
 * An inline button: opens {@code url}, or sends {@code callbackData} back to the bot. {@code inert}: a label
 * that looks like a button but chooses nothing (a weekday name above a calendar); the console prints it
 * without a number.
 */
public record Button(String text, String url, String callbackData, boolean inert) {
    public Button(String text, String url, String callbackData) {
        this(text, url, callbackData, false);
    }

    public Button {
        if ((url == null) == (callbackData == null)) {
            throw new IllegalArgumentException("a button has either a url or callback data");
        }
        if (callbackData != null && callbackData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("callback data over 64 bytes: " + callbackData);
        }
    }

    public static Button url(String text, String url) {
        return new Button(text, url, null);
    }

    public static Button callback(String text, String data) {
        return new Button(text, null, data);
    }

    /** A cell that chooses nothing; Telegram still needs callback data for it (the bot answers with a no-op). */
    public static Button inert(String text, String data) {
        return new Button(text, null, data, true);
    }
}
