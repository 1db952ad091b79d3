package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.CalendarFile;
import io.github.yclientsbot.booking.MyBookings;
import io.github.yclientsbot.booking.VisitMoves;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /mybookings: the customer's upcoming bookings made in chat, and visits booked elsewhere the bot found by their
 * verified phone ({@link MyBookings}), {@value #PAGE_SIZE} a page with ‹ ›, each with 🔁 Another time
 * ({@link VisitMoves}) and Cancel behind a yes/no — each only where the company allows it now; below them "remind me
 * of all my visits" (or taking that back) when it is possible. A cancellation is confirmed only after YCLIENTS accepted it; when YCLIENTS refuses, the business's phone
 * and the booking form are given instead.
 */
public final class MyBookingsChat {
    static final int PAGE_SIZE = 5;

    private final MyBookings bookings;
    private final BookingLayout layout;
    private final VisitsElsewhereChat elsewhere;
    private final VisitMoves moves;

    public MyBookingsChat(MyBookings bookings, BookingLayout layout, VisitsElsewhereChat elsewhere, VisitMoves moves) {
        this.bookings = bookings;
        this.layout = layout;
        this.elsewhere = elsewhere;
        this.moves = moves;
    }

    /** /mybookings: a new message with the first page of the upcoming bookings. */
    Reply list(Context ctx) {
        if (!ctx.isPrivate()) {
            return ctx.say("bookflow.my.group");
        }
        View v = page(ctx, 0);
        return Reply.of(ctx.send(v.text(), v.keyboard()));
    }

    /** A page of the upcoming bookings ({@value #PAGE_SIZE} a page, numbered on), each with Cancel; ‹ › when more. */
    private View page(Context ctx, int page) {
        MyBookings.Listing listing = bookings.list(ctx.userId(), page, PAGE_SIZE);
        if (listing instanceof MyBookings.Listing.NotReady) {
            return new View(ctx.t("services.unavailable"), Keyboard.NONE);
        }
        if (listing instanceof MyBookings.Listing.Unreadable) {
            return new View(ctx.t("bookflow.error.unavailable"), layout.generalFormOnly(ctx));
        }
        MyBookings.Listing.Found found = (MyBookings.Listing.Found) listing;
        if (found.upcoming().isEmpty() && found.pages() == 1) {
            return new View(ctx.t("bookflow.my.none"), elsewhere.myBookingsButton(ctx)
                    .map(b -> Keyboard.builder().row(b).build()).orElse(Keyboard.NONE));
        }
        StringBuilder text = new StringBuilder(ctx.t("bookflow.my.header"));
        Keyboard.Builder kb = Keyboard.builder();
        int n = found.first() + 1;
        for (MyBookings.Upcoming u : found.upcoming()) {
            String services = u.services().isEmpty() ? ctx.t("bookflow.my.service.unknown") : String.join(", ", u.services());
            String staff = (u.staffName() == null ? "" : " · " + u.staffName())
                    + (u.elsewhere() ? " · " + ctx.t("bookflow.my.elsewhere") : "")
                    + (u.branch() == null ? "" : "\n" + ctx.t("bookflow.line.branch", "branch", u.branch()));
            text.append("\n\n").append(ctx.t("bookflow.my.item", "n", n, "when", when(ctx, u.datetime()),
                    "services", services + staff));
            List<Button> row = new ArrayList<>();
            if (u.canMove()) {
                row.add(Button.callback(ctx.t("bookflow.my.button.move", "n", n),
                        BookingButtons.encode(new BookingButtons.MoveAsk(u.id()))));
            }
            if (u.canCancel()) {
                row.add(Button.callback(ctx.t("bookflow.my.button.cancel", "n", n, "when", shortWhen(ctx, u.datetime())),
                        BookingButtons.encode(new BookingButtons.MyAsk(u.id()))));
            } else {
                text.append('\n').append(ctx.t(u.canMove() ? "bookflow.my.nocancel" : "bookflow.my.locked"));
            }
            kb.row(row);
            n++;
        }
        if (found.pages() > 1) {
            int p = found.page();
            text.append("\n\n").append(ctx.t("bookflow.my.page", "page", p + 1, "pages", found.pages()));
            List<Button> nav = new ArrayList<>();
            if (p > 0) {
                nav.add(Button.callback("‹", BookingButtons.encode(new BookingButtons.MyPage(p - 1))));
            }
            nav.add(Button.callback((p + 1) + "/" + found.pages(), BookingButtons.encode(new BookingButtons.MyPage(p))));
            if (p < found.pages() - 1) {
                nav.add(Button.callback("›", BookingButtons.encode(new BookingButtons.MyPage(p + 1))));
            }
            kb.row(nav);
        }
        elsewhere.myBookingsButton(ctx).ifPresent(b -> kb.row(b));
        return new View(text.toString(), kb.build());
    }

    /** A button of /mybookings: Cancel (asks), Yes (cancels), No (keeps). */
    Reply callback(Context ctx, BookingButtons.Pressed pressed) {
        Screen s = Screen.afterButton(ctx, layout);
        if (pressed instanceof BookingButtons.MoveAsk move) {
            return BookingScreens.reply(s, moves.start(ctx.userId(), move.id()));
        }
        if (pressed instanceof BookingButtons.MyAsk ask) {
            Optional<MyBookings.Kept> found = bookings.find(ctx.userId(), ask.id());
            if (found.isEmpty()) {
                return s.reply(s.flow(new View(ctx.t("bookflow.my.gone"), Keyboard.NONE)));
            }
            Optional<MyBookings.Cancellation> blocked = bookings.cannotCancel(ctx.userId(), ask.id());
            if (blocked.isPresent()) {
                return cancelled(ctx, s, blocked.get());
            }
            Keyboard kb = Keyboard.builder().row(List.of(
                    Button.callback(ctx.t("bookflow.my.button.yes"), BookingButtons.encode(new BookingButtons.MyCancel(ask.id()))),
                    Button.callback(ctx.t("bookflow.my.button.no"), BookingButtons.encode(new BookingButtons.MyKeep())))).build();
            return s.reply(s.flow(new View(ctx.t("bookflow.my.ask", "when", when(ctx, found.get().startsAt())), kb)));
        }
        if (pressed instanceof BookingButtons.MyCancel yes) {
            return cancelled(ctx, s, bookings.cancel(ctx.userId(), yes.id()));
        }
        if (pressed instanceof BookingButtons.MyPage page) {
            // ‹ › (and the page number, which reads the page again): the list edited in place
            return s.reply(s.flow(page(ctx, page.page())));
        }
        if (pressed instanceof BookingButtons.MyKeep) {
            return s.reply(s.flow(new View(ctx.t("bookflow.my.kept"), Keyboard.NONE)));
        }
        throw new IllegalArgumentException("not a button of /mybookings: " + pressed);
    }

    private Reply cancelled(Context ctx, Screen s, MyBookings.Cancellation c) {
        if (c instanceof MyBookings.Cancellation.Gone) {
            // a second tap on Yes: the first one's answer stays on screen
            return s.notice(ctx.t("bookflow.my.gone"));
        }
        if (c instanceof MyBookings.Cancellation.NotReady) {
            return s.reply(s.flow(new View(ctx.t("services.unavailable"), layout.generalFormOnly(ctx))));
        }
        if (c instanceof MyBookings.Cancellation.NotAllowed r) {
            return s.reply(s.flow(new View(ctx.t("bookflow.my.cancel.notallowed", "when", when(ctx, r.startsAt()))
                    + phone(ctx, r.salonPhone()), Keyboard.NONE)));
        }
        if (c instanceof MyBookings.Cancellation.NeedsSalon r) {
            return s.reply(s.flow(new View(ctx.t("bookflow.my.cancel.salon", "when", when(ctx, r.startsAt()))
                    + phone(ctx, r.salonPhone()), Keyboard.NONE)));
        }
        if (c instanceof MyBookings.Cancellation.Refused r) {
            String key = r.unavailable() ? "bookflow.my.cancel.unavailable" : "bookflow.my.cancel.refused";
            String phone = r.salonPhone().isEmpty() ? "" : "\n\n" + ctx.t("bookflow.my.phone", "phone", r.salonPhone());
            return s.reply(s.flow(new View(ctx.t(key, "when", when(ctx, r.startsAt())) + phone, layout.generalFormOnly(ctx))));
        }
        String when = when(ctx, ((MyBookings.Cancellation.Cancelled) c).startsAt());
        return s.reply(s.flow(new View(ctx.t("bookflow.my.cancelled", "when", when), Keyboard.NONE)));
    }

    private static String phone(Context ctx, String salonPhone) {
        return salonPhone.isEmpty() ? "" : "\n\n" + ctx.t("bookflow.my.phone", "phone", salonPhone);
    }

    /** The booked time as the business sees it (its own offset): "вторник, 1 декабря 2026, 10:00". */
    static String when(Context ctx, String datetime) {
        return format(ctx, datetime, "EEEE, d MMMM yyyy, HH:mm");
    }

    private static String shortWhen(Context ctx, String datetime) {
        return format(ctx, datetime, "d MMM, HH:mm");
    }

    private static String format(Context ctx, String datetime, String pattern) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(ctx.lang()));
        try {
            return f.format(OffsetDateTime.parse(datetime.strip()));
        } catch (RuntimeException notOffset) {
            return CalendarFile.start(datetime, null).map(i -> f.format(i.atZone(ZoneId.of("Europe/Moscow")))).orElse(datetime);
        }
    }
}
