package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.Attendance;
import io.github.yclientsbot.booking.MyReminders;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code /reminders} (bare: the state; {@code on}, {@code off}) and the reminder's ✅ I'll come. The customer is
 * thanked for "I'll come" whatever YCLIENTS made of it (a failure shows to admins in /status); a repeated tap says it
 * was noted and asks nothing.
 */
public final class RemindersChat {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final MyReminders reminders;
    private final boolean planned;

    /** @param planned reminders are on in the configuration ({@code booking.reminders} not empty) */
    public RemindersChat(MyReminders reminders, boolean planned) {
        this.reminders = reminders;
        this.planned = planned;
    }

    /** /reminders [on|off]. */
    Reply command(Context ctx, CommandLine line) {
        if (!ctx.isPrivate()) {
            return ctx.say("reminders.private");
        }
        if (line.args().size() > 1) {
            return ctx.say("reminders.usage");
        }
        String arg = line.args().isEmpty() ? "" : line.args().get(0).toLowerCase(Locale.ROOT);
        switch (arg) {
            case "" -> {
                String key = reminders.enabled(ctx.userId()) ? "reminders.state.on" : "reminders.state.off";
                String text = ctx.t(key) + reminders.changedAt(ctx.userId())
                        .map(at -> " " + ctx.t("reminders.since", "at", STAMP.format(at.atOffset(ZoneOffset.UTC)))).orElse("");
                return Reply.text(ctx.chatId(), text + ".\n" + ctx.t(planned ? "reminders.how" : "reminders.none.configured"));
            }
            case "on" -> {
                reminders.turn(ctx.userId(), true);
                return ctx.say(planned ? "reminders.turned.on" : "reminders.none.configured");
            }
            case "off" -> {
                reminders.turn(ctx.userId(), false);
                return ctx.say("reminders.turned.off");
            }
            default -> {
                return ctx.say("reminders.usage");
            }
        }
    }

    /** ✅ I'll come under a reminder of booking {@code id}. */
    Reply come(Context ctx, Screen screen, long id) {
        MyReminders.Come come = reminders.come(ctx.userId(), id);
        if (come instanceof MyReminders.Come.Gone) {
            return screen.notice(ctx.t("bookflow.my.gone"));
        }
        if (come instanceof MyReminders.Come.Already) {
            return screen.notice(ctx.t("reminder.come.already"));
        }
        Attendance.Result result = ((MyReminders.Come.Asked) come).result();
        String key = result == Attendance.Result.CHANGED ? "reminder.come.changed" : "reminder.come.thanks";
        return screen.answered(ctx.t("reminder.come.noted"), screen.send(ctx.t(key), Keyboard.NONE));
    }

    /** /forgetme: the customer's reminders stop and their notes go. */
    void forget(long userId) {
        reminders.forget(userId);
    }
}
