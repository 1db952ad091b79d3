package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.VisitFollowups;
import io.github.yclientsbot.i18n.Messages;

import java.util.Optional;

/**
 * A visit's follow-up as the customer reads it, in the bot's language (it answers no update): thanks, the service and
 * specialist, the review link when the salon set one ({@code booking.review-url}) and 📅 Book again (the same service
 * and specialist; a visit whose service is unknown gets none).
 */
public final class FollowupView {
    private final Messages messages;
    private final Optional<String> reviewUrl;

    public FollowupView(Messages messages, Optional<String> reviewUrl) {
        this.messages = messages;
        this.reviewUrl = reviewUrl;
    }

    /** The message to the customer's private chat (chat id = user id). */
    public Reply render(VisitFollowups.Due.Send s) {
        String lang = messages.fallbackLanguage();
        String services = s.services().isEmpty() ? messages.get(lang, "bookflow.my.service.unknown")
                : String.join(", ", s.services());
        String what = s.staffName() == null || s.staffName().isBlank() ? services : services + " · " + s.staffName();
        StringBuilder text = new StringBuilder(messages.get(lang, "followup.text", "what", what));
        Keyboard.Builder kb = Keyboard.builder();
        reviewUrl.ifPresent(url -> {
            text.append("\n\n").append(messages.get(lang, "followup.review"));
            kb.row(Button.url(messages.get(lang, "followup.button.review"), url));
        });
        if (s.serviceId() > 0) {
            kb.row(Button.callback(messages.get(lang, "followup.button.again"),
                    BookingButtons.encode(new BookingButtons.Again(s.serviceId(), s.staffId(), s.branch()))));
        }
        return Reply.of(new Action.Send(s.userId(), text.toString(), kb.build()));
    }
}
