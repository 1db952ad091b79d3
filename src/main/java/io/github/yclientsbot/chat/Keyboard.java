package io.github.yclientsbot.chat;

import java.util.ArrayList;
import java.util.List;

/** Rows of inline buttons under a message. */
public record Keyboard(List<List<Button>> rows) {
    public static final Keyboard NONE = new Keyboard(List.of());

    public Keyboard {
        rows = rows.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<List<Button>> rows = new ArrayList<>();

        public Builder row(Button... buttons) {
            rows.add(List.of(buttons));
            return this;
        }

        public Builder row(List<Button> buttons) {
            rows.add(buttons);
            return this;
        }

        public Keyboard build() {
            return new Keyboard(rows);
        }
    }
}
