package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.PhoneNumber;

/**
 * Step 5, the phone: the booking's message says so, and a new message carries the "share my number" keyboard
 * (an edit cannot); a number taken removes that keyboard again.
 */
final class ContactView {
    private ContactView() {
    }

    static Reply asked(Screen s, BookingOutcome.ContactAsked o) {
        String text = s.layout().header(s.ctx(), o.draft()) + "\n\n"
                + s.t("bookflow.contact.header", "button", s.t("bookflow.contact.button"));
        return s.reply(s.flow(new View(text, s.layout().nav(s.ctx(), o.draft(), true))),
                s.send(s.t("bookflow.contact.ask"), shareKeyboard(s)));
    }

    static Reply taken(Screen s, BookingOutcome.ContactTaken o) {
        String phone = PhoneNumber.display(o.summary().draft().phone());
        return s.reply(s.send(s.t("bookflow.contact.ok", "phone", phone), Keyboard.REMOVE_REPLY),
                s.send(SummaryView.of(s, o.summary())));
    }

    static Reply refused(Screen s, BookingOutcome.ContactRefused o) {
        return switch (o.problem()) {
            case INVALID -> s.reply(s.send(s.t("bookflow.contact.invalid"), shareKeyboard(s)));
            case FOREIGN -> s.reply(s.send(s.t("bookflow.contact.foreign"), shareKeyboard(s)));
            // a "share my number" keyboard left from a booking that ended: say so and take it away
            case NOT_ASKED -> s.reply(s.send(s.t("bookflow.contact.nostep"), Keyboard.REMOVE_REPLY));
        };
    }

    private static Keyboard shareKeyboard(Screen s) {
        return Keyboard.requestContact(s.t("bookflow.contact.button"));
    }
}
