package io.github.yclientsbot.chat;

import java.util.List;

/** One thing the transport must do for a reply. Handlers return these instead of calling Telegram. */
public sealed interface Action {

    long chatId();

    /** A new message. */
    record Send(long chatId, String text, Keyboard keyboard) implements Action {}

    /** Replace the text and buttons of a message the bot sent (pagination). */
    record Edit(long chatId, int messageId, String text, Keyboard keyboard) implements Action {}

    /**
     * Delete a user's message (it carried a secret). When Telegram refuses (older than 48 hours, or the
     * bot is not a group admin), {@code fallbackText} is sent so the user deletes it themselves.
     */
    record Delete(long chatId, int messageId, String fallbackText) implements Action {}

    /** Stop the spinner on a pressed button; text may be null. */
    record AnswerCallback(long chatId, String callbackId, String text) implements Action {}

    /** The command menu shown in one private chat (it replaces the default list there). */
    record SetChatCommands(long chatId, String languageCode, List<CommandInfo> commands) implements Action {}

    record CommandInfo(String command, String description) {}
}
