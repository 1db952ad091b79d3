package io.github.yclientsbot.chat;

import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.setup.Role;

/** One update being handled: who, where, in which language. */
public record Context(Incoming in, Role role, String lang, Messages messages) {

    public String t(String key, Object... args) {
        return messages.get(lang, key, args);
    }

    public Reply say(String key, Object... args) {
        return Reply.text(in.chatId(), t(key, args));
    }

    public Action.Send send(String text, Keyboard keyboard) {
        return new Action.Send(in.chatId(), text, keyboard);
    }

    public long chatId() {
        return in.chatId();
    }

    public long userId() {
        return in.userId();
    }

    public boolean isPrivate() {
        return in.chatType().isPrivate();
    }
}
