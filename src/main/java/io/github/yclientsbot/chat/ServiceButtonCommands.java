package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.PriceFormat;
import io.github.yclientsbot.company.Catalog;
import io.github.yclientsbot.company.CatalogEntry;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.setup.LiveCheck;
import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.setup.ServiceSetup;
import io.github.yclientsbot.yclients.YclientsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.yclientsbot.chat.CustomerCommands.simple;

/**
 * /setservice, /delservice and /yservices, and the buttons under them. Buttons belong to a branch: with several, the
 * command names it ({@code branch=<id>}) or is asked with one button per branch, and the press runs it for that
 * branch, the question becoming the command's answer.
 */
public final class ServiceButtonCommands {
    static final String YSERVICES_PAGE = "ysp:";
    static final String YSERVICES_MAP = "ysm:";
    private static final int YSERVICES_PAGE_SIZE = 8;

    private final ServiceSetup services;
    private final PriceFormat prices;
    private final BranchCommands branches;

    public ServiceButtonCommands(ServiceSetup services, PriceFormat prices, BranchCommands branches) {
        this.services = services;
        this.prices = prices;
        this.branches = branches;
    }

    List<Command> commands() {
        return List.of(
                simple("setservice", Role.ADMIN, (ctx, line) -> setService(ctx, branches.branchArg(ctx, line.args()))),
                simple("delservice", Role.ADMIN, (ctx, line) -> delService(ctx, branches.branchArg(ctx, line.args()))),
                simple("yservices", Role.ADMIN, (ctx, line) -> yservices(ctx, branches.branchArg(ctx, line.args()))));
    }

    static boolean ownsButton(String data) {
        return data.startsWith(YSERVICES_PAGE) || data.startsWith(YSERVICES_MAP)
                || data.startsWith(BranchCommands.BRANCH_ANSWER);
    }

    /** A press under /yservices or under "which branch?" (an admin's: {@link ChatBot} checked). */
    Reply button(Context ctx, String data) {
        if (!data.startsWith(BranchCommands.BRANCH_ANSWER)) {
            return yservicesButton(ctx, data);
        }
        BranchQuestions.Pressed pressed = branches.pressed(ctx, data);
        if (!(pressed instanceof BranchQuestions.Pressed.Run run)) {
            return BranchCommands.notRun(ctx, pressed);
        }
        int question = ctx.in().messageId();
        BranchCommands.BranchArg branch = BranchCommands.BranchArg.chosen(run.args(), run.branch());
        Reply reply = switch (run.command()) {
            case "setservice" -> setService(ctx, branch);
            case "delservice" -> delService(ctx, branch);
            default -> yservices(ctx, run.branch(), 0, question);
        };
        return inPlaceOf(ctx, question, reply).before(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null));
    }

    /** The reply's new message edited into the question instead, so the question becomes the answer. */
    private static Reply inPlaceOf(Context ctx, int question, Reply reply) {
        List<Action> actions = new ArrayList<>();
        boolean edited = false;
        for (Action a : reply.actions()) {
            if (!edited && a instanceof Action.Send send && send.chatId() == ctx.chatId() && send.keyboard().isInline()) {
                actions.add(new Action.Edit(ctx.chatId(), question, send.text(), send.keyboard()));
                edited = true;
            } else {
                actions.add(a);
            }
        }
        return new Reply(actions);
    }

    // ---- service buttons -------------------------------------------------------------------

    /** {@code /setservice <service_id> [staff=<staff_id>] [title…]}, for the branch named (or asked once the line is valid). */
    private Reply setService(Context ctx, BranchCommands.BranchArg branch) {
        List<String> args = branch.rest();
        if (args.isEmpty()) {
            return ctx.say("setservice.usage");
        }
        OptionalLong serviceId = Values.parsePositiveLong(args.get(0));
        if (serviceId.isEmpty()) {
            return ctx.say("setservice.usage");
        }
        long staffId = 0;
        int titleFrom = 1;
        if (args.size() > 1 && args.get(1).toLowerCase(Locale.ROOT).startsWith("staff=")) {
            OptionalLong staff = Values.parsePositiveLong(args.get(1).substring("staff=".length()));
            if (staff.isEmpty()) {
                return ctx.say("setservice.usage");
            }
            staffId = staff.getAsLong();
            titleFrom = 2;
        }
        if (args.subList(titleFrom, args.size()).stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("staff="))) {
            return ctx.say("setservice.usage"); // a repeated (or misplaced) staff= is a slip, not a title
        }
        String title = args.size() > titleFrom ? String.join(" ", args.subList(titleFrom, args.size())) : null;
        if (title != null && title.length() > ServiceSetup.TITLE_MAX) {
            return ctx.say("setservice.title.long", "max", ServiceSetup.TITLE_MAX);
        }
        if (branch.error().isPresent()) {
            return branch.error().get();
        }
        if (branch.missing()) {
            return branches.ask(ctx, "setservice", args);
        }
        return Reply.text(ctx.chatId(), describeMapping(ctx, services.map(branch.branch(), serviceId.getAsLong(), staffId,
                title, ctx.userId())));
    }

    private String describeMapping(Context ctx, ServiceSetup.MapResult r) {
        if (r instanceof ServiceSetup.MapResult.Saved s) {
            StringBuilder sb = new StringBuilder(ctx.t(s.updated() ? "setservice.updated" : "setservice.added",
                    "title", s.mapping().title(), "what", what(ctx, s.mapping())));
            for (ServiceSetup.Warning w : s.warnings()) {
                sb.append('\n').append(ctx.t("setservice.warning." + w.name().toLowerCase(Locale.ROOT)));
            }
            return sb.toString();
        }
        if (r instanceof ServiceSetup.MapResult.SavedUnverified u) {
            String text = ctx.t(u.updated() ? "setservice.updated" : "setservice.added",
                    "title", u.mapping().title(), "what", what(ctx, u.mapping()))
                    + "\n" + ctx.t("setservice.unverified") + " " + CheckTexts.describe(ctx, u.why());
            if (!u.mapping().customTitle()) {
                text += "\n" + ctx.t("setservice.title.hint", "id", u.mapping().serviceId());
            }
            return text;
        }
        if (r instanceof ServiceSetup.MapResult.UnknownService us) {
            return ctx.t("setservice.unknown.service", "id", us.serviceId())
                    + (us.searchedHidden() ? "" : "\n" + ctx.t("setservice.unknown.hidden.hint"));
        }
        ServiceSetup.MapResult.UnknownStaff st = (ServiceSetup.MapResult.UnknownStaff) r;
        return ctx.t("setservice.unknown.staff", "id", st.staffId());
    }

    private static String what(Context ctx, ServiceButton m) {
        return m.staffId() > 0
                ? ctx.t("mapping.with.staff", "service", m.serviceId(), "staff", m.staffId())
                : ctx.t("mapping.service", "service", m.serviceId());
    }

    /** {@code /delservice <service_id> [staff=<staff_id>]}, for the branch named (or asked once the line is valid). */
    private Reply delService(Context ctx, BranchCommands.BranchArg branch) {
        List<String> args = branch.rest();
        OptionalLong serviceId = args.isEmpty() || args.size() > 2 ? OptionalLong.empty() : Values.parsePositiveLong(args.get(0));
        if (serviceId.isEmpty()) {
            return ctx.say("delservice.usage");
        }
        long staffId = 0;
        if (args.size() == 2) {
            OptionalLong staff = args.get(1).toLowerCase(Locale.ROOT).startsWith("staff=")
                    ? Values.parsePositiveLong(args.get(1).substring("staff=".length())) : OptionalLong.empty();
            if (staff.isEmpty()) {
                return ctx.say("delservice.usage");
            }
            staffId = staff.getAsLong();
        }
        if (branch.error().isPresent()) {
            return branch.error().get();
        }
        if (branch.missing()) {
            return branches.ask(ctx, "delservice", args);
        }
        ServiceSetup.DeleteResult r = services.unmap(branch.branch(), serviceId.getAsLong(), staffId, ctx.userId());
        if (r instanceof ServiceSetup.DeleteResult.Deleted) {
            return ctx.say("delservice.ok", "id", serviceId.getAsLong());
        }
        Set<Long> others = ((ServiceSetup.DeleteResult.NotMapped) r).otherStaff();
        if (others.isEmpty()) {
            return ctx.say("delservice.notmapped", "id", serviceId.getAsLong());
        }
        String list = others.stream().sorted().map(s -> s == 0 ? ctx.t("delservice.no.staff") : "staff=" + s).collect(Collectors.joining(", "));
        return ctx.say("delservice.other.staff", "id", serviceId.getAsLong(), "list", list);
    }

    // ---- /yservices ------------------------------------------------------------------------

    /** /yservices [branch=<id>]: with several branches and none named, asked. */
    private Reply yservices(Context ctx, BranchCommands.BranchArg branch) {
        if (branch.error().isPresent()) {
            return branch.error().get();
        }
        return branch.missing() ? branches.ask(ctx, "yservices", List.of()) : yservices(ctx, branch.branch(), 0, null);
    }

    /** A press under /yservices: a page ({@code ysp:<page>[:<branch>]}) or a ➕ ({@code ysm:<service>[:<branch>]}). */
    private Reply yservicesButton(Context ctx, String data) {
        boolean page = data.startsWith(YSERVICES_PAGE);
        var target = branches.buttonTarget(data.substring((page ? YSERVICES_PAGE : YSERVICES_MAP).length()), page);
        if (target.isEmpty()) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("hint.stale.button")));
        }
        return page ? yservices(ctx, target.get().branch(), (int) target.get().number(), ctx.in().messageId())
                .before(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null))
                : mapFromButton(ctx, target.get().branch(), target.get().number());
    }

    /** A page of the branch's YCLIENTS services, each with a one-tap "map it" button. */
    Reply yservices(Context ctx, long branch, int page, Integer editMessageId) {
        String text;
        Keyboard keyboard = Keyboard.NONE;
        String tail = branch == ServiceSetup.FIRST_BRANCH ? "" : ":" + branch;
        try {
            Catalog catalog = services.catalog(branch);
            List<CatalogEntry> all = catalog.services();
            if (all.isEmpty()) {
                text = ctx.t("yservices.empty");
            } else {
                Set<Long> mapped = services.mapped(branch).stream().map(ServiceButton::serviceId).collect(Collectors.toSet());
                int pages = (all.size() + YSERVICES_PAGE_SIZE - 1) / YSERVICES_PAGE_SIZE;
                int p = Math.max(0, Math.min(page, pages - 1));
                StringBuilder sb = new StringBuilder(ctx.t("yservices.header", "count", all.size()));
                Keyboard.Builder kb = Keyboard.builder();
                for (CatalogEntry e : all.subList(p * YSERVICES_PAGE_SIZE, Math.min(all.size(), (p + 1) * YSERVICES_PAGE_SIZE))) {
                    sb.append("\n\n").append(mapped.contains(e.id()) ? "✅ " : "▫️ ").append(e.id()).append(" — ").append(e.title());
                    prices.format(e.priceMin(), e.priceMax()).ifPresent(pr -> sb.append(" — ").append(pr));
                    if (!e.onlineBookable()) {
                        sb.append("\n   ").append(ctx.t("yservices.not.online"));
                    }
                    String label = (mapped.contains(e.id()) ? "✅ " : "➕ ") + e.title();
                    kb.row(Button.callback(label.length() > 60 ? label.substring(0, 59) + "…" : label, YSERVICES_MAP + e.id() + tail));
                }
                if (!catalog.includesHidden()) {
                    sb.append("\n\n").append(ctx.t("yservices.online.only"));
                }
                sb.append("\n\n").append(ctx.t("yservices.footer"));
                if (pages > 1) {
                    List<Button> nav = new ArrayList<>();
                    if (p > 0) {
                        nav.add(Button.callback("‹", YSERVICES_PAGE + (p - 1) + tail));
                    }
                    nav.add(Button.callback((p + 1) + "/" + pages, YSERVICES_PAGE + p + tail));
                    if (p < pages - 1) {
                        nav.add(Button.callback("›", YSERVICES_PAGE + (p + 1) + tail));
                    }
                    kb.row(nav);
                }
                text = sb.toString();
                keyboard = kb.build();
            }
        } catch (NotReadyException e) {
            text = notReady(ctx, e.readiness());
        } catch (YclientsException e) {
            text = ctx.t("yservices.failed", "reason", CheckTexts.describe(ctx, LiveCheck.of(e)));
        }
        if (editMessageId != null) {
            return Reply.of(new Action.Edit(ctx.chatId(), editMessageId, text, keyboard));
        }
        return Reply.of(ctx.send(text, keyboard));
    }

    /** The ➕ button under /yservices: map that service with its YCLIENTS title. */
    private Reply mapFromButton(Context ctx, long branch, long serviceId) {
        var existing = services.mapped(branch).stream().filter(m -> m.serviceId() == serviceId && m.staffId() == 0).findFirst();
        if (existing.isPresent()) {
            // a second tap keeps the button as it is (an admin's own title included)
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(),
                    ctx.t("yservices.already", "title", existing.get().title())));
        }
        ServiceSetup.MapResult r = services.map(branch, serviceId, 0, null, ctx.userId());
        String text = describeMapping(ctx, r);
        return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null), ctx.send(text, Keyboard.NONE));
    }

    private static String notReady(Context ctx, Readiness r) {
        List<String> parts = new ArrayList<>();
        for (Readiness.Missing m : r.missing()) {
            parts.add(ctx.t("notready." + m.name().toLowerCase(Locale.ROOT)));
        }
        return ctx.t("notready.header") + "\n" + String.join("\n", parts);
    }
}
