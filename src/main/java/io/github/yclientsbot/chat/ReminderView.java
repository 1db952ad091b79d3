package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.VisitReminders;
import io.github.yclientsbot.i18n.Messages;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A visit's reminder as the customer reads it, in the bot's language (a reminder answers no update, so the customer's
 * Telegram language is not known): how long is left, the services and specialist, day and time in the company's
 * zone, the address; ✅ I'll come (when YCLIENTS can be told), 🔁 Another time and ❌ Cancel (where the company allows
 * changes at this distance). Kept until the visit starts: never given up for age while the visit is ahead.
 */
public final class ReminderView {
    private final Messages messages;
    /** A branch's time zone, by company id. */
    private final LongFunction<ZoneId> zone;

    public ReminderView(Messages messages, Supplier<ZoneId> zone) {
        this(messages, (LongFunction<ZoneId>) company -> zone.get());
    }

    /** @param zone each branch's own time zone (the reminder is worded in its visit's) */
    public ReminderView(Messages messages, LongFunction<ZoneId> zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** The message to the customer's private chat (chat id = user id). */
    public Reply render(VisitReminders.Due.Send s) {
        String lang = messages.fallbackLanguage();
        String services = s.services().isEmpty() ? t(lang, "bookflow.my.service.unknown") : String.join(", ", s.services());
        String what = s.staffName() == null || s.staffName().isBlank() ? services : services + " · " + s.staffName();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm", Locale.forLanguageTag(lang));
        StringBuilder text = new StringBuilder(t(lang, "reminder.text", "left", left(lang, s.left()), "what", what,
                "when", when.format(s.visitStart().atZone(zone.apply(s.id().companyId())))));
        if (!s.address().isBlank()) {
            text.append('\n').append(t(lang, "reminder.address", "address", s.address()));
        }
        Keyboard.Builder kb = Keyboard.builder();
        if (s.canConfirm()) {
            kb.row(Button.callback(t(lang, "reminder.button.come"),
                    BookingButtons.encode(new BookingButtons.Come(s.referenceId()))));
        }
        List<Button> change = new ArrayList<>();
        if (s.canMove()) {
            change.add(Button.callback(t(lang, "reminder.button.move"),
                    BookingButtons.encode(new BookingButtons.MoveAsk(s.referenceId()))));
        }
        if (s.canCancel()) {
            change.add(Button.callback(t(lang, "reminder.button.cancel"),
                    BookingButtons.encode(new BookingButtons.MyAsk(s.referenceId()))));
        }
        if (!change.isEmpty()) {
            kb.row(change);
        }
        return Reply.of(new Action.Send(s.userId(), text.toString(), kb.build()).keptUntil(s.visitStart()));
    }

    /** "2 ч", "40 мин", "1 д 3 ч", "1 ч 30 мин": whole minutes, rounded up. */
    String left(String lang, Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return hours == 0 ? t(lang, "reminder.left.d", "d", days) : t(lang, "reminder.left.dh", "d", days, "h", hours);
        }
        if (hours > 0) {
            return mins == 0 ? t(lang, "reminder.left.h", "h", hours) : t(lang, "reminder.left.hm", "h", hours, "m", mins);
        }
        return t(lang, "reminder.left.m", "m", mins);
    }

    private String t(String lang, String key, Object... args) {
        return messages.get(lang, key, args);
    }
}
