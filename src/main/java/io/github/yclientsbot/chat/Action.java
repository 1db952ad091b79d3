package io.github.yclientsbot.chat;

import java.util.List;

/** One thing the transport must do for a reply. Handlers return these instead of calling Telegram. */
public sealed interface Action {

    long chatId();

    /**
     * A new message. Telegram may make it wait (429); the transport tries until it is delivered or older than
     * {@code telegram.send.max-age-seconds}, and never gives it up for age before {@code keepUntil} (null: no such
     * promise) — a reminder of a visit carries the visit's start, so it is not dropped while the visit is ahead.
     */
    record Send(long chatId, String text, Keyboard keyboard, java.time.Instant keepUntil) implements Action {
        public Send(long chatId, String text, Keyboard keyboard) {
            this(chatId, text, keyboard, null);
        }

        /** This message, not given up for age before {@code until}. */
        public Send keptUntil(java.time.Instant until) {
            return new Send(chatId, text, keyboard, until);
        }
    }

    /**
     * {@code send}, or — when Telegram refuses it because that chat does not take messages from the bot (403: a user who
     * never started the bot, or blocked it) — {@code otherwise}. For an answer that belongs in the asker's private
     * chat though the question came from a group.
     */
    record SendOrElse(Send send, Send otherwise) implements Action {
        @Override
        public long chatId() {
            return send.chatId();
        }
    }

    /** A file (e.g. the /export JSON) with a caption; the transport uploads {@code content} as {@code fileName}. */
    record SendDocument(long chatId, String fileName, byte[] content, String caption) implements Action {
        public SendDocument {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SendDocument d && d.chatId == chatId && d.fileName.equals(fileName)
                    && java.util.Arrays.equals(d.content, content) && java.util.Objects.equals(d.caption, caption);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(chatId, fileName, java.util.Arrays.hashCode(content), caption);
        }

        @Override
        public String toString() {
            return "SendDocument[chat=" + chatId + ", " + fileName + ", " + content.length + " bytes]";
        }
    }

    /** Replace the text and buttons of a message the bot sent (pagination). */
    record Edit(long chatId, int messageId, String text, Keyboard keyboard) implements Action {
        public Edit {
            if (keyboard != null && !keyboard.isInline()) {
                throw new IllegalArgumentException("an edited message can carry inline buttons only");
            }
        }
    }

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
