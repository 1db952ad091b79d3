package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Optional;

/** Telegram's Update → our {@link Incoming}. Updates the bot does not act on (edits, channel posts…) give empty. */
final class UpdateConverter {
    private UpdateConverter() {
    }

    static Optional<Incoming> convert(Update update) {
        Optional<Incoming> in = convertMessageOrButton(update);
        if (update.hasMessage() && isForwarded(update.getMessage())) {
            return in.map(Incoming::asForwarded);
        }
        return in;
    }

    /**
     * Since Bot API 7.0 a forwarded message carries {@code forward_origin} (who wrote it first: a user, a hidden user,
     * a chat or a channel); the older {@code forward_from}/{@code forward_date} fields are no longer sent, but a
     * local Bot API server of an older version may still send them.
     */
    static boolean isForwarded(Message m) {
        return m.getForwardOrigin() != null || m.getForwardDate() != null || m.getForwardFrom() != null
                || m.getForwardFromChat() != null || m.getForwardSenderName() != null;
    }

    private static Optional<Incoming> convertMessageOrButton(Update update) {
        long updateId = update.getUpdateId();
        if (update.hasMessage()) {
            Message m = update.getMessage();
            User from = m.getFrom();
            if (from == null || Boolean.TRUE.equals(from.getIsBot()) || m.getChat() == null) {
                return Optional.empty();
            }
            ChatType type = ChatType.fromTelegram(m.getChat().getType());
            if (m.hasText()) {
                return Optional.of(Incoming.text(updateId, m.getChatId(), type, from.getId(), from.getFirstName(),
                        from.getLanguageCode(), m.getMessageId(), m.getText()));
            }
            if (m.hasDocument()) {
                Document d = m.getDocument();
                Incoming.Document document = new Incoming.Document(d.getFileId(), d.getFileName(),
                        d.getFileSize() == null ? 0 : d.getFileSize());
                return Optional.of(Incoming.document(updateId, m.getChatId(), type, from.getId(), from.getFirstName(),
                        from.getLanguageCode(), m.getMessageId(), m.getCaption(), document));
            }
            if (m.hasContact()) {
                org.telegram.telegrambots.meta.api.objects.Contact c = m.getContact();
                return Optional.of(Incoming.contact(updateId, m.getChatId(), type, from.getId(), from.getFirstName(),
                        from.getLanguageCode(), m.getMessageId(),
                        new Incoming.Contact(c.getPhoneNumber(), c.getFirstName(), c.getLastName(), c.getUserId())));
            }
            if (m.hasLocation()) {
                // a live location's later updates come as edited messages, which are not read: only the first point counts
                var l = m.getLocation();
                Incoming.Location where = InboxMasking.masked(l.getLatitude(), l.getLongitude())
                        ? new Incoming.Location(null, null) : new Incoming.Location(l.getLatitude(), l.getLongitude());
                return Optional.of(Incoming.location(updateId, m.getChatId(), type, from.getId(), from.getFirstName(),
                        from.getLanguageCode(), m.getMessageId(), where));
            }
            if (isServiceMessage(m)) {
                return Optional.empty();
            }
            return Optional.of(Incoming.other(updateId, m.getChatId(), type, from.getId(), from.getFirstName(),
                    from.getLanguageCode(), m.getMessageId(), m.getCaption()));
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            MaybeInaccessibleMessage m = q.getMessage();
            if (m == null || q.getFrom() == null) {
                return Optional.empty();
            }
            ChatType type = m.getChat() == null ? ChatType.PRIVATE : ChatType.fromTelegram(m.getChat().getType());
            return Optional.of(Incoming.callback(updateId, m.getChatId(), type, q.getFrom().getId(), q.getFrom().getFirstName(),
                    q.getFrom().getLanguageCode(), m.getMessageId(), q.getId(), q.getData()));
        }
        return Optional.empty();
    }

    /** Joins, leaves, pins, title changes: nothing a user typed, nothing to answer. */
    private static boolean isServiceMessage(Message m) {
        return (m.getNewChatMembers() != null && !m.getNewChatMembers().isEmpty())
                || m.getLeftChatMember() != null
                || m.getNewChatTitle() != null
                || m.getPinnedMessage() != null
                || Boolean.TRUE.equals(m.getGroupchatCreated())
                || Boolean.TRUE.equals(m.getSuperGroupCreated())
                || m.getMigrateFromChatId() != null
                || m.getMigrateToChatId() != null;
    }
}
