package io.github.yclientsbot.chat;

import java.util.ArrayList;
import java.util.List;

/** Everything the bot does in answer to one update, in order. */
public record Reply(List<Action> actions) {
    public static final Reply NONE = new Reply(List.of());

    public Reply {
        actions = List.copyOf(actions);
    }

    public static Reply of(Action... actions) {
        return new Reply(List.of(actions));
    }

    public static Reply text(long chatId, String text) {
        return of(new Action.Send(chatId, text, Keyboard.NONE));
    }

    public Reply then(Action action) {
        List<Action> all = new ArrayList<>(actions);
        all.add(action);
        return new Reply(all);
    }

    public Reply then(Reply next) {
        List<Action> all = new ArrayList<>(actions);
        all.addAll(next.actions());
        return new Reply(all);
    }

    /**
     * {@code action} first. A callback can be answered once only: a silent {@link Action.AnswerCallback} put
     * before a reply that already answers it (with a warning) is left out, so the warning is what the user sees.
     */
    public Reply before(Action action) {
        if (action instanceof Action.AnswerCallback && actions.stream().anyMatch(a -> a instanceof Action.AnswerCallback)) {
            return this;
        }
        List<Action> all = new ArrayList<>();
        all.add(action);
        all.addAll(actions);
        return new Reply(all);
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
