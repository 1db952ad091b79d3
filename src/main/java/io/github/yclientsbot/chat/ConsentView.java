package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;

/** Before the first phone number: the privacy policy to agree to (or Cancel: the form then). */
final class ConsentView {
    private ConsentView() {
    }

    static View asked(Screen s, BookingOutcome.ConsentAsked o) {
        Keyboard.Builder kb = Keyboard.builder().row(Button.callback(s.t("bookflow.button.agree"), BookingButtons.of(new Choice.Agree())));
        o.policyUrl().ifPresent(url -> kb.row(Button.url(s.t("bookflow.button.policy"), url)));
        s.layout().addNav(s.ctx(), o.draft(), kb, true);
        String policy = o.policyUrl().map(url -> s.t("bookflow.consent.link", "url", url)).orElse("");
        return new View(s.layout().header(s.ctx(), o.draft()) + "\n\n" + s.t("bookflow.consent", "policy", policy), kb.build());
    }

    static View declined(Screen s, BookingOutcome.ConsentDeclined o) {
        return new View(s.t("bookflow.consent.declined"), s.layout().formOnly(s.ctx(), o.draft()));
    }
}
