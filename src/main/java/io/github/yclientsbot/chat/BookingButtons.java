package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.Choice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one codec of the booking's button data ({@value #PREFIX}…): what each button sends back, and what data that
 * comes back means. The strings are a contract with the buttons already on customers' screens, so they never change:
 * {@code bk:svc:<button id>}, {@code bk:sp:<page>}, {@code bk:st:<staff id>}, {@code bk:stp:<page>},
 * {@code bk:m:<yyyy-MM>}, {@code bk:d:<yyyy-MM-dd>}, {@code bk:t:<yyyyMMdd>:<index>}, {@code bk:tp:<page>},
 * {@code bk:b}, {@code bk:x}, {@code bk:ok}, {@code bk:ok:<stamp>}, {@code bk:agree}, {@code bk:n}, {@code bk:n:d},
 * {@code bk:rc}, {@code bk:nm}, {@code bk:ph}, {@code bk:rm:y}, {@code bk:rm:n}, and /mybookings's
 * {@code bk:my:c:<id>}, {@code bk:my:y:<id>}, {@code bk:my:n}, {@code bk:my:p:<page>}, {@code bk:my:mv:<id>}.
 * The {@code <id>} of {@code bk:my:…} is a booking reference's (ours, never a YCLIENTS record id), and a reminder's
 * 🔁 and ❌ carry the same data as /mybookings's: {@code bk:my:mv:<id>} and {@code bk:my:c:<id>}. "Remind me of all
 * my visits": {@code bk:all:q} (ask), {@code bk:all:y}, {@code bk:all:n}; the reminder's
 * {@code bk:my:ok:<id>} ("I'll come").
 */
final class BookingButtons {
    static final String PREFIX = "bk:";

    private static final Pattern TIME = Pattern.compile("([0-9]{8}):([0-9]{1,9})");

    private BookingButtons() {
    }

    /** What a button of the booking meant. */
    sealed interface Pressed {
    }

    /** A choice for the booking flow. */
    record Step(Choice choice) implements Pressed {}

    /** A calendar cell that books nothing: a weekday name or a day outside the month. */
    record Noop() implements Pressed {}

    /** A day of the month without free time. */
    record ClosedDay() implements Pressed {}

    /** /mybookings: "Cancel" under booking {@code id} (asks yes or no). */
    record MyAsk(long id) implements Pressed {}

    /** /mybookings: "Yes, cancel" booking {@code id}. */
    record MyCancel(long id) implements Pressed {}

    /** /mybookings: "No, keep it". */
    record MyKeep() implements Pressed {}

    /**
     * A reminder's "✅ I'll come" for booking {@code id} (our {@code booking_reference} id): the visit's attendance
     * confirmed in YCLIENTS, once per visit.
     */
    record Come(long id) implements Pressed {}

    /** /mybookings: ‹ › to page {@code page}. */
    record MyPage(int page) implements Pressed {}

    /**
     * 🔁 Another time for booking {@code id} (in /mybookings and under a reminder): its free times, then the move. A
     * press after the booking was cancelled or forgotten gets a friendly answer and calls nobody.
     */
    record MoveAsk(long id) implements Pressed {}

    /** 📅 Book again under a visit's follow-up: a new booking of YCLIENTS service {@code serviceId} with {@code staffId} (0: any). */
    record Again(long serviceId, long staffId, long company) implements Pressed {
        /** Of the bot's first branch (and the data written before branches). */
        Again(long serviceId, long staffId) {
            this(serviceId, staffId, 0);
        }
    }

    /** "Remind me of all my visits at the salon?" asked from /mybookings. */
    record WatchAsk() implements Pressed {}

    /** Its answer: yes, or no (after a yes: take it back). */
    record WatchAnswer(boolean yes) implements Pressed {}

    /** Data that is none of the above (garbled, forged, or from a version that never existed). */
    record Stale() implements Pressed {}

    static final String NOOP = PREFIX + "n";
    static final String CLOSED_DAY = PREFIX + "n:d";

    /** The data of a button that makes {@code choice}. */
    static String of(Choice choice) {
        return encode(new Step(choice));
    }

    static String encode(Pressed pressed) {
        if (pressed instanceof Step s) {
            return PREFIX + choice(s.choice());
        }
        if (pressed instanceof Noop) {
            return NOOP;
        }
        if (pressed instanceof ClosedDay) {
            return CLOSED_DAY;
        }
        if (pressed instanceof MyAsk a) {
            return PREFIX + "my:c:" + a.id();
        }
        if (pressed instanceof MyCancel c) {
            return PREFIX + "my:y:" + c.id();
        }
        if (pressed instanceof MyKeep) {
            return PREFIX + "my:n";
        }
        if (pressed instanceof MyPage p) {
            return PREFIX + "my:p:" + p.page();
        }
        if (pressed instanceof MoveAsk m) {
            return PREFIX + "my:mv:" + m.id();
        }
        if (pressed instanceof WatchAsk) {
            return PREFIX + "all:q";
        }
        if (pressed instanceof WatchAnswer a) {
            return PREFIX + (a.yes() ? "all:y" : "all:n");
        }
        if (pressed instanceof Come c) {
            return PREFIX + "my:ok:" + c.id();
        }
        if (pressed instanceof Again a) {
            return PREFIX + "ag:" + a.serviceId() + ":" + a.staffId() + (a.company() == 0 ? "" : ":" + a.company());
        }
        throw new IllegalArgumentException("no button data for " + pressed);
    }

    private static String choice(Choice c) {
        if (c instanceof Choice.Service s) {
            return "svc:" + s.buttonId();
        } else if (c instanceof Choice.ServicePage p) {
            return "sp:" + p.page();
        } else if (c instanceof Choice.Staff s) {
            return "st:" + s.staffId();
        } else if (c instanceof Choice.StaffPage p) {
            return "stp:" + p.page();
        } else if (c instanceof Choice.Month m) {
            return "m:" + m.month();
        } else if (c instanceof Choice.Day d) {
            return "d:" + d.day();
        } else if (c instanceof Choice.Time t) {
            return "t:" + t.day().format(DateTimeFormatter.BASIC_ISO_DATE) + ":" + t.index();
        } else if (c instanceof Choice.TimePage p) {
            return "tp:" + p.page();
        } else if (c instanceof Choice.Back) {
            return "b";
        } else if (c instanceof Choice.Cancel) {
            return "x";
        } else if (c instanceof Choice.Confirm k) {
            return k.stamp() == null ? "ok" : "ok:" + k.stamp();
        } else if (c instanceof Choice.Agree) {
            return "agree";
        } else if (c instanceof Choice.ResendCode) {
            return "rc";
        } else if (c instanceof Choice.EditName) {
            return "nm";
        } else if (c instanceof Choice.OtherPhone) {
            return "ph";
        } else if (c instanceof Choice.Remember r) {
            return r.yes() ? "rm:y" : "rm:n";
        }
        throw new IllegalArgumentException("no button data for " + c);
    }

    /** What {@code data} means; anything unreadable is {@link Stale}. */
    static Pressed decode(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return new Stale();
        }
        String rest = data.substring(PREFIX.length());
        try {
            return decodeRest(rest);
        } catch (RuntimeException garbled) {
            return new Stale();
        }
    }

    private static Pressed decodeRest(String rest) {
        Pressed fixed = switch (rest) {
            case "n" -> new Noop();
            case "n:d" -> new ClosedDay();
            case "b" -> new Step(new Choice.Back());
            case "x" -> new Step(new Choice.Cancel());
            case "ok" -> new Step(new Choice.Confirm(null));
            case "agree" -> new Step(new Choice.Agree());
            case "rc" -> new Step(new Choice.ResendCode());
            case "nm" -> new Step(new Choice.EditName());
            case "ph" -> new Step(new Choice.OtherPhone());
            case "rm:y" -> new Step(new Choice.Remember(true));
            case "rm:n" -> new Step(new Choice.Remember(false));
            case "my:n" -> new MyKeep();
            case "all:q" -> new WatchAsk();
            case "all:y" -> new WatchAnswer(true);
            case "all:n" -> new WatchAnswer(false);
            default -> null;
        };
        if (fixed != null) {
            return fixed;
        }
        if (rest.startsWith("svc:")) {
            return new Step(new Choice.Service(Long.parseLong(after(rest, "svc:"))));
        } else if (rest.startsWith("sp:")) {
            return new Step(new Choice.ServicePage(page(after(rest, "sp:"))));
        } else if (rest.startsWith("st:")) {
            return new Step(new Choice.Staff(Long.parseLong(after(rest, "st:"))));
        } else if (rest.startsWith("stp:")) {
            return new Step(new Choice.StaffPage(page(after(rest, "stp:"))));
        } else if (rest.startsWith("m:")) {
            return new Step(new Choice.Month(YearMonth.parse(after(rest, "m:"))));
        } else if (rest.startsWith("d:")) {
            return new Step(new Choice.Day(LocalDate.parse(after(rest, "d:"))));
        } else if (rest.startsWith("t:")) {
            Matcher m = TIME.matcher(after(rest, "t:"));
            if (!m.matches()) {
                return new Stale();
            }
            return new Step(new Choice.Time(LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE),
                    Integer.parseInt(m.group(2))));
        } else if (rest.startsWith("tp:")) {
            return new Step(new Choice.TimePage(page(after(rest, "tp:"))));
        } else if (rest.startsWith("ok:")) {
            return new Step(new Choice.Confirm(after(rest, "ok:")));
        } else if (rest.startsWith("my:c:")) {
            return new MyAsk(Long.parseLong(after(rest, "my:c:")));
        } else if (rest.startsWith("my:y:")) {
            return new MyCancel(Long.parseLong(after(rest, "my:y:")));
        } else if (rest.startsWith("my:p:")) {
            return new MyPage(page(after(rest, "my:p:")));
        } else if (rest.startsWith("my:mv:")) {
            return new MoveAsk(Long.parseLong(after(rest, "my:mv:")));
        } else if (rest.startsWith("my:ok:")) {
            return new Come(Long.parseLong(after(rest, "my:ok:")));
        } else if (rest.startsWith("ag:")) {
            String[] ids = after(rest, "ag:").split(":");
            return ids.length == 2 ? new Again(Long.parseLong(ids[0]), Long.parseLong(ids[1]))
                    : ids.length == 3 ? new Again(Long.parseLong(ids[0]), Long.parseLong(ids[1]), Long.parseLong(ids[2]))
                    : new Stale();
        }
        return new Stale();
    }

    private static String after(String rest, String kind) {
        return rest.substring(kind.length());
    }

    /** A page number; out-of-range pages are clamped by the lists, so only the int range matters here. */
    private static int page(String s) {
        long n = Long.parseLong(s);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }
}
