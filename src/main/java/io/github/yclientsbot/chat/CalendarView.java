package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.Choice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Step 3: one month of bookable days as a calendar, ‹ › to the months around it; Back, Cancel. */
final class CalendarView {
    private CalendarView() {
    }

    static View of(Screen s, BookingOutcome.Calendar o) {
        BookingDraft d = o.draft();
        Keyboard.Builder kb = Keyboard.builder();
        String header = s.layout().header(s.ctx(), d);
        if (o.days().isEmpty()) {
            s.layout().addNav(s.ctx(), d, kb, true);
            return new View(header + "\n\n" + s.t("bookflow.day.none"), kb.build());
        }
        TreeMap<YearMonth, List<LocalDate>> byMonth = new TreeMap<>();
        o.days().forEach(day -> byMonth.computeIfAbsent(YearMonth.from(day), k -> new ArrayList<>()).add(day));
        YearMonth month = byMonth.firstKey();
        if (d.month() != null) {
            try {
                YearMonth wanted = YearMonth.parse(d.month());
                month = byMonth.containsKey(wanted) ? wanted : month;
            } catch (RuntimeException ignored) {
                // an odd month in the state: show the first one
            }
        }
        Locale locale = Locale.forLanguageTag(s.ctx().lang());
        grid(kb, month, byMonth.get(month), locale);
        List<Button> months = new ArrayList<>();
        Map.Entry<YearMonth, List<LocalDate>> before = byMonth.lowerEntry(month);
        Map.Entry<YearMonth, List<LocalDate>> after = byMonth.higherEntry(month);
        if (before != null) {
            months.add(Button.callback("‹ " + monthName(before.getKey(), locale), BookingButtons.of(new Choice.Month(before.getKey()))));
        }
        if (after != null) {
            months.add(Button.callback(monthName(after.getKey(), locale) + " ›", BookingButtons.of(new Choice.Month(after.getKey()))));
        }
        kb.row(months);
        s.layout().addNav(s.ctx(), d, kb, true);
        return new View(header + "\n\n" + s.t("bookflow.day.header", "month", monthName(month, locale)), kb.build());
    }

    /**
     * A month as a calendar grid, Monday first: a bookable day is its number and books, any other day of the
     * month is "·" (a tap says there is no free time), cells outside the month are blank. Only the weeks that
     * hold a bookable day are shown, so a month with free time in its last week does not take a screen.
     */
    private static void grid(Keyboard.Builder kb, YearMonth month, List<LocalDate> bookable, Locale locale) {
        List<Button> weekdays = new ArrayList<>();
        for (DayOfWeek dow : DayOfWeek.values()) {
            String name = dow.getDisplayName(TextStyle.SHORT_STANDALONE, locale);
            weekdays.add(Button.inert(name.substring(0, 1).toUpperCase(locale) + name.substring(1), BookingButtons.NOOP));
        }
        kb.row(weekdays);
        Set<LocalDate> open = new HashSet<>(bookable);
        LocalDate first = bookable.get(0).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = bookable.get(bookable.size() - 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Button> week = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!YearMonth.from(day).equals(month)) {
                week.add(Button.inert(" ", BookingButtons.NOOP));
            } else if (open.contains(day)) {
                week.add(Button.callback(Integer.toString(day.getDayOfMonth()), BookingButtons.of(new Choice.Day(day))));
            } else {
                week.add(Button.inert("·", BookingButtons.CLOSED_DAY));
            }
            if (week.size() == 7) {
                kb.row(week);
                week = new ArrayList<>();
            }
        }
    }

    private static String monthName(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
    }
}
