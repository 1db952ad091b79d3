package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Button;
import io.github.yclientsbot.chat.Keyboard;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.ratelimit.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Turns a {@link Reply} into Bot API calls, in order. Telegram's answers that are not failures
 * ("message is not modified", "query is too old", a user who blocked the bot) are treated as such.
 */
public final class ReplySender {
    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    private static final int MAX_TEXT = 4096;
    private static final int MAX_CAPTION = 1024;

    private final TelegramClient client;
    private final RuntimeStats stats;
    private final LongConsumer staffMenuFailed;

    private final SendPacing pacer;
    private final Sleeper sleeper;

    /**
     * @param staffMenuFailed told when a staff chat's command menu could not be set (so it is tried again)
     * @param pacer           what a message waits for before it goes out
     * @param sleeper         waits out 429s and back-offs
     */
    public ReplySender(TelegramConnection connection, RuntimeStats stats, LongConsumer staffMenuFailed, SendPacing pacer,
                       Sleeper sleeper) {
        this.client = connection.client();
        this.pacer = pacer;
        this.sleeper = sleeper;
        stats.sendQueueDepthFrom(pacer::waiting);
        this.stats = stats;
        this.staffMenuFailed = staffMenuFailed;
    }

    /** Chats whose user blocked the bot (403): nothing more is sent there until they write again. */
    private final java.util.Set<Long> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_TRIES = 4;
    private static final long MAX_RETRY_AFTER_SECONDS = 60;

    /** A user who blocked the bot and writes again has unblocked it. */
    void chatActive(long chatId) {
        blocked.remove(chatId);
    }

    void send(Reply reply, long updateId) {
        for (Action next : reply.actions()) {
            Action action = next instanceof Action.SendOrElse o && blocked.contains(o.chatId()) ? o.otherwise() : next;
            if (blocked.contains(action.chatId()) && !(action instanceof Action.AnswerCallback)) {
                log.debug("Skipped {} in chat {}: the user blocked the bot", kind(action), action.chatId());
                continue;
            }
            try {
                executeWithRetries(action, updateId);
            } catch (TelegramApiRequestException e) {
                handleRefusal(action, e, updateId);
            } catch (TelegramApiException | RuntimeException e) {
                stats.error("send " + kind(action), e);
                log.warn("Could not {} in chat {} (update {}): {}", kind(action), action.chatId(), updateId, describe(e));
            }
        }
    }

    /**
     * Telegram's "too many requests" (429) is waited out as it asks ({@code retry_after}) and the message
     * sent then, never dropped; 5xx and network failures are tried again with back-off; a group that
     * became a supergroup ({@code migrate_to_chat_id}) gets the message at its new id.
     */
    private void executeWithRetries(Action action, long updateId) throws TelegramApiException {
        Action current = action;
        for (int attempt = 1; ; attempt++) {
            try {
                execute(current);
                return;
            } catch (TelegramApiRequestException e) {
                var params = e.getParameters();
                Integer code = e.getErrorCode();
                if (params != null && params.getMigrateToChatId() != null && current instanceof Action.Send s && attempt == 1) {
                    log.info("Chat {} moved to {} (now a supergroup); sending there", s.chatId(), params.getMigrateToChatId());
                    current = new Action.Send(params.getMigrateToChatId(), s.text(), s.keyboard());
                    continue;
                }
                if (attempt >= MAX_TRIES) {
                    throw e;
                }
                if (code != null && code == 429) {
                    long wait = params != null && params.getRetryAfter() != null ? params.getRetryAfter() : 1;
                    if (wait > MAX_RETRY_AFTER_SECONDS) {
                        throw e;
                    }
                    log.info("Telegram asks to wait {} s before the next message (429); update {} waits", wait, updateId);
                    pause(wait * 1000);
                } else if (code != null && code >= 500) {
                    pause(500L << (attempt - 1));
                } else {
                    throw e;
                }
            } catch (TelegramApiException e) {
                if (attempt >= MAX_TRIES || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                pause(500L << (attempt - 1));
            }
        }
    }

    private void pause(long millis) throws TelegramApiException {
        try {
            sleeper.sleepNanos(millis * 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException("interrupted while waiting to send", e);
        }
    }

    private void execute(Action action) throws TelegramApiException {
        if (action instanceof Action.Send || action instanceof Action.Edit || action instanceof Action.SendDocument) {
            try {
                pacer.acquire(action.chatId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelegramApiException("interrupted while waiting for a send slot", e);
            }
        }
        if (action instanceof Action.SendOrElse o) {
            try {
                execute(o.send());
            } catch (TelegramApiRequestException e) {
                if (!cannotWriteThere(e)) {
                    throw e;
                }
                log.info("Chat {} does not take messages from the bot ({}); answering in chat {} instead",
                        o.send().chatId(), e.getApiResponse(), o.otherwise().chatId());
                execute(o.otherwise());
            }
        } else if (action instanceof Action.Send s) {
            client.execute(SendMessage.builder()
                    .chatId(s.chatId())
                    .text(limit(s.text()))
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(sendMarkup(s.keyboard()))
                    .build());
            stats.replySent("send");
        } else if (action instanceof Action.SendDocument d) {
            client.execute(SendDocument.builder()
                    .chatId(d.chatId())
                    .document(new InputFile(new ByteArrayInputStream(d.content()), d.fileName()))
                    .caption(d.caption() == null ? null : limit(d.caption(), MAX_CAPTION))
                    .build());
            stats.replySent("document");
        } else if (action instanceof Action.Edit e) {
            client.execute(EditMessageText.builder()
                    .chatId(e.chatId())
                    .messageId(e.messageId())
                    .text(limit(e.text()))
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(markup(e.keyboard()))
                    .build());
            stats.replySent("edit");
        } else if (action instanceof Action.Delete d) {
            try {
                client.execute(DeleteMessage.builder().chatId(d.chatId()).messageId(d.messageId()).build());
                stats.replySent("delete");
            } catch (TelegramApiException ex) {
                log.info("Could not delete message {} in chat {}: {}", d.messageId(), d.chatId(), ex.getMessage());
                if (d.fallbackText() != null) {
                    client.execute(SendMessage.builder().chatId(d.chatId()).text(d.fallbackText()).build());
                    stats.replySent("send");
                }
            }
        } else if (action instanceof Action.AnswerCallback a) {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(a.callbackId()).text(a.text()).build());
            stats.replySent("answer_callback");
        } else if (action instanceof Action.SetChatCommands c) {
            try {
                client.execute(SetMyCommands.builder()
                        .commands(c.commands().stream().map(i -> new BotCommand(i.command(), i.description())).toList())
                        .scope(BotCommandScopeChat.builder().chatId(c.chatId()).build())
                        .build());
                stats.replySent("set_commands");
            } catch (TelegramApiException ex) {
                staffMenuFailed.accept(c.chatId());
                log.warn("Could not set the staff command menu in chat {}: {}", c.chatId(), ex.getMessage());
            }
        }
    }

    /**
     * 403 "bot can't initiate conversation with a user" (or "bot was blocked by the user"), or 400 "chat not found" for
     * a user the bot has never seen: the private chat cannot be written to.
     */
    private static boolean cannotWriteThere(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String description = e.getApiResponse() == null ? "" : e.getApiResponse().toLowerCase(Locale.ROOT);
        return code != null && (code == 403 || code == 400 && description.contains("chat not found"));
    }

    private void handleRefusal(Action action, TelegramApiRequestException e, long updateId) {
        String description = e.getApiResponse() == null ? "" : e.getApiResponse().toLowerCase(Locale.ROOT);
        Integer code = e.getErrorCode();
        if (code != null && code == 400 && description.contains("message is not modified")) {
            return;
        }
        if (action instanceof Action.AnswerCallback && description.contains("query is too old")) {
            return;
        }
        if (code != null && code == 403) {
            blocked.add(action.chatId());
            log.info("Chat {} does not accept messages from the bot ({}); nothing more is sent there until it writes again",
                    action.chatId(), e.getApiResponse());
            return;
        }
        stats.error("send " + kind(action), "[" + code + "] " + e.getApiResponse());
        log.warn("Telegram refused to {} in chat {} (update {}): [{}] {}", kind(action), action.chatId(), updateId, code, e.getApiResponse());
    }

    private static String kind(Action action) {
        if (action instanceof Action.Send || action instanceof Action.SendOrElse) {
            return "send a message";
        }
        if (action instanceof Action.SendDocument) {
            return "send a file";
        }
        if (action instanceof Action.Edit) {
            return "edit a message";
        }
        if (action instanceof Action.Delete) {
            return "delete a message";
        }
        if (action instanceof Action.AnswerCallback) {
            return "answer a button";
        }
        return "set the command menu";
    }

    /** The message and its first cause ("Unable to execute sendmessage method" alone says nothing). */
    static String describe(Throwable e) {
        Throwable cause = e.getCause();
        return cause == null || cause == e ? String.valueOf(e.getMessage())
                : e.getMessage() + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String limit(String text) {
        return limit(text, MAX_TEXT);
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A new message's markup: inline buttons, a share-contact reply keyboard, or the removal of one. */
    static org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard sendMarkup(Keyboard keyboard) {
        if (keyboard != null && keyboard.contactButton() != null) {
            var button = org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton.builder()
                    .text(keyboard.contactButton()).requestContact(true).build();
            return org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup.builder()
                    .keyboardRow(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow(List.of(button)))
                    .resizeKeyboard(true)
                    .oneTimeKeyboard(true)
                    .build();
        }
        if (keyboard != null && keyboard.removeReply()) {
            return org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove.builder()
                    .removeKeyboard(true).build();
        }
        return markup(keyboard);
    }

    static InlineKeyboardMarkup markup(Keyboard keyboard) {
        if (keyboard == null || keyboard.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.rows().stream()
                .map(r -> new InlineKeyboardRow(r.stream().map(ReplySender::button).toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardButton button(Button b) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> builder = InlineKeyboardButton.builder().text(b.text());
        return b.url() != null ? builder.url(b.url()).build() : builder.callbackData(b.callbackData()).build();
    }
}
