package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.VisitsElsewhere;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * "Remind me of all my visits at <salon>" in the chat ({@link VisitsElsewhere}): proofs of the phone taken from the
 * booking (the customer's own shared contact, an SMS code YCLIENTS accepted), the question asked once — after the
 * booking is made, and after "remember my number?" when that is asked, so it never stands between the customer and
 * the booking — and from /mybookings at any time (ask, or take the yes back); the answers.
 */
public final class VisitsElsewhereChat {
    private static final Logger log = LoggerFactory.getLogger(VisitsElsewhereChat.class);

    private final VisitsElsewhere visits;

    public VisitsElsewhereChat(VisitsElsewhere visits) {
        this.visits = visits;
    }

    /** /forgetme: the verified phones, the answer and the visits found elsewhere go too. */
    void forget(Context ctx) {
        visits.forget(ctx.userId());
    }

    /** A contact shared at the phone step was taken (it is the customer's own): Telegram verified that number. */
    void contactTaken(Context ctx, BookingOutcome o) {
        Incoming.Contact c = ctx.in().contact();
        if (o instanceof BookingOutcome.ContactTaken && c != null && c.contactUserId() != null
                && c.contactUserId() == ctx.userId()) {
            visits.contactShared(ctx.userId(), c.phoneNumber());
        }
    }

    /** A typed SMS code booked the visit: YCLIENTS accepted the code sent to that number. */
    void codeTyped(Context ctx, BookingOutcome o) {
        if (o instanceof BookingOutcome.Booked b) {
            visits.codeAccepted(ctx.userId(), b.draft().phone());
        }
    }

    /**
     * After a booking without "remember my number?", or after that question's first answer: {@code shown}, then the
     * question when it was never answered here and the customer proved a phone (and the user token is set).
     */
    Reply afterBooking(Context ctx, BookingOutcome o, Reply shown) {
        boolean moment = o instanceof BookingOutcome.Booked b && !b.askToRemember()
                || o instanceof BookingOutcome.RememberAnswered r && (r.answer() == BookingOutcome.Remembering.SAVED
                || r.answer() == BookingOutcome.Remembering.DECLINED);
        try {
            if (!moment || !ctx.isPrivate() || !visits.askAfterBooking(ctx.userId())) {
                return shown;
            }
            return shown.then(ctx.send(question(ctx), answers(ctx)));
        } catch (RuntimeException e) {
            // the booking is made and shown whatever the database does; the question waits for /mybookings
            log.warn("The question about visits booked elsewhere was not asked of user {}: {}", ctx.userId(), e.toString());
            return shown;
        }
    }

    /** The row of /mybookings: "remind me of all my visits", or "only those booked here" after a yes. */
    Optional<Button> myBookingsButton(Context ctx) {
        VisitsElsewhere.Offer offer;
        try {
            offer = visits.offer(ctx.userId());
        } catch (RuntimeException e) {
            log.warn("/mybookings of user {}: no offer about visits booked elsewhere: {}", ctx.userId(), e.toString());
            return Optional.empty();
        }
        return switch (offer) {
            case NONE -> Optional.empty();
            case ASK -> Optional.of(Button.callback(ctx.t("bookflow.all.button.ask", "salon", salon(ctx)),
                    BookingButtons.encode(new BookingButtons.WatchAsk())));
            case WITHDRAW -> Optional.of(Button.callback(ctx.t("bookflow.all.button.withdraw"),
                    BookingButtons.encode(new BookingButtons.WatchAnswer(false))));
        };
    }

    /** The question asked from /mybookings (a new message), or an answer (the question's message edited). */
    Reply callback(Context ctx, BookingButtons.Pressed pressed) {
        Screen s = Screen.afterButton(ctx, null);
        if (pressed instanceof BookingButtons.WatchAsk) {
            return visits.offer(ctx.userId()) == VisitsElsewhere.Offer.NONE
                    ? s.notice(ctx.t("bookflow.all.unavailable"))
                    : s.reply(ctx.send(question(ctx), answers(ctx)));
        }
        boolean yes = ((BookingButtons.WatchAnswer) pressed).yes();
        String text = switch (visits.answer(ctx.userId(), yes)) {
            case AGREED -> agreed(ctx, visits.lookForVisits(ctx.userId()));
            case DECLINED -> ctx.t("bookflow.all.declined");
            case WITHDRAWN -> ctx.t("bookflow.all.withdrawn");
            case NOT_POSSIBLE -> ctx.t("bookflow.all.unavailable");
        };
        return s.reply(s.flow(new View(text, Keyboard.NONE)));
    }

    /** The yes taken, and the visits booked elsewhere already found by it. */
    private String agreed(Context ctx, int found) {
        String text = ctx.t("bookflow.all.agreed", "salon", salon(ctx));
        return found == 0 ? text : text + "\n\n" + ctx.t("bookflow.all.found", "count", found);
    }

    private String question(Context ctx) {
        return ctx.t("bookflow.all.ask", "salon", salon(ctx));
    }

    private static Keyboard answers(Context ctx) {
        return Keyboard.builder().row(List.of(
                Button.callback(ctx.t("bookflow.all.yes"), BookingButtons.encode(new BookingButtons.WatchAnswer(true))),
                Button.callback(ctx.t("bookflow.all.no"), BookingButtons.encode(new BookingButtons.WatchAnswer(false)))))
                .build();
    }

    private String salon(Context ctx) {
        return visits.salon().map(t -> "«" + t + "»").orElse(ctx.t("bookflow.all.salon.unknown"));
    }
}
