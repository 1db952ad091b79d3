package io.github.yclientsbot.chat;

/**
 * What a user did, independent of the transport: a text message, a button press, a file (document) or some
 * other message (sticker, photo…). Built from a Telegram Update by the transport layer.
 *
 * @param messageId the user's message (TEXT/DOCUMENT/OTHER) or the bot message whose button was pressed (CALLBACK)
 * @param text      the message text, or the caption of a document or other media (may be null)
 * @param document  the file of a DOCUMENT, else null
 * @param contact   the shared contact of a CONTACT, else null
 * @param location  the location a user sent (LOCATION), else null
 * @param forwarded the user forwarded this message from somewhere else (Telegram's {@code forward_origin}): what it
 *                  says is someone else's words, so it never runs a command
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
        String callbackData,
        Document document,
        Contact contact,
        boolean forwarded,
        Location location) {

    public enum Kind { TEXT, CALLBACK, DOCUMENT, CONTACT, LOCATION, OTHER }

    /**
     * A location the user sent (the "send my location" button, or the attachment menu); both null when the update
     * was replayed from the inbox, where locations are masked.
     */
    public record Location(Double latitude, Double longitude) {
        public boolean known() {
            return latitude != null && longitude != null;
        }

        /** Never prints where the user is. */
        @Override
        public String toString() {
            return "Location[" + (known() ? "…" : "masked") + "]";
        }
    }

    public Incoming(long updateId, Kind kind, long chatId, ChatType chatType, long userId, String firstName,
                    String languageCode, int messageId, String text, String callbackId, String callbackData,
                    Document document, Contact contact, boolean forwarded) {
        this(updateId, kind, chatId, chatType, userId, firstName, languageCode, messageId, text, callbackId, callbackData,
                document, contact, forwarded, null);
    }

    public static Incoming location(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                    String languageCode, int messageId, Location location) {
        return new Incoming(updateId, Kind.LOCATION, chatId, chatType, userId, firstName, languageCode, messageId, null,
                null, null, null, null, false, location);
    }

    /** A file the user sent: the transport's id to download it, its name and size as the sender reported them. */
    public record Document(String fileId, String fileName, long size) {}

    /**
     * A contact card the user shared: {@code contactUserId} is the Telegram user it belongs to (null when the
     * card is not of a Telegram user), so a customer's own number can be told from someone else's.
     */
    public record Contact(String phoneNumber, String firstName, String lastName, Long contactUserId) {
        /** Never prints the phone number. */
        @Override
        public String toString() {
            return "Contact[user=" + contactUserId + "]";
        }
    }

    public static Incoming text(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                String languageCode, int messageId, String text) {
        return new Incoming(updateId, Kind.TEXT, chatId, chatType, userId, firstName, languageCode, messageId, text, null, null,
                null, null, false);
    }

    public static Incoming callback(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                    String languageCode, int messageId, String callbackId, String data) {
        return new Incoming(updateId, Kind.CALLBACK, chatId, chatType, userId, firstName, languageCode, messageId, null,
                callbackId, data, null, null, false);
    }

    public static Incoming other(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                 String languageCode, int messageId) {
        return other(updateId, chatId, chatType, userId, firstName, languageCode, messageId, null);
    }

    /** A photo, video… with its caption (may be null): the caption is never run as a command, but may carry a secret. */
    public static Incoming other(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                 String languageCode, int messageId, String caption) {
        return new Incoming(updateId, Kind.OTHER, chatId, chatType, userId, firstName, languageCode, messageId, caption,
                null, null, null, null, false);
    }

    public static Incoming document(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                    String languageCode, int messageId, String caption, Document document) {
        return new Incoming(updateId, Kind.DOCUMENT, chatId, chatType, userId, firstName, languageCode, messageId, caption,
                null, null, document, null, false);
    }

    public static Incoming contact(long updateId, long chatId, ChatType chatType, long userId, String firstName,
                                   String languageCode, int messageId, Contact contact) {
        return new Incoming(updateId, Kind.CONTACT, chatId, chatType, userId, firstName, languageCode, messageId, null,
                null, null, null, contact, false);
    }

    /** The same message, marked as forwarded from elsewhere. */
    public Incoming asForwarded() {
        return new Incoming(updateId, kind, chatId, chatType, userId, firstName, languageCode, messageId, text, callbackId,
                callbackData, document, contact, true, location);
    }

    /** Never prints the text: it may carry a token or a password. */
    @Override
    public String toString() {
        return "Incoming[update=" + updateId + ", " + kind + (forwarded ? " forwarded" : "") + ", chat=" + chatId
                + ", user=" + userId + "]";
    }
}
