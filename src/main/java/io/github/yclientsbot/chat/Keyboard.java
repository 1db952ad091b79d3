package io.github.yclientsbot.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What goes under a message: rows of inline buttons (the usual case), or — for a new message only — a reply
 * keyboard with one "share my phone number" button ({@link #requestContact}) or one "send my location" button
 * ({@link #requestLocation}), or the removal of such a keyboard ({@link #REMOVE_REPLY}). An edit can carry inline
 * buttons only.
 *
 * @param contactButton  the text of the share-contact button of a reply keyboard, else null
 * @param removeReply    remove the reply keyboard the chat shows
 * @param locationButton the text of the send-location button of a reply keyboard, else null
 */
public record Keyboard(List<List<Button>> rows, String contactButton, boolean removeReply, String locationButton) {
    public static final Keyboard NONE = new Keyboard(List.of());
    public static final Keyboard REMOVE_REPLY = new Keyboard(List.of(), null, true);

    public Keyboard {
        rows = rows.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
        if ((contactButton != null || locationButton != null || removeReply) && !rows.isEmpty()) {
            throw new IllegalArgumentException("a message has inline buttons or a reply keyboard, not both");
        }
        if ((contactButton != null || locationButton != null) && removeReply) {
            throw new IllegalArgumentException("a reply keyboard is either shown or removed");
        }
        if (contactButton != null && locationButton != null) {
            throw new IllegalArgumentException("a reply keyboard asks for the phone or the location, not both");
        }
    }

    public Keyboard(List<List<Button>> rows, String contactButton, boolean removeReply) {
        this(rows, contactButton, removeReply, null);
    }

    public Keyboard(List<List<Button>> rows) {
        this(rows, null, false);
    }

    /** A reply keyboard with one button that sends the user's location (private chats only). */
    public static Keyboard requestLocation(String buttonText) {
        return new Keyboard(List.of(), null, false, buttonText);
    }

    /** A reply keyboard with one button that shares the user's own phone number (private chats only). */
    public static Keyboard requestContact(String buttonText) {
        return new Keyboard(List.of(), buttonText, false);
    }

    /** Inline buttons (possibly none), as an edit can carry. */
    public boolean isInline() {
        return contactButton == null && locationButton == null && !removeReply;
    }

    /** No inline buttons and no reply keyboard change. */
    public boolean isEmpty() {
        return rows.isEmpty() && isInline();
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
