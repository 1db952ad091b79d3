package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;
import io.github.yclientsbot.booking.PhoneNumber;

/** The SMS code step: where the code went and what is booked, "send again"; what went wrong with a code. */
final class CodeView {
    private CodeView() {
    }

    static View asked(Screen s, BookingOutcome.CodeAsked o) {
        BookingDraft d = o.draft();
        String phone = PhoneNumber.display(d.phone());
        String intro = switch (o.how()) {
            case SENT -> s.t("bookflow.code.sent", "phone", phone);
            case RESENT -> s.t("bookflow.code.resent", "phone", phone);
            case RECENT -> s.t("bookflow.code.recent", "phone", phone, "seconds", o.waitSeconds());
        };
        return new View(intro + "\n\n" + s.layout().details(s.ctx(), d) + "\n\n" + s.t("bookflow.code.ask"), keyboard(s, d));
    }

    static View problem(Screen s, BookingOutcome.CodeProblem o) {
        String text = switch (o.trouble()) {
            case INVALID -> s.t("bookflow.code.invalid");
            case WRONG -> s.t("bookflow.code.wrong", "left", o.triesLeft());
            case EXHAUSTED -> s.t("bookflow.code.exhausted");
            case NOT_SENT -> s.t("bookflow.code.resend.failed");
            case UNAVAILABLE -> s.t("bookflow.error.unavailable");
        };
        return new View(text, keyboard(s, o.draft()));
    }

    static String tooSoon(Screen s, BookingOutcome.ResendTooSoon o) {
        return s.t("bookflow.code.wait", "seconds", o.seconds());
    }

    private static Keyboard keyboard(Screen s, BookingDraft d) {
        Keyboard.Builder kb = Keyboard.builder().row(Button.callback(s.t("bookflow.button.resend"), BookingButtons.of(new Choice.ResendCode())));
        s.layout().addNav(s.ctx(), d, kb, true);
        return kb.build();
    }
}
