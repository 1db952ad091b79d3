package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingForm;
import io.github.yclientsbot.booking.Choice;
import io.github.yclientsbot.booking.PhoneNumber;
import io.github.yclientsbot.booking.PriceFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What the booking's screens share: the lines of what was chosen (on top of each step, and in full on the summary),
 * Back / Cancel with the booking form as a way out, prices, pagers.
 */
public final class BookingLayout {
    private final PriceFormat prices;
    private final BookingForm form;

    public BookingLayout(PriceFormat prices, BookingForm form) {
        this.prices = prices;
        this.form = form;
    }

    Optional<String> price(BigDecimal min, BigDecimal max) {
        return prices.format(min, max);
    }

    /** What was chosen so far, on top of each step; for a move, first which visit is moved. */
    String header(Context ctx, BookingDraft d) {
        StringBuilder s = new StringBuilder();
        if (d.moving() != null) {
            s.append(ctx.t("bookflow.move.line", "when", MyBookingsChat.when(ctx, d.moving().from()))).append('\n');
        }
        s.append(ctx.t("bookflow.line.service", "service", d.serviceTitle()));
        if (d.step().ordinal() > Step.STAFF.ordinal()) {
            s.append('\n').append(ctx.t("bookflow.line.staff", "staff", staffLabel(ctx, d)));
        }
        if (d.step().ordinal() > Step.DAY.ordinal() && d.date() != null) {
            s.append('\n').append(ctx.t("bookflow.line.date", "date", dateLabel(ctx, LocalDate.parse(d.date()))));
        }
        if (d.step().ordinal() > Step.TIME.ordinal() && d.time() != null) {
            s.append('\n').append(ctx.t("bookflow.line.time", "time", d.time()));
        }
        return s.toString();
    }

    /** The branch of a chain (title, address), service, specialist, date, time (with its time zone), price, name, phone. */
    String details(Context ctx, BookingDraft d) {
        StringBuilder s = new StringBuilder();
        Optional<String> branch = form.branch(d);
        if (branch != null && branch.isPresent()) {
            s.append(ctx.t("bookflow.line.branch", "branch", branch.get())).append('\n');
        }
        s.append(ctx.t("bookflow.line.service", "service", d.serviceTitle())).append('\n');
        s.append(ctx.t("bookflow.line.staff", "staff", staffLabel(ctx, d))).append('\n');
        if (d.date() != null) {
            s.append(ctx.t("bookflow.line.date", "date", dateLabel(ctx, LocalDate.parse(d.date())))).append('\n');
        }
        if (d.time() != null) {
            s.append(d.zone() == null ? ctx.t("bookflow.line.time", "time", d.time())
                    : ctx.t("bookflow.line.time.zone", "time", d.time(), "zone", d.zone())).append('\n');
        }
        s.append(ctx.t("bookflow.line.price", "price", prices.format(d.priceMin(), d.priceMax())
                .orElse(ctx.t("bookflow.price.unknown"))));
        if (d.phone() != null) {
            s.append('\n').append(ctx.t("bookflow.line.name", "name", d.name()));
            s.append('\n').append(ctx.t("bookflow.line.phone", "phone", PhoneNumber.display(d.phone())));
        }
        return s.toString();
    }

    private static String staffLabel(Context ctx, BookingDraft d) {
        if (d.staffId() > 0 && d.staffName() != null) {
            return d.staffName();
        }
        // a button tied to a specialist YCLIENTS did not list as bookable: not "any", the one on the button
        return d.staffId() > 0 ? ctx.t("bookflow.staff.fixed") : ctx.t("bookflow.staff.any");
    }

    private static String dateLabel(Context ctx, LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.forLanguageTag(ctx.lang())).format(day);
    }

    /** Back and Cancel, and in mode "both" the booking form for this service as a fallback. */
    void addNav(Context ctx, BookingDraft d, Keyboard.Builder kb, boolean withBack) {
        List<Button> row = new ArrayList<>();
        if (withBack) {
            row.add(Button.callback(ctx.t("bookflow.button.back"), BookingButtons.of(new Choice.Back())));
        }
        row.add(cancel(ctx));
        kb.row(row);
        if (form.alongside()) {
            link(d).ifPresent(url -> kb.row(Button.url(ctx.t("bookflow.button.form"), url)));
        }
    }

    Keyboard nav(Context ctx, BookingDraft d, boolean withBack) {
        Keyboard.Builder kb = Keyboard.builder();
        addNav(ctx, d, kb, withBack);
        return kb.build();
    }

    /** Only the booking form (when there is one): where the customer goes when the chat cannot book. */
    Keyboard formOnly(Context ctx, BookingDraft d) {
        return formButton(ctx, link(d));
    }

    /** The general booking form (when there is one), for what is not about one service. */
    Keyboard generalFormOnly(Context ctx) {
        return formButton(ctx, form.general());
    }

    /** The booking form (when there is one) above Cancel: the chat cannot go on now, the customer can. */
    Keyboard formThenCancel(Context ctx, BookingDraft d) {
        Keyboard.Builder kb = Keyboard.builder();
        link(d).ifPresent(url -> kb.row(Button.url(ctx.t("bookflow.button.form"), url)));
        kb.row(cancel(ctx));
        return kb.build();
    }

    /** Whether the draft's service has a booking form to go to. */
    boolean hasForm(BookingDraft d) {
        return link(d).isPresent();
    }

    /** The booking form of the draft's service; none while moving a visit (the form would make a second booking). */
    private Optional<String> link(BookingDraft d) {
        return d.moving() != null ? Optional.empty() : form.link(d);
    }

    static Button cancel(Context ctx) {
        return Button.callback(ctx.t("bookflow.button.cancel"), BookingButtons.of(new Choice.Cancel()));
    }

    private static Keyboard formButton(Context ctx, Optional<String> url) {
        return url.map(u -> Keyboard.builder().row(Button.url(ctx.t("bookflow.button.form"), u)).build())
                .orElse(Keyboard.NONE);
    }

    /** ‹ n/N › under a list of more than one page; none for one page. */
    static List<Button> pager(int page, int pages, IntFunction<String> data) {
        List<Button> nav = new ArrayList<>();
        if (pages <= 1) {
            return nav;
        }
        if (page > 0) {
            nav.add(Button.callback("‹", data.apply(page - 1)));
        }
        nav.add(Button.callback((page + 1) + "/" + pages, data.apply(page)));
        if (page < pages - 1) {
            nav.add(Button.callback("›", data.apply(page + 1)));
        }
        return nav;
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }
}
