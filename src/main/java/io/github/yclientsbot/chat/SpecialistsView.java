package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;

import java.util.List;

/** Step 2: "any specialist" first, then the specialists of the service, eight a page; Back, Cancel. */
final class SpecialistsView {
    static final int PAGE = 8;

    private SpecialistsView() {
    }

    static View of(Screen s, BookingOutcome.SpecialistList o) {
        List<BookingOutcome.Specialist> all = o.specialists();
        int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        int p = Math.max(0, Math.min(o.page(), pages - 1));
        Keyboard.Builder kb = Keyboard.builder();
        kb.row(Button.callback(s.t("bookflow.staff.any"), BookingButtons.of(new Choice.Staff(0))));
        for (BookingOutcome.Specialist one : all.subList(p * PAGE, Math.min(all.size(), (p + 1) * PAGE))) {
            String spec = one.specialization() == null ? "" : " · " + one.specialization();
            kb.row(Button.callback(BookingLayout.cut(one.name() + spec, 60), BookingButtons.of(new Choice.Staff(one.id()))));
        }
        kb.row(BookingLayout.pager(p, pages, n -> BookingButtons.of(new Choice.StaffPage(n))));
        s.layout().addNav(s.ctx(), o.draft(), kb, true);
        return new View(s.layout().header(s.ctx(), o.draft()) + "\n\n" + s.t("bookflow.staff.header"), kb.build());
    }
}
