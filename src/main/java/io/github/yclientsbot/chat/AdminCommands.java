package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.PriceFormat;
import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.company.Catalog;
import io.github.yclientsbot.company.CatalogEntry;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.setup.LiveCheck;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.setup.ServiceSetup;
import io.github.yclientsbot.setup.TokenSetup;
import io.github.yclientsbot.yclients.YclientsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.yclientsbot.chat.CustomerCommands.simple;

/** The admin commands: tokens, company, booking form, service buttons. */
public final class AdminCommands {
    static final String YSERVICES_PAGE = "ysp:";
    static final String YSERVICES_MAP = "ysm:";
    private static final int YSERVICES_PAGE_SIZE = 8;

    private final TokenSetup tokens;
    private final CompanySetup company;
    private final ServiceSetup services;
    private final PriceFormat prices;
    private final BranchCommands branches;

    public AdminCommands(TokenSetup tokens, CompanySetup company, ServiceSetup services, PriceFormat prices,
                         BranchCommands branches) {
        this.tokens = tokens;
        this.company = company;
        this.services = services;
        this.prices = prices;
        this.branches = branches;
    }

    List<Command> commands() {
        List<Command> all = new ArrayList<>(branches.commands());
        all.addAll(List.of(
                simple("admin", Role.ADMIN, (ctx, line) -> ctx.say("admin.help")),
                simple("settoken", Role.ADMIN, this::setToken),
                simple("yclogin", Role.ADMIN, this::login),
                simple("setcompany", Role.ADMIN, this::setCompany),
                simple("setbookingurl", Role.ADMIN, this::setBookingUrl),
                simple("setservice", Role.ADMIN, this::setService),
                simple("delservice", Role.ADMIN, this::delService),
                simple("enable", Role.ADMIN, (ctx, line) -> line.args().isEmpty() ? setEnabled(ctx, true) : ctx.say("enable.usage")),
                simple("disable", Role.ADMIN, (ctx, line) -> line.args().isEmpty() ? setEnabled(ctx, false) : ctx.say("enable.usage")),
                simple("bookingmode", Role.ADMIN, this::bookingMode),
                simple("unset", Role.ADMIN, this::unset),
                simple("yservices", Role.ADMIN, this::yservices)));
        return all;
    }

    private Reply setToken(Context ctx, CommandLine line) {
        List<String> args = line.args();
        // the message itself was deleted before this ran (ChatBot.preflight)
        if (!ctx.isPrivate()) {
            return ctx.say(args.size() >= 2 ? "settoken.group.revoke" : "settoken.group");
        }
        TokenSetup.TokenKind kind = args.isEmpty() ? null : switch (args.get(0).toLowerCase(Locale.ROOT)) {
            case "partner", "api" -> TokenSetup.TokenKind.PARTNER;
            case "user" -> TokenSetup.TokenKind.USER;
            default -> null;
        };
        if (kind == null || args.size() != 2) {
            return ctx.say("settoken.usage");
        }
        String token = args.get(1);
        if (!TokenSetup.looksLikeToken(token)) {
            return ctx.say("settoken.invalid");
        }
        TokenSetup.TokenResult result = tokens.setToken(kind, token, ctx.userId());
        String text = ctx.t(kind == TokenSetup.TokenKind.PARTNER ? "settoken.saved.partner" : "settoken.saved.user",
                "masked", result.masked())
                + "\n" + CheckTexts.describe(ctx, result.check());
        return Reply.text(ctx.chatId(), text);
    }

    private Reply login(Context ctx, CommandLine line) {
        if (!ctx.isPrivate()) {
            return ctx.say("yclogin.group");
        }
        String rest = line.rest();
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.substring(space).isBlank()) {
            return ctx.say("yclogin.usage");
        }
        String login = rest.substring(0, space);
        String password = rest.substring(space + 1).strip();
        TokenSetup.LoginResult result = tokens.login(login, password, ctx.userId());
        String text;
        if (result instanceof TokenSetup.LoginResult.LoggedIn in) {
            text = ctx.t("yclogin.ok", "name", in.userName() == null ? "—" : in.userName(), "masked", in.token().masked())
                    + "\n" + CheckTexts.describe(ctx, in.token().check());
        } else if (result instanceof TokenSetup.LoginResult.Refused r) {
            text = ctx.t("yclogin.failed", "reason", CheckTexts.describe(ctx, r.failure()));
        } else {
            text = ctx.t("yclogin.no.partner");
        }
        return Reply.text(ctx.chatId(), text);
    }

    private Reply setCompany(Context ctx, CommandLine line) {
        OptionalLong id = line.args().size() == 1 ? Values.parsePositiveLong(line.args().get(0)) : OptionalLong.empty();
        if (id.isEmpty()) {
            return ctx.say("setcompany.usage");
        }
        CompanySetup.CompanyResult r = company.setCompany(id.getAsLong(), ctx.userId());
        if (r instanceof CompanySetup.CompanyResult.Saved s) {
            StringBuilder sb = new StringBuilder(ctx.t("setcompany.saved", "id", s.company().id(), "title", s.company().displayTitle()));
            sb.append('\n');
            if (s.explicitFormKept()) {
                sb.append(ctx.t("setcompany.form.explicit"));
            } else if (s.bookform().isPresent()) {
                sb.append(ctx.t("setcompany.form.found", "url", s.bookform().get().url(), "title", s.bookform().get().title()));
            } else {
                sb.append(ctx.t("setcompany.form.none"));
            }
            if (s.branchesDropped()) {
                sb.append('\n').append(ctx.t("setcompany.branches.dropped"));
            }
            if (s.mappingsOfPreviousCompany() > 0) {
                sb.append('\n').append(ctx.t("setcompany.old.buttons", "count", s.mappingsOfPreviousCompany()));
            }
            return Reply.text(ctx.chatId(), sb.toString());
        }
        if (r instanceof CompanySetup.CompanyResult.SavedUnverified u) {
            return Reply.text(ctx.chatId(), ctx.t("setcompany.unverified", "id", u.companyId()) + "\n" + CheckTexts.describe(ctx, u.why()));
        }
        CompanySetup.CompanyResult.NotFound nf = (CompanySetup.CompanyResult.NotFound) r;
        return ctx.say("setcompany.notfound", "id", nf.companyId(), "message", nf.message());
    }

    private Reply setBookingUrl(Context ctx, CommandLine line) {
        if (line.args().size() != 1) {
            return ctx.say("bookingurl.usage");
        }
        CompanySetup.FormResult r = company.setBookingUrl(line.args().get(0), ctx.userId());
        if (r instanceof CompanySetup.FormResult.Saved s) {
            String text = ctx.t("bookingurl.saved", "url", s.url());
            if (s.warning().isPresent()) {
                text += "\n" + ctx.t("bookingurl.other.company", "company", s.warning().get());
            }
            return Reply.text(ctx.chatId(), text);
        }
        if (r instanceof CompanySetup.FormResult.StaffJournal) {
            return ctx.say("bookingurl.journal");
        }
        return ctx.say("bookingurl.invalid");
    }

    private Reply setEnabled(Context ctx, boolean enabled) {
        company.setEnabled(enabled, ctx.userId());
        return ctx.say(enabled ? "enable.ok" : "disable.ok");
    }

    /** /bookingmode [chat|form|both]: without an argument, what is in effect; with one, it is stored in chat. */
    private Reply bookingMode(Context ctx, CommandLine line) {
        if (line.args().isEmpty()) {
            var now = company.bookingMode();
            String mode = now.isSet() ? now.value().strip().toLowerCase(Locale.ROOT) : "both";
            return Reply.text(ctx.chatId(), ctx.t("bookingmode.now", "mode", mode, "source", SourceNames.of(ctx, now.source().label()))
                    + "\n" + ctx.t("bookingmode." + (Set.of("chat", "form").contains(mode) ? mode : "both")) + "\n\n" + ctx.t("bookingmode.usage"));
        }
        String mode = line.args().size() == 1 ? line.args().get(0).toLowerCase(Locale.ROOT) : "";
        if (!Set.of("chat", "form", "both").contains(mode)) {
            return ctx.say("bookingmode.usage");
        }
        company.setBookingMode(mode, ctx.userId());
        return Reply.text(ctx.chatId(), ctx.t("bookingmode.saved", "mode", mode) + "\n" + ctx.t("bookingmode." + mode));
    }

    private Reply unset(Context ctx, CommandLine line) {
        if (line.args().size() != 1) {
            return ctx.say("unset.usage");
        }
        var result = company.unset(line.args().get(0), ctx.userId());
        if (result.isEmpty()) {
            return ctx.say("unset.usage");
        }
        var r = result.get();
        if (!r.removed()) {
            return ctx.say("unset.nothing", "key", r.key().key());
        }
        String now = r.nowInEffect().isSet()
                ? ctx.t("unset.now", "value", r.key().secret() ? SecretRedactor.mask(r.nowInEffect().value()) : r.nowInEffect().value(),
                "source", SourceNames.of(ctx, r.nowInEffect().source().label()))
                : ctx.t("unset.now.none");
        return Reply.text(ctx.chatId(), ctx.t("unset.ok", "key", r.key().key()) + "\n" + now);
    }

    // ---- service buttons -------------------------------------------------------------------

    private Reply setService(Context ctx, CommandLine line) {
        BranchCommands.BranchArg branch = branches.branchArg(ctx, line.args());
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

    private Reply delService(Context ctx, CommandLine line) {
        BranchCommands.BranchArg branch = branches.branchArg(ctx, line.args());
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

    /** /yservices [branch=<id>]: the branch is needed when there are several. */
    private Reply yservices(Context ctx, CommandLine line) {
        BranchCommands.BranchArg branch = branches.branchArg(ctx, line.args());
        return branch.error().orElseGet(() -> yservices(ctx, branch.branch(), 0, null));
    }

    /** A press under /yservices: a page ({@code ysp:<page>[:<branch>]}) or a ➕ ({@code ysm:<service>[:<branch>]}). */
    Reply yservicesButton(Context ctx, String data) {
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
