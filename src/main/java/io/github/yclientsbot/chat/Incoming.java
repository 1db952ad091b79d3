package io.github.yclientsbot.chat;

/**
 * What a user did, independent of the transport: a text message, a button press or some other
 * message (sticker, photo…). Built from a Telegram Update by the transport layer.
 *
 * @param messageId the user's message (TEXT/OTHER) or the bot message whose button was pressed (CALLBACK)
 */
public record Incoming(
        long updateId,
        Kind kind,
        long chatId,
        ChatType chatType,
        long userId,
        String firstName,
        String languageCode,
        int messageId,
        String text,
        String callbackId,
        String callbackData) {

    public enum Kind { TEXT, CALLBACK, OTHER }

    public static Incoming text(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                String languageCode, int messageId, String text) {
        return new Incoming(updateId, Kind.TEXT, chatId, chatType, userId, firstName, languageCode, messageId, text, null, null);
    }

    public static Incoming callback(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                    String languageCode, int messageId, String callbackId, String data) {
        return new Incoming(updateId, Kind.CALLBACK, chatId, chatType, userId, firstName, languageCode, messageId, null, callbackId, data);
    }

    public static Incoming other(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                 String languageCode, int messageId) {
        return new Incoming(updateId, Kind.OTHER, chatId, chatType, userId, firstName, languageCode, messageId, null, null, null);
    }

    /** Never prints the text: it may carry a token or a password. */
    @Override
    public String toString() {
        return "Incoming[update=" + updateId + ", " + kind + ", chat=" + chatId + ", user=" + userId + "]";
    }
}
