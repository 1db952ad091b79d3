package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;
import io.github.yclientsbot.booking.PhoneNumber;

import java.util.ArrayList;
import java.util.List;

/** Booked: what and the booking number, the "add to calendar" file, "remember my number?" — and its answer. */
final class DoneView {
    private DoneView() {
    }

    static Reply booked(Screen s, BookingOutcome.Booked o) {
        BookingDraft d = o.draft();
        List<Action> actions = new ArrayList<>();
        String text = s.t("bookflow.done", "details", s.layout().details(s.ctx(), d), "record", o.recordId());
        actions.add(s.flow(new View(text, Keyboard.NONE)));
        o.calendar().ifPresent(ics -> actions.add(new Action.SendDocument(s.ctx().chatId(), ics.fileName(), ics.content(),
                s.t("bookflow.ics.caption"))));
        if (o.askToRemember()) {
            Keyboard kb = Keyboard.builder()
                    .row(Button.callback(s.t("bookflow.remember.yes"), BookingButtons.of(new Choice.Remember(true))),
                            Button.callback(s.t("bookflow.remember.no"), BookingButtons.of(new Choice.Remember(false))))
                    .build();
            actions.add(s.send(s.t("bookflow.remember.ask", "phone", PhoneNumber.display(d.phone()), "name", d.name()), kb));
        }
        return s.reply(actions.toArray(Action[]::new));
    }

    static View remembered(Screen s, BookingOutcome.RememberAnswered o) {
        String text = switch (o.answer()) {
            case SAVED -> s.t("bookflow.remember.saved", "phone", PhoneNumber.display(o.phone()));
            case DECLINED -> s.t("bookflow.remember.declined");
            case EXPIRED -> s.t("bookflow.remember.expired");
            case KEPT -> s.t("bookflow.remember.kept", "phone", PhoneNumber.display(o.phone()));
        };
        return new View(text, Keyboard.NONE);
    }
}
