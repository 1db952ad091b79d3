package io.github.yclientsbot;

import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.UpdatesConfig;
import io.github.yclientsbot.telegram.ChatHandler;
import io.github.yclientsbot.telegram.FloodGuard;
import io.github.yclientsbot.telegram.ReplySender;
import io.github.yclientsbot.telegram.SendPacing;
import io.github.yclientsbot.telegram.TelegramConnection;
import io.github.yclientsbot.telegram.TelegramOutbox;
import io.github.yclientsbot.telegram.TelegramTransport;
import io.github.yclientsbot.telegram.UpdateDispatcher;
import io.github.yclientsbot.telegram.UpdateHandler;

/**
 * The Telegram transport and everything it works with, built here rather than inside it: the pacing of replies,
 * the sender that carries them out, the handler that asks the chat bot, the flood guard, and the dispatcher that
 * keeps updates in the inbox and hands them to per-chat lanes.
 */
final class TelegramLayer {
    /** Updates waiting in memory before polling pauses: ten full getUpdates batches. */
    static final int MAX_BACKLOG = 1000;

    private TelegramLayer() {
    }

    /** The transport, and the outbox through which the bot sends its own messages on the same paced path. */
    record Built(TelegramTransport transport, Outbox outbox) {
    }

    static Built build(CoreServices core, ChatLayer chat, TelegramConnection connection) {
        BotConfig config = core.config();
        BotApplication.Options options = core.options();
        UpdatesConfig updates = config.updates();
        ChatHandler handler = new ChatBotHandler(chat.bot());
        SendPacing pacing = options.pacing().telegram().apply(config.telegram().ratePerSecond());
        ReplySender sender = new ReplySender(connection, core.stats(), handler::staffMenuFailed, pacing, options.clock(),
                config.telegram().sendMaxAge());
        UpdateHandler updateHandler = new UpdateHandler(handler, sender, core.stats());
        UpdateDispatcher dispatcher = new UpdateDispatcher(new InboxStore(core.database().inbox()), core.mapper(),
                updateHandler::handle, new FloodGuard(updates.floodMaxUpdates(), updates.floodWindow(), options.clock()),
                handler::isStaff, core.stats(), options.clock(), updates.workers(), MAX_BACKLOG);
        TelegramTransport transport = new TelegramTransport(connection, core.mapper(), handler, core.stats(),
                options.pollTimeoutSeconds(), config.locale().language(), pacing, dispatcher, options.clock(),
                options.pacing().pollRetry());
        return new Built(transport, new TelegramOutbox(sender));
    }
}
