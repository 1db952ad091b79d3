package io.github.yclientsbot.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the booking being put together: the update's context, whether it came from a button or a typed
 * message, and the shared layout. After a button the booking's message is edited in place and the button answered;
 * after a typed message (a customer's message cannot be edited) new messages are sent.
 */
final class Screen {
    private final Context ctx;
    private final BookingLayout layout;
    private final boolean button;

    private Screen(Context ctx, BookingLayout layout, boolean button) {
        this.ctx = ctx;
        this.layout = layout;
        this.button = button;
    }

    static Screen afterButton(Context ctx, BookingLayout layout) {
        return new Screen(ctx, layout, true);
    }

    static Screen afterMessage(Context ctx, BookingLayout layout) {
        return new Screen(ctx, layout, false);
    }

    Context ctx() {
        return ctx;
    }

    BookingLayout layout() {
        return layout;
    }

    String t(String key, Object... args) {
        return ctx.t(key, args);
    }

    /** The booking's message: edited after a button, a new message after a typed one. */
    Action flow(View v) {
        return button ? new Action.Edit(ctx.chatId(), ctx.in().messageId(), v.text(), v.keyboard()) : send(v);
    }

    Action send(View v) {
        return ctx.send(v.text(), v.keyboard());
    }

    Action send(String text, Keyboard keyboard) {
        return ctx.send(text, keyboard);
    }

    /** The actions, after a button first its (silent) answer. */
    Reply reply(Action... actions) {
        return answered(null, actions);
    }

    /** A short notice: the answer to the button (the message stays as it is), or a new message after a typed one. */
    Reply notice(String text) {
        return button ? Reply.of(answer(text)) : Reply.text(ctx.chatId(), text);
    }

    /** After a button: its answer saying {@code text}, then the actions. */
    Reply answered(String text, Action... actions) {
        List<Action> all = new ArrayList<>();
        if (button) {
            all.add(answer(text));
        }
        all.addAll(List.of(actions));
        return new Reply(all);
    }

    private Action answer(String text) {
        return new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), text);
    }
}
