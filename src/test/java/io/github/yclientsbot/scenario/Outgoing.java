package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Button;
import io.github.yclientsbot.chat.Keyboard;

import java.util.List;
import java.util.Objects;

/**
 * One thing the bot did in answer to an update, as a user would see it: a new message, an edited one, a file, a
 * deleted message, the answer to a pressed button, a command menu. {@code messageId} is the id the message has
 * in the chat: a new message or file gets the next free one (as Telegram would give it), an edit or a deletion
 * names the message it changes; 0 for the rest.
 */
public record Outgoing(Action action, int messageId) {

    public Outgoing {
        Objects.requireNonNull(action, "action");
    }

    public long chatId() {
        return action.chatId();
    }

    public boolean isMessage() {
        return action instanceof Action.Send || action instanceof Action.SendOrElse;
    }

    /** What is sent when this message cannot be delivered (the asker's private chat is closed to the bot), else null. */
    public Action.Send otherwise() {
        return action instanceof Action.SendOrElse o ? o.otherwise() : null;
    }

    /** The message as delivered: of a "send or else", the first. */
    private Action shown() {
        return action instanceof Action.SendOrElse o ? o.send() : action;
    }

    public boolean isEdit() {
        return action instanceof Action.Edit;
    }

    public boolean isDocument() {
        return action instanceof Action.SendDocument;
    }

    public boolean isDelete() {
        return action instanceof Action.Delete;
    }

    public boolean isAnswer() {
        return action instanceof Action.AnswerCallback;
    }

    public boolean isMenu() {
        return action instanceof Action.SetChatCommands;
    }

    /**
     * The text the user reads: of a message or an edit, the toast of an answered button (null when silent), the
     * caption of a file, or what a deletion that Telegram refuses sends instead.
     */
    public String text() {
        Action action = shown();
        if (action instanceof Action.Send s) {
            return s.text();
        }
        if (action instanceof Action.Edit e) {
            return e.text();
        }
        if (action instanceof Action.AnswerCallback a) {
            return a.text();
        }
        if (action instanceof Action.SendDocument d) {
            return d.caption();
        }
        if (action instanceof Action.Delete d) {
            return d.fallbackText();
        }
        return null;
    }

    public Keyboard keyboard() {
        Action action = shown();
        if (action instanceof Action.Send s) {
            return s.keyboard();
        }
        if (action instanceof Action.Edit e && e.keyboard() != null) {
            return e.keyboard();
        }
        return Keyboard.NONE;
    }

    private List<Button> buttons() {
        return keyboard().rows().stream().flatMap(List::stream).toList();
    }

    /** Every inline button's label, row by row. */
    public List<String> buttonTexts() {
        return buttons().stream().map(Button::text).toList();
    }

    /** The urls of the inline buttons that open one, in order. */
    public List<String> buttonUrls() {
        return buttons().stream().map(Button::url).filter(Objects::nonNull).toList();
    }

    /** The callback data of the inline buttons that send one back, in order. */
    public List<String> callbackData() {
        return buttons().stream().map(Button::callbackData).filter(Objects::nonNull).toList();
    }

    /** The first callback data that starts with {@code prefix}; fails when there is none. */
    public String callbackStartingWith(String prefix) {
        return callbackData().stream().filter(d -> d.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + prefix + "… in " + this));
    }

    /** A new message that shows the one-button keyboard sharing the user's own number. */
    public boolean asksForContact() {
        return keyboard().contactButton() != null;
    }

    /** A new message that takes such a keyboard away. */
    public boolean removesKeyboard() {
        return keyboard().removeReply();
    }

    public String fileName() {
        return action instanceof Action.SendDocument d ? d.fileName() : null;
    }

    /** The caption of a file. */
    public String caption() {
        return action instanceof Action.SendDocument d ? d.caption() : null;
    }

    public byte[] file() {
        return action instanceof Action.SendDocument d ? d.content() : null;
    }

    /** The commands of a menu, by name. */
    public List<String> commands() {
        return action instanceof Action.SetChatCommands c ? c.commands().stream().map(Action.CommandInfo::command).toList()
                : List.of();
    }

    @Override
    public String toString() {
        String text = text();
        return action.getClass().getSimpleName() + "[chat=" + chatId() + ", message=" + messageId()
                + (text == null ? "" : ", text=" + text) + (keyboard().isEmpty() ? "" : ", " + keyboard()) + "]";
    }
}
