package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.CustomerName;

import java.util.Locale;

/** The name step: the summary's message asks for the name the salon should use; a refused one says why. */
final class NameView {
    private NameView() {
    }

    static View asked(Screen s, BookingOutcome.NameAsked o) {
        String now = o.draft().name() == null ? "" : o.draft().name();
        String text = s.t("bookflow.name.ask", "min", CustomerName.MIN, "max", CustomerName.MAX, "name", now);
        return new View(text, s.layout().nav(s.ctx(), o.draft(), true));
    }

    static View refused(Screen s, BookingOutcome.NameRefused o) {
        String why = s.t("bookflow.name.invalid." + o.problem().name().toLowerCase(Locale.ROOT),
                "min", CustomerName.MIN, "max", CustomerName.MAX);
        return new View(why, Keyboard.NONE);
    }
}
