package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.health.RuntimeStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Handles one update: converts it, asks the chat bot, and sends the reply. Nothing thrown by the chat bot
 * escapes: the failure is logged with the chat and update ids, counted, and the user gets an apology.
 */
public final class UpdateHandler {
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final ChatHandler bot;
    private final ReplySender sender;
    private final RuntimeStats stats;

    public UpdateHandler(ChatHandler bot, ReplySender sender, RuntimeStats stats) {
        this.bot = bot;
        this.sender = sender;
        this.stats = stats;
    }

    /**
     * @param verdict   the flood guard's word on this update
     * @param abandoned true once the shutdown budget is spent: a reply not yet sent is then dropped and the
     *                  update left to the next start
     * @return false if the update was abandoned before its reply went out (it must stay queued)
     */
    public boolean handle(Update update, FloodGuard.Verdict verdict, BooleanSupplier abandoned) {
        Optional<Incoming> incoming;
        try {
            incoming = UpdateConverter.convert(update);
        } catch (RuntimeException e) {
            stats.error("update " + update.getUpdateId(), e);
            log.error("Could not read update {}", update.getUpdateId(), e);
            return true;
        }
        if (incoming.isEmpty()) {
            log.debug("Ignored update {}", update.getUpdateId());
            return true;
        }
        Incoming in = incoming.get();
        if (verdict != FloodGuard.Verdict.ANSWER) {
            return limited(in, verdict);
        }
        long started = System.nanoTime();
        try {
            sender.chatActive(in.chatId());
            if (!sender.send(bot.preflight(in), in.updateId())) {
                return false;
            }
            Reply reply = bot.handle(in);
            if (abandoned.getAsBoolean()) {
                log.info("Shutting down: the reply to update {} in chat {} is left to the next start", in.updateId(), in.chatId());
                return false;
            }
            if (!sender.send(reply, in.updateId())) {
                // interrupted while Telegram made it wait (the bot is stopping): not lost, handled again after the start
                log.info("Shutting down: the reply to update {} in chat {} was not sent; the update is handled again"
                        + " after the next start", in.updateId(), in.chatId());
                return false;
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            stats.error("update " + in.updateId(), e);
            log.error("Failed to handle update {} in chat {} from user {}", in.updateId(), in.chatId(), in.userId(), e);
            if (abandoned.getAsBoolean()) {
                return false;
            }
            sender.send(Reply.text(in.chatId(), bot.apology(in)), in.updateId());
        } finally {
            stats.updateHandled(Duration.ofNanos(System.nanoTime() - started));
        }
        return true;
    }

    /** Over the flood limit: one notice, then silence; a pressed button still gets its answer so the spinner stops. */
    private boolean limited(Incoming in, FloodGuard.Verdict verdict) {
        stats.floodLimited();
        boolean callback = in.kind() == Incoming.Kind.CALLBACK;
        if (verdict == FloodGuard.Verdict.NOTICE) {
            log.info("User {} sends too many updates; told to slow down (chat {}, update {})", in.userId(), in.chatId(), in.updateId());
            String notice = bot.floodNotice(in);
            sender.send(callback ? Reply.of(new Action.AnswerCallback(in.chatId(), in.callbackId(), notice))
                    : Reply.text(in.chatId(), notice), in.updateId());
        } else {
            log.debug("Not answering update {} from user {} in chat {}: over the flood limit", in.updateId(), in.userId(), in.chatId());
            if (callback) {
                sender.send(Reply.of(new Action.AnswerCallback(in.chatId(), in.callbackId(), null)), in.updateId());
            }
        }
        return true;
    }
}
