package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;
import io.github.yclientsbot.company.ServiceButton;

import java.util.List;

/** Step 1: the services, eight a page, each with its price; Cancel. */
final class ServicesView {
    static final int PAGE = 8;

    private ServicesView() {
    }

    static View of(Screen s, BookingOutcome.ServiceList o) {
        List<ServiceButton> all = o.services();
        int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        int p = Math.max(0, Math.min(o.page(), pages - 1));
        Keyboard.Builder kb = Keyboard.builder();
        for (ServiceButton b : all.subList(p * PAGE, Math.min(all.size(), (p + 1) * PAGE))) {
            String price = s.layout().price(b.priceMin(), b.priceMax()).map(x -> " · " + x).orElse("");
            kb.row(Button.callback(BookingLayout.cut(b.title(), 60 - price.length()) + price,
                    BookingButtons.of(new Choice.Service(b.id()))));
        }
        kb.row(BookingLayout.pager(p, pages, n -> BookingButtons.of(new Choice.ServicePage(n))));
        kb.row(BookingLayout.cancel(s.ctx()));
        return new View(s.t("bookflow.service.header"), kb.build());
    }
}
