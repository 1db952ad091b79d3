package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.chat.Reply;

/** The bot's own messages through the replies' {@link ReplySender}: the same pacing, retries and 429 handling. */
public final class TelegramOutbox implements Outbox {
    /** What the sender's logs show in place of an update id: the message answers no update. */
    static final long NO_UPDATE = -1;

    private final ReplySender sender;

    public TelegramOutbox(ReplySender sender) {
        this.sender = sender;
    }

    @Override
    public boolean send(Reply reply) {
        return sender.send(reply, NO_UPDATE);
    }
}
