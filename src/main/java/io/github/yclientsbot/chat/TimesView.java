package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Step 4: the free times of the chosen day, four a row and 24 a page; Back, Cancel. */
final class TimesView {
    static final int PAGE = 24;

    private TimesView() {
    }

    static View of(Screen s, BookingOutcome.TimeList o) {
        BookingDraft d = o.draft();
        Keyboard.Builder kb = Keyboard.builder();
        String head = s.layout().header(s.ctx(), d) + "\n\n";
        if (d.times().isEmpty()) {
            s.layout().addNav(s.ctx(), d, kb, true);
            return new View(head + s.t("bookflow.time.none"), kb.build());
        }
        int pages = (d.times().size() + PAGE - 1) / PAGE;
        int p = Math.max(0, Math.min(o.page(), pages - 1));
        LocalDate day = LocalDate.parse(d.date());
        List<Button> row = new ArrayList<>();
        for (int i = p * PAGE; i < Math.min(d.times().size(), (p + 1) * PAGE); i++) {
            row.add(Button.callback(d.times().get(i).get(0), BookingButtons.of(new Choice.Time(day, i))));
            if (row.size() == 4) {
                kb.row(row);
                row = new ArrayList<>();
            }
        }
        kb.row(row);
        kb.row(BookingLayout.pager(p, pages, n -> BookingButtons.of(new Choice.TimePage(n))));
        s.layout().addNav(s.ctx(), d, kb, true);
        return new View(head + s.t("bookflow.time.header"), kb.build());
    }
}
