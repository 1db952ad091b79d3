package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.RefusalPolicy;

/**
 * When the chat cannot go on as asked: a refusal of YCLIENTS said in the customer's words above the screen they
 * went back to, a failed or unknown booking, a limit reached, YCLIENTS not answering or not set up — with the
 * booking form as the way out where there is one.
 */
final class RefusalView {
    private RefusalView() {
    }

    static View refused(Screen s, BookingOutcome.Refused o) {
        String message = reason(s, o.reason()) + (o.nearest() ? "\n" + s.t("bookflow.nearest") : "");
        if (o.then() == null) {
            return new View(message, s.layout().formOnly(s.ctx(), o.draft()));
        }
        View then = then(s, o.then());
        return new View(message + "\n\n" + then.text(), then.keyboard());
    }

    static View then(Screen s, BookingOutcome then) {
        if (then instanceof BookingOutcome.Summary x) {
            return SummaryView.of(s, x);
        } else if (then instanceof BookingOutcome.TimeList x) {
            return TimesView.of(s, x);
        } else if (then instanceof BookingOutcome.NothingFree x) {
            return nothingFree(s, x);
        } else if (then instanceof BookingOutcome.StepFailed x) {
            return stepFailed(s, x);
        } else if (then instanceof BookingOutcome.StepNotReady x) {
            return stepNotReady(s, x);
        }
        throw new IllegalArgumentException("no screen after a refusal: " + then);
    }

    static View stepFailed(Screen s, BookingOutcome.StepFailed o) {
        return new View(reason(s, o.reason()), s.layout().formThenCancel(s.ctx(), o.draft()));
    }

    static View stepNotReady(Screen s, BookingOutcome.StepNotReady o) {
        return new View(s.t("services.unavailable"), s.layout().nav(s.ctx(), o.draft(), false));
    }

    static View notReady(Screen s, BookingOutcome.NotReady o) {
        return new View(s.t("services.unavailable"), s.layout().formOnly(s.ctx(), o.draft()));
    }

    static View nothingFree(Screen s, BookingOutcome.NothingFree o) {
        return new View(s.t("bookflow.day.none"), s.layout().formOnly(s.ctx(), o.draft()));
    }

    static View outcomeUnknown(Screen s, BookingOutcome.OutcomeUnknown o) {
        String phone = o.salonPhone().isEmpty() ? "" : " " + o.salonPhone();
        return new View(s.t("bookflow.error.unknown", "phone", phone), Keyboard.NONE);
    }

    static View overLimit(Screen s, BookingOutcome.OverLimit o) {
        String key = switch (o.over().which()) {
            case SMS_PER_PHONE -> "bookflow.limit.sms.phone";
            case SMS_PER_USER -> "bookflow.limit.sms.user";
            case BOOKINGS_PER_USER -> "bookflow.limit.bookings";
        };
        boolean form = s.layout().hasForm(o.draft());
        String text = s.t(key, "limit", o.over().limit()) + "\n\n" + s.t(form ? "bookflow.limit.form" : "bookflow.limit.phone");
        if (o.codeStillValid()) {
            text += "\n" + s.t("bookflow.limit.code.still");
        }
        return new View(text, s.layout().formThenCancel(s.ctx(), o.draft()));
    }

    /** A reason in the customer's words. */
    static String reason(Screen s, RefusalPolicy.Reason reason) {
        return switch (reason) {
            case PHONE_REFUSED -> s.t("bookflow.error.431");
            case WRONG_CODE -> s.t("bookflow.error.432");
            case TIME_TAKEN -> s.t("bookflow.error.433");
            case PHONE_BLOCKED -> s.t("bookflow.error.434");
            case NAME_NEEDED -> s.t("bookflow.error.435");
            case NO_SPECIALIST -> s.t("bookflow.error.436");
            case APPOINTMENTS_OVERLAP -> s.t("bookflow.error.437");
            case NOT_ONLINE -> s.t("bookflow.error.438");
            case UNAVAILABLE -> s.t("bookflow.error.unavailable");
            case BUSY -> s.t("bookflow.error.busy");
            case GENERIC -> s.t("bookflow.error.generic");
            case OUTCOME_UNKNOWN -> s.t("bookflow.error.unknown", "phone", "");
        };
    }
}
