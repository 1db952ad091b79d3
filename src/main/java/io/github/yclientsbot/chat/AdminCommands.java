package io.github.yclientsbot.chat;

import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.setup.TokenSetup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

import static io.github.yclientsbot.chat.CustomerCommands.simple;

/** The admin commands: tokens, company, booking form, on/off, booking mode; the branches and service buttons join them. */
public final class AdminCommands {
    private final TokenSetup tokens;
    private final CompanySetup company;
    private final ServiceButtonCommands services;
    private final BranchCommands branches;

    public AdminCommands(TokenSetup tokens, CompanySetup company, ServiceButtonCommands services, BranchCommands branches) {
        this.tokens = tokens;
        this.company = company;
        this.services = services;
        this.branches = branches;
    }

    /** Whether a button's data is one of the admin buttons ({@link #button} takes it). */
    static boolean ownsButton(String data) {
        return ServiceButtonCommands.ownsButton(data);
    }

    /** A press on an admin button: under /yservices, or "which branch?". */
    Reply button(Context ctx, String data) {
        return services.button(ctx, data);
    }

    List<Command> commands() {
        List<Command> all = new ArrayList<>(branches.commands());
        all.addAll(services.commands());
        all.addAll(List.of(
                simple("admin", Role.ADMIN, (ctx, line) -> ctx.say("admin.help")),
                simple("settoken", Role.ADMIN, this::setToken),
                simple("yclogin", Role.ADMIN, this::login),
                simple("setcompany", Role.ADMIN, this::setCompany),
                simple("setbookingurl", Role.ADMIN, this::setBookingUrl),
                simple("enable", Role.ADMIN, (ctx, line) -> line.args().isEmpty() ? setEnabled(ctx, true) : ctx.say("enable.usage")),
                simple("disable", Role.ADMIN, (ctx, line) -> line.args().isEmpty() ? setEnabled(ctx, false) : ctx.say("enable.usage")),
                simple("bookingmode", Role.ADMIN, this::bookingMode),
                simple("unset", Role.ADMIN, this::unset)));
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
}
