package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;

/** Everything chosen, to check: Confirm (stamped with what this summary shows), change name or number; Back, Cancel. */
final class SummaryView {
    private SummaryView() {
    }

    static View of(Screen s, BookingOutcome.Summary o) {
        Keyboard.Builder kb = Keyboard.builder();
        kb.row(Button.callback(s.t("bookflow.button.confirm"), BookingButtons.of(new Choice.Confirm(o.stamp()))));
        kb.row(Button.callback(s.t("bookflow.button.name"), BookingButtons.of(new Choice.EditName())),
                Button.callback(s.t("bookflow.button.phone"), BookingButtons.of(new Choice.OtherPhone())));
        s.layout().addNav(s.ctx(), o.draft(), kb, true);
        String text = s.t("bookflow.summary", "details", s.layout().details(s.ctx(), o.draft()));
        if (o.contactRemembered()) {
            text += "\n\n" + s.t("bookflow.contact.remembered", "button", s.t("bookflow.button.phone"));
        }
        return new View(text, kb.build());
    }
}
