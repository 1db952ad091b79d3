package io.github.yclientsbot.chat;

public enum ChatType {
    PRIVATE, GROUP, SUPERGROUP, CHANNEL;

    public static ChatType fromTelegram(String type) {
        if (type == null) {
            return PRIVATE;
        }
        return switch (type) {
            case "group" -> GROUP;
            case "supergroup" -> SUPERGROUP;
            case "channel" -> CHANNEL;
            default -> PRIVATE;
        };
    }

    public boolean isPrivate() {
        return this == PRIVATE;
    }
}
