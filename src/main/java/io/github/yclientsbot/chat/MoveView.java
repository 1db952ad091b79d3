package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;

import java.util.ArrayList;
import java.util.List;

/**
 * 🔁 Another time for a visit (the calendar and times are the booking's own views): "move from … to …?", the move
 * done (with the updated calendar file), a refusal — the old time stays, said first — and leaving the move.
 */
final class MoveView {
    private MoveView() {
    }

    static View asked(Screen s, BookingOutcome.MoveAsked o) {
        BookingDraft d = o.draft();
        Keyboard.Builder kb = Keyboard.builder();
        kb.row(Button.callback(s.t("bookflow.move.button.confirm"), BookingButtons.of(new Choice.Confirm(o.stamp()))));
        s.layout().addNav(s.ctx(), d, kb, true);
        String text = s.t("bookflow.move.ask", "details", s.layout().header(s.ctx(), d),
                "from", when(s, d.moving().from()), "to", when(s, d.datetime()));
        return new View(text, kb.build());
    }

    static Reply moved(Screen s, BookingOutcome.Moved o) {
        BookingDraft d = o.draft();
        List<Action> actions = new ArrayList<>();
        String text = s.t("bookflow.move.done", "service", d.serviceTitle(), "to", when(s, o.datetime()),
                "from", when(s, d.moving().from()));
        actions.add(s.flow(new View(text, Keyboard.NONE)));
        o.calendar().ifPresent(ics -> actions.add(new Action.SendDocument(s.ctx().chatId(), ics.fileName(), ics.content(),
                s.t("bookflow.ics.caption"))));
        return s.reply(actions.toArray(Action[]::new));
    }

    static View refused(Screen s, BookingOutcome.MoveRefused o) {
        String from = o.from() == null ? "" : when(s, o.from());
        String text = switch (o.trouble()) {
            case TAKEN -> s.t("bookflow.move.taken", "from", from);
            case NOT_ALLOWED -> s.t("bookflow.move.notallowed", "from", from);
            case NEEDS_SALON -> s.t("bookflow.move.salon", "from", from);
            case UNAVAILABLE -> s.t("bookflow.move.unavailable", "from", from);
            case FAILED -> s.t("bookflow.move.failed", "from", from);
            case GONE -> s.t("bookflow.move.gone");
        };
        if (!o.salonPhone().isEmpty()) {
            text += "\n" + s.t("bookflow.my.phone", "phone", o.salonPhone());
        }
        if (o.then() == null) {
            return new View(text, Keyboard.NONE);
        }
        View then = RefusalView.then(s, o.then());
        return new View(text + "\n\n" + then.text(), then.keyboard());
    }

    static View dropped(Screen s, BookingOutcome.MoveDropped o) {
        return new View(s.t("bookflow.move.dropped", "from", when(s, o.from())), Keyboard.NONE);
    }

    private static String when(Screen s, String datetime) {
        return MyBookingsChat.when(s.ctx(), datetime);
    }
}
