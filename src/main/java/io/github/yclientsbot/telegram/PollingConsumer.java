package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.health.RuntimeStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Handles a batch of updates before returning, so the library confirms them to Telegram (by asking
 * for the next offset) only after they were answered: a crash mid-batch means they come again.
 * Nothing thrown by a handler escapes: the library's poll task would die for good on a RuntimeException.
 */
final class PollingConsumer implements LongPollingUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(PollingConsumer.class);

    private final ChatBot bot;
    private final ReplySender sender;
    private final RuntimeStats stats;

    PollingConsumer(ChatBot bot, ReplySender sender, RuntimeStats stats) {
        this.bot = bot;
        this.sender = sender;
        this.stats = stats;
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            handle(update);
        }
    }

    @Override
    public void close() {
        // nothing to release: handling is synchronous
    }

    void handle(Update update) {
        Optional<Incoming> incoming;
        try {
            incoming = UpdateConverter.convert(update);
        } catch (RuntimeException e) {
            stats.error("update " + update.getUpdateId(), e);
            log.error("Could not read update {}", update.getUpdateId(), e);
            return;
        }
        if (incoming.isEmpty()) {
            log.debug("Ignored update {}", update.getUpdateId());
            return;
        }
        Incoming in = incoming.get();
        long started = System.nanoTime();
        try {
            sender.chatActive(in.chatId());
            sender.send(bot.preflight(in), in.updateId());
            Reply reply = bot.handle(in);
            sender.send(reply, in.updateId());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            stats.error("update " + in.updateId(), e);
            log.error("Failed to handle update {} in chat {} from user {}", in.updateId(), in.chatId(), in.userId(), e);
            sender.send(Reply.text(in.chatId(), bot.apology(in)), in.updateId());
        } finally {
            stats.updateHandled(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
