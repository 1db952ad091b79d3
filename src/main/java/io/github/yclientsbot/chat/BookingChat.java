package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookAgain;
import io.github.yclientsbot.booking.BookingFlow;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.CustomerName;
import io.github.yclientsbot.booking.WaitingTurn;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The in-chat booking in the chat: a button's data is read ({@link BookingButtons}), the flow takes the step
 * ({@link BookingFlow}) and the outcome is shown ({@link BookingScreens}) — the booking's one message edited in
 * place after a button, new messages after a typed one. Booking works in private chats only; a group gets a link.
 */
public final class BookingChat {
    /** A step that will wait this long or more for its turn at YCLIENTS says "one moment…" first. */
    static final Duration ONE_MOMENT = Duration.ofSeconds(1);

    private final BookingFlow flow;
    private final MyBookingsChat mine;
    private final BookingLayout layout;
    private final Supplier<String> botUsername;
    private final WaitingTurn turn;
    private final VisitsElsewhereChat elsewhere;
    private final RemindersChat reminders;
    private final BookAgain again;

    public BookingChat(BookingFlow flow, MyBookingsChat mine, BookingLayout layout, Supplier<String> botUsername,
                       WaitingTurn turn, VisitsElsewhereChat elsewhere, RemindersChat reminders, BookAgain again) {
        this.again = again;
        this.turn = turn;
        this.elsewhere = elsewhere;
        this.reminders = reminders;
        this.flow = flow;
        this.mine = mine;
        this.layout = layout;
        this.botUsername = botUsername;
    }

    boolean inChatEnabled() {
        return flow.inChatEnabled();
    }

    /** /book (and /start book): in a private chat the first step; in a group a link into the private chat. */
    Reply start(Context ctx) {
        return start(ctx, 0);
    }

    /** /book at branch {@code company} of a chain (0: the first branch, the only one of a single-company bot). */
    Reply start(Context ctx, long company) {
        if (!ctx.isPrivate()) {
            String bot = botUsername.get();
            if (bot == null || bot.isBlank()) {
                return ctx.say("bookflow.group.nolink");
            }
            return Reply.of(ctx.send(ctx.t("bookflow.group"), Keyboard.builder()
                    .row(Button.url(ctx.t("bookflow.group.button"), "https://t.me/" + bot + "?start=book")).build()));
        }
        return BookingScreens.reply(Screen.afterMessage(ctx, layout), flow.start(ctx.userId(), company));
    }

    /**
     * Before a booking button (or a typed SMS code) is handled: when its YCLIENTS calls would wait for their turn
     * ({@link #ONE_MOMENT} or longer), the customer is told "one moment…" at once — the answer to the button, or a
     * message — while the step waits. Nothing otherwise (nor when the step will not get its turn at all: then its
     * answer says to press again).
     */
    Reply oneMoment(Context ctx) {
        if (!ctx.isPrivate() || !turn.expected(ctx.userId()).map(w -> w.compareTo(ONE_MOMENT) >= 0).orElse(false)) {
            return Reply.NONE;
        }
        if (ctx.in().kind() == Incoming.Kind.CALLBACK) {
            String data = ctx.in().callbackData();
            if (data == null || !data.startsWith(BookingButtons.PREFIX)) {
                return Reply.NONE;
            }
            BookingButtons.Pressed pressed = BookingButtons.decode(data);
            boolean callsYclients = pressed instanceof BookingButtons.Step step ? WaitingTurn.callsYclients(step.choice())
                    : !(pressed instanceof BookingButtons.Noop || pressed instanceof BookingButtons.ClosedDay
                    || pressed instanceof BookingButtons.Stale);
            return callsYclients
                    ? Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.wait")))
                    : Reply.NONE;
        }
        return turn.atCodeStep(ctx.userId()) ? ctx.say("bookflow.wait") : Reply.NONE;
    }

    /** /forgetme: the pending reminders go first (they are found by the bookings the flow then deletes). */
    Reply forget(Context ctx) {
        elsewhere.forget(ctx);
        reminders.forget(ctx.userId());
        return BookingScreens.reply(Screen.afterMessage(ctx, layout), flow.forget(ctx.userId()));
    }

    /** A typed message is wanted at the phone step (the number), the SMS code step (the code) and the name step (the name). */
    boolean wantsText(long userId) {
        return flow.wantsText(userId);
    }

    /** A button of the booking ({@link BookingButtons#PREFIX}), /mybookings's included. */
    Reply callback(Context ctx) {
        if (!ctx.isPrivate()) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.group.button.private")));
        }
        Screen screen = Screen.afterButton(ctx, layout);
        BookingButtons.Pressed pressed = BookingButtons.decode(ctx.in().callbackData());
        if (pressed instanceof BookingButtons.Step step) {
            BookingOutcome o = flow.press(ctx.userId(), step.choice());
            return elsewhere.afterBooking(ctx, o, BookingScreens.reply(screen, o));
        } else if (pressed instanceof BookingButtons.WatchAsk || pressed instanceof BookingButtons.WatchAnswer) {
            return elsewhere.callback(ctx, pressed);
        } else if (pressed instanceof BookingButtons.Noop) {
            return screen.reply();
        } else if (pressed instanceof BookingButtons.ClosedDay) {
            return screen.notice(ctx.t("bookflow.day.closed"));
        } else if (pressed instanceof BookingButtons.Come come) {
            return reminders.come(ctx, screen, come.id());
        } else if (pressed instanceof BookingButtons.Again a) {
            // a new message, so the follow-up keeps its thanks and review link
            BookAgain.Started started = again.start(ctx.userId(), a.serviceId(), a.staffId(), a.company());
            return BookingScreens.reply(Screen.afterMessage(ctx, layout), started.outcome()).before(new Action.AnswerCallback(
                    ctx.chatId(), ctx.in().callbackId(), started.same() ? null : ctx.t("followup.again.gone")));
        } else if (pressed instanceof BookingButtons.Stale) {
            // garbled or forged data: nothing on screen made it
            return screen.notice(ctx.t("bookflow.stale"));
        }
        return mine.callback(ctx, pressed);
    }

    /** A typed phone number at the phone step, the SMS code at the code step, or a typed name at the name step. */
    Reply text(Context ctx) {
        BookingOutcome o = flow.typed(ctx.userId(), ctx.in().text(), profileName(ctx));
        elsewhere.codeTyped(ctx, o);
        return elsewhere.afterBooking(ctx, o, BookingScreens.reply(Screen.afterMessage(ctx, layout), o));
    }

    /** A shared contact: taken only in a private chat, and only when it is the sender's own. */
    Reply contact(Context ctx) {
        if (!ctx.isPrivate()) {
            // a phone number shared in a group is not taken into a booking
            return Reply.NONE;
        }
        Incoming.Contact c = ctx.in().contact();
        BookingFlow.SharedContact shared = new BookingFlow.SharedContact(c.contactUserId(), c.phoneNumber(), c.firstName(),
                c.lastName());
        BookingOutcome o = flow.contactShared(ctx.userId(), shared, profileName(ctx));
        elsewhere.contactTaken(ctx, o);
        return BookingScreens.reply(Screen.afterMessage(ctx, layout), o);
    }

    /**
     * The name to book with when none was typed or shared: the Telegram profile's first name when it passes the check a
     * typed name does ({@link CustomerName}: a letter, 2–60 characters, no link), else the neutral "Telegram customer" —
     * the summary shows it beside "✏️ Change name", and YCLIENTS gets no link or emoji as a customer's name.
     */
    private static String profileName(Context ctx) {
        CustomerName.Checked first = CustomerName.check(ctx.in().firstName());
        return first.ok() ? first.name() : ctx.t("bookflow.name.unknown");
    }
}
