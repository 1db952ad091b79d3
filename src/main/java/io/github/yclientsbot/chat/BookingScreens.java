package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.RefusalPolicy;

/** Which view shows which outcome of the booking, and what goes with it (a removed keyboard, a file, a question). */
final class BookingScreens {
    private BookingScreens() {
    }

    static Reply reply(Screen s, BookingOutcome o) {
        // the screens of the steps: the booking's message
        if (o instanceof BookingOutcome.ServiceList x) {
            return s.reply(s.flow(ServicesView.of(s, x)));
        } else if (o instanceof BookingOutcome.SpecialistList x) {
            return s.reply(s.flow(SpecialistsView.of(s, x)));
        } else if (o instanceof BookingOutcome.Calendar x) {
            return s.reply(s.flow(CalendarView.of(s, x)));
        } else if (o instanceof BookingOutcome.TimeList x) {
            return s.reply(s.flow(TimesView.of(s, x)));
        } else if (o instanceof BookingOutcome.ConsentAsked x) {
            return s.reply(s.flow(ConsentView.asked(s, x)));
        } else if (o instanceof BookingOutcome.ContactAsked x) {
            return ContactView.asked(s, x);
        } else if (o instanceof BookingOutcome.Summary x) {
            return s.reply(s.flow(SummaryView.of(s, x)));
        } else if (o instanceof BookingOutcome.NameAsked x) {
            return s.reply(s.flow(NameView.asked(s, x)));
        } else if (o instanceof BookingOutcome.CodeAsked x) {
            return s.reply(s.flow(CodeView.asked(s, x)));
        } else if (o instanceof BookingOutcome.Booked x) {
            return DoneView.booked(s, x);
        }
        // another time for a known visit
        if (o instanceof BookingOutcome.MoveAsked x) {
            return s.reply(s.flow(MoveView.asked(s, x)));
        } else if (o instanceof BookingOutcome.Moved x) {
            return MoveView.moved(s, x);
        } else if (o instanceof BookingOutcome.MoveRefused x) {
            return s.reply(s.flow(MoveView.refused(s, x)));
        } else if (o instanceof BookingOutcome.MoveDropped x) {
            return s.reply(s.flow(MoveView.dropped(s, x)));
        }
        // answers to what was typed or pressed
        if (o instanceof BookingOutcome.ContactTaken x) {
            return ContactView.taken(s, x);
        } else if (o instanceof BookingOutcome.ContactRefused x) {
            return ContactView.refused(s, x);
        } else if (o instanceof BookingOutcome.NameRefused x) {
            return s.reply(s.flow(NameView.refused(s, x)));
        } else if (o instanceof BookingOutcome.CodeProblem x) {
            return s.reply(s.flow(CodeView.problem(s, x)));
        } else if (o instanceof BookingOutcome.ResendTooSoon x) {
            return s.notice(CodeView.tooSoon(s, x));
        } else if (o instanceof BookingOutcome.RememberAnswered x) {
            return s.reply(s.flow(DoneView.remembered(s, x)));
        } else if (o instanceof BookingOutcome.ContactDropped x) {
            return s.reply(s.flow(TimesView.of(s, x.times())), s.send(s.t("bookflow.contact.dropped"), Keyboard.REMOVE_REPLY));
        } else if (o instanceof BookingOutcome.Cancelled x) {
            Reply r = s.reply(s.flow(new View(s.t("bookflow.cancelled"), Keyboard.NONE)));
            // the "share my number" keyboard of the phone step would stay on screen otherwise
            return x.contactKeyboardShown() ? r.then(s.send(s.t("bookflow.contact.closed"), Keyboard.REMOVE_REPLY)) : r;
        } else if (o instanceof BookingOutcome.ConsentDeclined x) {
            return s.reply(s.flow(ConsentView.declined(s, x)));
        } else if (o instanceof BookingOutcome.ServiceGone) {
            return s.reply(s.flow(new View(s.t("bookflow.service.gone"), Keyboard.NONE)));
        } else if (o instanceof BookingOutcome.Ended x) {
            return s.answered(s.t(x.confirm() ? "bookflow.already" : "bookflow.expired.short"),
                    s.flow(new View(s.t("bookflow.expired"), Keyboard.NONE)));
        } else if (o instanceof BookingOutcome.Ignored x) {
            return s.notice(s.t(switch (x.why()) {
                case STALE -> "bookflow.stale";
                case BUSY -> "bookflow.busy";
                case OUTDATED_SUMMARY -> "bookflow.summary.outdated";
                case ALREADY_BOOKED -> "bookflow.already";
                case TEXT_NOT_EXPECTED -> "hint.text";
            }));
        } else if (o instanceof BookingOutcome.Forgotten) {
            return s.notice(s.t("forgetme.done"));
        } else if (o instanceof BookingOutcome.NoBooking x) {
            return s.notice(ServiceListView.unavailable(s.ctx(), x.why()));
        } else if (o instanceof BookingOutcome.StepFailed x && x.reason() == RefusalPolicy.Reason.BUSY) {
            // nothing went to YCLIENTS and the customer is still at the screen on display: press again shortly
            return s.notice(s.t("bookflow.wait.again"));
        }
        return s.reply(s.flow(failure(s, o)));
    }

    private static View failure(Screen s, BookingOutcome o) {
        if (o instanceof BookingOutcome.Refused x) {
            return RefusalView.refused(s, x);
        } else if (o instanceof BookingOutcome.StepFailed x) {
            return RefusalView.stepFailed(s, x);
        } else if (o instanceof BookingOutcome.StepNotReady x) {
            return RefusalView.stepNotReady(s, x);
        } else if (o instanceof BookingOutcome.NotReady x) {
            return RefusalView.notReady(s, x);
        } else if (o instanceof BookingOutcome.NothingFree x) {
            return RefusalView.nothingFree(s, x);
        } else if (o instanceof BookingOutcome.OutcomeUnknown x) {
            return RefusalView.outcomeUnknown(s, x);
        } else if (o instanceof BookingOutcome.OverLimit x) {
            return RefusalView.overLimit(s, x);
        }
        throw new IllegalArgumentException("no view for " + o);
    }
}
