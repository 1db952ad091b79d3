package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.health.RuntimeStats;
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
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Turns a {@link Reply} into Bot API calls, in order. Telegram's answers that are not failures
 * ("message is not modified", "query is too old", a user who blocked the bot) are treated as such.
 *
 * <p>Nothing is given up while Telegram only asks to wait: a 429 pauses the chat or the whole bot ({@link SendPacing}
 * decides which, and slows the pace), a 5xx or a network failure backs off, and the message is tried again until it
 * is delivered or older than {@code telegram.send.max-age-seconds} (counted from when the reply was ready; a message
 * with {@link Action.Send#keepUntil()} is kept at least until then). A message dropped is one WARN, counted in
 * /metrics and /status. One chat's messages go out in order: the next waits until the one before is delivered or
 * given up. A text too long for one message goes as several ({@link TextParts}), the buttons on the last.
 */
public final class ReplySender {
    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(500);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    /** Longer than any visit is booked ahead: keeps the arithmetic of a far "keep until" in range. */
    private static final Duration MAX_KEEP = Duration.ofDays(400);

    private final TelegramClient client;
    private final RuntimeStats stats;
    private final LongConsumer staffMenuFailed;
    private final SendPacing pacer;
    private final Clock clock;
    private final Duration maxAge;
    /** Chats whose user blocked the bot (403): nothing more is sent there until they write again. */
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();

    /**
     * @param staffMenuFailed told when a staff chat's command menu could not be set (so it is tried again)
     * @param pacer           what a message waits for before it goes out, and what 429s and failures pause
     * @param clock           the wall clock a message's {@link Action.Send#keepUntil()} is read on
     * @param maxAge          how long a message is tried before it is given up ({@code telegram.send.max-age-seconds})
     */
    public ReplySender(TelegramConnection connection, RuntimeStats stats, LongConsumer staffMenuFailed, SendPacing pacer,
                       Clock clock, Duration maxAge) {
        this.client = connection.client();
        this.pacer = pacer;
        this.clock = clock;
        this.maxAge = maxAge;
        stats.sendQueueDepthFrom(pacer::waiting);
        stats.sendPaceFrom(pacer::pace);
        this.stats = stats;
        this.staffMenuFailed = staffMenuFailed;
    }

    /** A user who blocked the bot and writes again has unblocked it. */
    void chatActive(long chatId) {
        blocked.remove(chatId);
    }

    /**
     * Carries out every action of {@code reply}, in order.
     *
     * @return false if the thread was interrupted (the bot is stopping) before all were done: the rest was not sent
     */
    boolean send(Reply reply, long updateId) {
        long ready = pacer.nanoTime();
        for (Action next : reply.actions()) {
            // the status asked for in a group goes to the asker's private chat, or (blocked there) to the group
            Action action = next instanceof Action.SendOrElse o && blocked.contains(o.chatId()) ? o.otherwise() : next;
            long deadline = deadline(action, ready);
            try {
                for (Action part : parts(action)) {
                    if (blocked.contains(part.chatId()) && !(part instanceof Action.AnswerCallback)) {
                        log.debug("Skipped {} in chat {}: the user blocked the bot", kind(part), part.chatId());
                        break;
                    }
                    if (!deliver(part, updateId, ready, deadline)) {
                        break; // dropped: the parts after it would make no sense alone
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.info("Stopping: {} in chat {} (update {}) and what follows it were not sent", kind(action),
                        action.chatId(), updateId);
                return false;
            }
        }
        return true;
    }

    /** When {@code action} is given up: {@code maxAge} after the reply was ready, or its "keep until" if later. */
    private long deadline(Action action, long ready) {
        long deadline = ready + maxAge.toNanos();
        if (action instanceof Action.Send s && s.keepUntil() != null) {
            Duration left = Duration.between(clock.instant(), s.keepUntil());
            deadline = Math.max(deadline, ready + (left.compareTo(MAX_KEEP) > 0 ? MAX_KEEP : left).toNanos());
        }
        return deadline;
    }

    /**
     * Sends one Bot API call, trying again while Telegram asks to wait or fails, until {@code deadline}; a group that
     * became a supergroup ({@code migrate_to_chat_id}) gets the message at its new id.
     *
     * @return false if it was dropped (too old); true when delivered, or refused for good (handled)
     */
    private boolean deliver(Action action, long updateId, long ready, long deadline) throws InterruptedException {
        Action current = action;
        boolean moved = false;
        int failures = 0;
        int refusals = 0;
        while (true) {
            boolean turn = paced(current) ? pacer.acquire(current.chatId(), deadline)
                    : pacer.awaitPause(current.chatId(), deadline);
            if (!turn) {
                dropped(current, updateId, ready, refusals + failures);
                return false;
            }
            try {
                execute(current);
                if (refusals + failures > 0) {
                    log.debug("Delivered {} in chat {} (update {}) after {} refused tries", kind(current), current.chatId(),
                            updateId, refusals + failures);
                }
                return true;
            } catch (TelegramApiValidationException e) {
                fail(current, updateId, e);
                return true;
            } catch (TelegramApiRequestException e) {
                var params = e.getParameters();
                Integer code = e.getErrorCode();
                if (!moved && params != null && params.getMigrateToChatId() != null && current instanceof Action.Send s) {
                    log.info("Chat {} moved to {} (now a supergroup); sending there", s.chatId(), params.getMigrateToChatId());
                    current = new Action.Send(params.getMigrateToChatId(), s.text(), s.keyboard(), s.keepUntil());
                    moved = true;
                } else if (code != null && code == 429) {
                    refusals++;
                    tooManyRequests(current, params == null ? null : params.getRetryAfter(), updateId, refusals);
                } else if (code != null && code >= 500) {
                    failures++;
                    pacer.backOff(current.chatId(), backOff(failures));
                } else {
                    handleRefusal(current, e, updateId);
                    return true;
                }
            } catch (TelegramApiException e) {
                if (Thread.currentThread().isInterrupted() || interruption(e)) {
                    throw new InterruptedException("interrupted while sending");
                }
                failures++;
                if (failures == 1) {
                    log.info("Could not {} in chat {} (update {}): {}; trying again", kind(current), current.chatId(),
                            updateId, describe(e));
                }
                pacer.backOff(current.chatId(), backOff(failures));
            } catch (RuntimeException e) {
                fail(current, updateId, e);
                return true;
            }
        }
    }

    private void tooManyRequests(Action action, Integer retryAfterSeconds, long updateId, int refusals) {
        long seconds = retryAfterSeconds == null ? 1 : Math.max(0, retryAfterSeconds);
        stats.tooManyRequests();
        SendPacing.Scope scope = pacer.tooManyRequests(action.chatId(), Duration.ofSeconds(seconds));
        if (scope == SendPacing.Scope.CHAT && refusals == 1) {
            log.info("Telegram asks to wait {} s before the next message to chat {} (429); update {} waits", seconds,
                    action.chatId(), updateId);
        } else {
            log.debug("429 ({} refused tries, {} paused {} s) for {} in chat {} (update {})", refusals,
                    scope == SendPacing.Scope.BOT ? "the bot" : "the chat", seconds, kind(action), action.chatId(), updateId);
        }
    }

    private void dropped(Action action, long updateId, long ready, int refusedTries) {
        stats.sendDropped();
        long waited = Math.max(0, pacer.nanoTime() - ready) / 1_000_000_000L;
        log.warn("Dropped: could not {} in chat {} (update {}): Telegram did not take it within"
                        + " telegram.send.max-age-seconds ({} s; tried for {} s, {} tries refused)", kind(action),
                action.chatId(), updateId, maxAge.toSeconds(), waited, refusedTries);
    }

    private void fail(Action action, long updateId, Exception e) {
        stats.error("send " + kind(action), e);
        log.warn("Could not {} in chat {} (update {}): {}", kind(action), action.chatId(), updateId, describe(e));
    }

    private static Duration backOff(int failures) {
        Duration wait = FIRST_BACK_OFF.multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }

    /** The library turns an interrupt during a call into an exception (and clears the flag). */
    private static boolean interruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    && !(t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /** Messages take a place in the pace; answering a button, deleting and menus only wait out pauses. */
    private static boolean paced(Action action) {
        return action instanceof Action.Send || action instanceof Action.SendOrElse || action instanceof Action.Edit
                || action instanceof Action.SendDocument;
    }

    /**
     * The calls one action becomes: a text over 4096 characters as several messages (the buttons on the last), a
     * document's caption over 1024 as the document with the caption's start and the rest as messages. An edited
     * message cannot become several: its text is cut at a character boundary and ends with "…".
     */
    static List<Action> parts(Action action) {
        if (action instanceof Action.Send s && s.text().length() > MAX_TEXT) {
            List<String> texts = TextParts.split(s.text(), MAX_TEXT);
            List<Action> parts = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                parts.add(new Action.Send(s.chatId(), texts.get(i), i == texts.size() - 1 ? s.keyboard() : null, s.keepUntil()));
            }
            return parts;
        }
        if (action instanceof Action.SendDocument d && d.caption() != null && d.caption().length() > MAX_CAPTION) {
            List<String> captions = TextParts.split(d.caption(), MAX_CAPTION);
            List<Action> parts = new ArrayList<>();
            parts.add(new Action.SendDocument(d.chatId(), d.fileName(), d.content(), captions.get(0)));
            String rest = String.join("\n", captions.subList(1, captions.size()));
            for (String text : TextParts.split(rest, MAX_TEXT)) {
                parts.add(new Action.Send(d.chatId(), text, null));
            }
            return parts;
        }
        if (action instanceof Action.Edit e && e.text().length() > MAX_TEXT) {
            return List.of(new Action.Edit(e.chatId(), e.messageId(), TextParts.cutToFit(e.text(), MAX_TEXT - 1) + "…",
                    e.keyboard()));
        }
        return List.of(action);
    }

    private void execute(Action action) throws TelegramApiException {
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
                    .text(s.text())
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(KeyboardMarkup.forSend(s.keyboard()))
                    .build());
            stats.replySent("send");
        } else if (action instanceof Action.SendDocument d) {
            client.execute(SendDocument.builder()
                    .chatId(d.chatId())
                    .document(new InputFile(new ByteArrayInputStream(d.content()), d.fileName()))
                    .caption(d.caption())
                    .build());
            stats.replySent("document");
        } else if (action instanceof Action.Edit e) {
            client.execute(EditMessageText.builder()
                    .chatId(e.chatId())
                    .messageId(e.messageId())
                    .text(e.text())
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(KeyboardMarkup.inline(e.keyboard()))
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
}
