package io.github.yclientsbot.chat;

/**
 * Messages the bot starts itself — a visit's reminder, the salon's change to a visit — rather than replies to an
 * update. In Telegram they go through the same paced send path as replies (per-chat and bot-wide pacing, 429s,
 * retries; an {@link Action.Send#keptUntil} message is never given up for age before its time); the console prints
 * them.
 */
public interface Outbox {

    /**
     * Carries out {@code reply}'s actions in order and returns when they are done: sent, or given up as every reply
     * is (the chat blocked the bot, the message is too old). Blocks while the send path is paced.
     *
     * @return false when the bot is stopping (the thread was interrupted) and not all was sent
     */
    boolean send(Reply reply);
}
