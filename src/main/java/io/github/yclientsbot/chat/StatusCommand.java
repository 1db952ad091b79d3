package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.booking.WatchStatus;
import io.github.yclientsbot.setup.LiveCheck;
import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.setup.ReminderStatus;
import io.github.yclientsbot.setup.StatusReport;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/** /status: health at a glance, for support and admins, in their private chat. */
public final class StatusCommand implements Command {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StatusReport report;
    private final ServiceMenu menu;
    private final Supplier<String> botUsername;
    private final WatchStatus watch;
    private final ReminderStatus reminders;

    /**
     * @param menu        what customers get now: the first line says it as they see it
     * @param botUsername the bot's username, for the link into the private chat (null while unknown)
     * @param watch       what the record poll and the YCLIENTS webhook last did
     */
    public StatusCommand(StatusReport report, ServiceMenu menu, Supplier<String> botUsername, WatchStatus watch,
                         ReminderStatus reminders) {
        this.reminders = reminders;
        this.report = report;
        this.menu = menu;
        this.botUsername = botUsername;
        this.watch = watch;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Role requiredRole() {
        return Role.SUPPORT;
    }

    /**
     * In a private chat, the report. Asked in a group, the report goes to the asker's private chat — the group is not
     * the place for the bot's configuration — and only when the bot cannot write there (the asker never started it)
     * does the group hear anything: to ask in the private chat.
     */
    @Override
    public Reply handle(Context ctx, CommandLine line) {
        if (ctx.isPrivate()) {
            return Reply.text(ctx.chatId(), report(ctx));
        }
        String bot = botUsername.get();
        Keyboard link = bot == null || bot.isBlank() ? Keyboard.NONE
                : Keyboard.builder().row(Button.url(ctx.t("status.group.button"), "https://t.me/" + bot)).build();
        return Reply.of(new Action.SendOrElse(new Action.Send(ctx.userId(), report(ctx), Keyboard.NONE),
                ctx.send(ctx.t("status.group.ask.private"), link)));
    }

    private String report(Context ctx) {
        StatusReport.Snapshot s = report.collect();
        StringBuilder sb = new StringBuilder(ctx.t("status.title"));
        line(sb, booking(ctx, s));
        if (s.companyId().isPresent()) {
            line(sb, ctx.t("status.company", "id", s.companyId().getAsLong(),
                    "title", s.companyTitle().map(t -> "«" + t + "»").orElse("—"), "source", SourceNames.of(ctx, s.companySource())));
        } else {
            line(sb, ctx.t("status.company.none"));
        }
        line(sb, s.bookingForm()
                .map(f -> ctx.t("status.form", "url", f.url(), "source", SourceNames.of(ctx, f.sourceLabel())))
                .orElse(ctx.t("status.form.none")));
        line(sb, ctx.t("status.booking.mode", "mode", s.bookingMode(), "source", SourceNames.of(ctx, s.bookingModeSource())));
        line(sb, token(ctx, "status.token.partner", s.partnerToken(), "partner"));
        line(sb, token(ctx, "status.token.user", s.userToken(), "user"));
        line(sb, ctx.t("status.live", "result", live(ctx, s.live())));
        line(sb, ctx.t(s.recordsReadable() ? "status.records.all" : "status.records.chat"));
        if (s.recordsReadable() || s.attendanceFailedToday() > 0) {
            line(sb, ctx.t(s.attendanceFailedToday() == 0 ? "status.attendance.failed.none" : "status.attendance.failed",
                    "count", s.attendanceFailedToday()));
        }
        line(sb, poll(ctx, watch.lastPoll()));
        line(sb, watch.lastWebhookEvent() == null ? ctx.t("status.records.webhook.none")
                : ctx.t("status.records.webhook", "at", TIME.format(watch.lastWebhookEvent())));
        line(sb, ctx.t("status.services", "count", s.servicesMapped() < 0 ? "?" : s.servicesMapped()));
        s.branches().ifPresent(b -> branches(ctx, sb, b));
        line(sb, ctx.t(s.databaseUp() ? "status.db.up" : "status.db.down"));
        line(sb, ctx.t("status.version", "version", s.version(), "uptime", uptime(ctx, s.uptime())));
        line(sb, ctx.t("status.updates", "count", s.updatesHandled()));
        line(sb, ctx.t("status.update.queue", "count", s.updateQueueDepth()));
        line(sb, ctx.t("status.send.queue", "count", s.sendQueueDepth()));
        line(sb, ctx.t(s.sendDropped() == 0 ? "status.send.dropped.none" : "status.send.dropped",
                "count", s.sendDropped(), "seconds", s.sendMaxAgeSeconds()));
        if (s.databaseUp()) {
            reminders(ctx, sb);
        }
        if (s.errors() == 0) {
            line(sb, ctx.t("status.errors.none"));
        } else {
            line(sb, ctx.t("status.errors", "count", s.errors(),
                    "at", s.lastError().map(e -> TIME.format(e.at())).orElse("—"),
                    "last", s.lastError().map(e -> e.summary()).orElse("—")));
        }
        s.lastChange().ifPresent(c -> line(sb, ctx.t("status.last.change", "action", c.action(), "user", c.userId(), "at", TIME.format(c.at()))));
        return sb.toString();
    }

    /** Reminders pending, sent and failed today; the confirm rate of the last 7 days and the "I'll come" YCLIENTS refused. */
    private void reminders(Context ctx, StringBuilder sb) {
        ReminderStatus.Figures f;
        try {
            f = reminders.collect();
        } catch (RuntimeException e) {
            return; // the database line above says why
        }
        line(sb, (f.enabled() || f.pending() > 0
                ? ctx.t("status.reminders", "pending", f.pending(), "sent", f.sentToday(), "failed", f.failedToday())
                : ctx.t("status.reminders.off"))
                + (f.followupsToday() < 0 ? "" : ctx.t("status.reminders.followups", "sent", f.followupsToday())));
        if (f.reminded() > 0 || f.confirmed() > 0) {
            String rate = f.reminded() == 0 ? "—" : Math.round(100.0 * Math.min(f.confirmed(), f.reminded()) / f.reminded()) + " %";
            line(sb, ctx.t("status.reminders.confirm", "confirmed", f.confirmed(), "reminded", f.reminded(), "rate", rate));
        }
        if (f.confirmFailed() > 0) {
            line(sb, ctx.t("status.reminders.confirm.failed", "count", f.confirmFailed()));
        }
    }

    /** Switched on, and whether customers can book now — the same reasons /services and /book give them. */
    private String booking(Context ctx, StatusReport.Snapshot s) {
        if (!s.enabled()) {
            return ctx.t("status.disabled");
        }
        Optional<ServiceMenu.Unavailable> closed = menu.unavailable();
        if (closed.isEmpty()) {
            return ctx.t("status.enabled");
        }
        return switch (closed.get()) {
            case DISABLED -> ctx.t("status.disabled");
            case NOT_CONFIGURED -> ctx.t("status.enabled.closed",
                    "why", ctx.t(s.companyId().isEmpty() ? "status.closed.company" : "status.closed.form"));
            case NO_SERVICES -> ctx.t("status.enabled.empty");
        };
    }

    /** With several branches: one line each, and the YCLIENTS rate budget they share. */
    private static void branches(Context ctx, StringBuilder sb, StatusReport.BranchesView b) {
        String mode = b.selection().mode() == io.github.yclientsbot.company.Settings.BranchMode.CHAIN
                ? ctx.t("status.branches.mode.chain", "id", b.selection().groupId().orElse(0))
                : ctx.t("status.branches.mode.list");
        line(sb, ctx.t("status.branches", "count", b.branches().size(), "mode", mode,
                "source", SourceNames.of(ctx, b.selection().source().label())));
        for (StatusReport.BranchView v : b.branches()) {
            line(sb, ctx.t("status.branch", "id", v.id(), "title", v.title().map(t -> "«" + t + "»").orElse("—"),
                    "form", v.form().orElse(ctx.t("status.branch.form.none")), "live", live(ctx, v.live()),
                    "buttons", v.buttons() < 0 ? "?" : v.buttons()));
        }
        line(sb, ctx.t("status.budget", "calls", b.yclientsCalls(), "busy", b.yclientsBusy()));
    }

    /** The last record poll: when, how many records, or why it does not run. */
    private static String poll(Context ctx, WatchStatus.Poll p) {
        return switch (p.outcome()) {
            case NOT_YET -> ctx.t("status.records.poll.none");
            case NOT_SET_UP -> ctx.t("status.records.poll.off");
            case NO_USER_TOKEN -> ctx.t("status.records.poll.no.user");
            case OK -> ctx.t("status.records.poll.ok", "at", TIME.format(p.at()), "count", p.records());
            case FAILED -> ctx.t("status.records.poll.failed", "at", TIME.format(p.at()), "problem", p.problem());
        };
    }

    private static void line(StringBuilder sb, String text) {
        sb.append('\n').append(text);
    }

    private static String token(Context ctx, String labelKey, StatusReport.TokenView t, String kind) {
        String value;
        if (t.undecryptable()) {
            value = ctx.t("status.token.unreadable", "kind", kind);
        } else if (!t.set()) {
            value = ctx.t("status.token.none");
        } else {
            value = ctx.t("status.token.value", "masked", t.masked(), "source", SourceNames.of(ctx, t.source()));
        }
        return ctx.t(labelKey, "value", value);
    }

    private static String live(Context ctx, LiveCheck check) {
        if (check instanceof LiveCheck.Ok ok) {
            return ctx.t("status.live.ok", "ms", ok.latencyMs());
        }
        // the line already says "YCLIENTS check:", so not CheckTexts' "Check: …" sentences here
        if (check instanceof LiveCheck.Rejected r) {
            return ctx.t("status.live.rejected", "status", r.httpStatus(), "message", r.message());
        }
        if (check instanceof LiveCheck.Unavailable u) {
            return ctx.t("status.live.unavailable", "reason", u.reason());
        }
        return CheckTexts.describe(ctx, check);
    }

    static String uptime(Context ctx, Duration d) {
        return ctx.t("status.uptime", "d", d.toDays(), "h", d.toHoursPart(), "m", d.toMinutesPart());
    }
}
