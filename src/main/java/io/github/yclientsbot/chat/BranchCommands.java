package io.github.yclientsbot.chat;

import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.setup.BranchSetup;
import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.setup.ServiceSetup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static io.github.yclientsbot.chat.CustomerCommands.simple;

/**
 * /setchain, /addbranch, /delbranch, and the branch of the service-button commands: {@code branch=<id>}, or — with
 * several branches and none named — asked with one button per branch ({@link BranchQuestions} keeps the command).
 */
public final class BranchCommands {
    static final String BRANCH_ARG = "branch=";
    /** The data of a button under "which branch?": {@code abr:<ticket>:<branch id>}. */
    static final String BRANCH_ANSWER = "abr:";
    private static final int LABEL_MAX = 60;

    private final BranchSetup setup;
    private final Branches branches;
    private final BranchQuestions questions;

    public BranchCommands(BranchSetup setup, Branches branches, BranchQuestions questions) {
        this.setup = setup;
        this.branches = branches;
        this.questions = questions;
    }

    List<Command> commands() {
        return List.of(
                simple("setchain", Role.ADMIN, this::setChain),
                simple("addbranch", Role.ADMIN, this::addBranch),
                simple("delbranch", Role.ADMIN, this::delBranch));
    }

    private static OptionalLong oneId(CommandLine line) {
        return line.args().size() == 1 ? Values.parsePositiveLong(line.args().get(0)) : OptionalLong.empty();
    }

    private Reply setChain(Context ctx, CommandLine line) {
        OptionalLong id = oneId(line);
        if (id.isEmpty()) {
            return ctx.say("setchain.usage");
        }
        BranchSetup.ChainResult r = setup.setChain(id.getAsLong(), ctx.userId());
        if (r instanceof BranchSetup.ChainResult.Saved s) {
            return Reply.text(ctx.chatId(), ctx.t("setchain.saved", "id", s.chain().groupId(),
                    "title", s.chain().title().map(t -> "«" + t + "»").orElse(""), "count", s.chain().branches().size())
                    + "\n" + describe(ctx, s.chain().branches()) + "\n" + ctx.t("branches.booking.first"));
        }
        if (r instanceof BranchSetup.ChainResult.NoUserToken) {
            return ctx.say("setchain.no.user.token");
        }
        if (r instanceof BranchSetup.ChainResult.NoPartnerToken) {
            return ctx.say("branches.no.partner");
        }
        if (r instanceof BranchSetup.ChainResult.Unknown u) {
            String visible = u.visible().isEmpty() ? ctx.t("setchain.visible.none")
                    : u.visible().stream().map(c -> c.id() + " «" + c.title() + "»").collect(Collectors.joining(", "));
            return ctx.say("setchain.unknown", "id", u.groupId(), "visible", visible);
        }
        return Reply.text(ctx.chatId(), ctx.t("branches.check.failed") + " "
                + CheckTexts.describe(ctx, ((BranchSetup.ChainResult.Failed) r).why()));
    }

    private Reply addBranch(Context ctx, CommandLine line) {
        OptionalLong id = oneId(line);
        if (id.isEmpty()) {
            return ctx.say("addbranch.usage");
        }
        BranchSetup.AddResult r = setup.addBranch(id.getAsLong(), ctx.userId());
        if (r instanceof BranchSetup.AddResult.Added a) {
            return Reply.text(ctx.chatId(), ctx.t("addbranch.saved", "id", a.company().id(), "title", a.company().displayTitle())
                    + "\n" + ctx.t("branches.now", "list", ids(a.ids())) + "\n" + ctx.t("branches.booking.first"));
        }
        if (r instanceof BranchSetup.AddResult.AlreadyThere t) {
            return ctx.say("addbranch.already", "id", t.companyId());
        }
        if (r instanceof BranchSetup.AddResult.NotFound nf) {
            return ctx.say("addbranch.notfound", "id", nf.companyId(), "message", nf.message());
        }
        if (r instanceof BranchSetup.AddResult.FromChain c) {
            return ctx.say("branches.from.chain", "id", c.groupId());
        }
        if (r instanceof BranchSetup.AddResult.NoPartnerToken) {
            return ctx.say("branches.no.partner");
        }
        return Reply.text(ctx.chatId(), ctx.t("branches.check.failed") + " "
                + CheckTexts.describe(ctx, ((BranchSetup.AddResult.Failed) r).why()));
    }

    private Reply delBranch(Context ctx, CommandLine line) {
        OptionalLong id = oneId(line);
        if (id.isEmpty()) {
            return ctx.say("delbranch.usage");
        }
        BranchSetup.DeleteResult r = setup.deleteBranch(id.getAsLong(), ctx.userId());
        if (r instanceof BranchSetup.DeleteResult.Removed d) {
            String text = ctx.t("delbranch.saved", "id", d.companyId()) + "\n" + ctx.t("branches.now", "list", ids(d.ids()));
            if (d.buttonsKept() > 0) {
                text += "\n" + ctx.t("delbranch.buttons.kept", "count", d.buttonsKept());
            }
            return Reply.text(ctx.chatId(), text);
        }
        if (r instanceof BranchSetup.DeleteResult.NotABranch n) {
            return ctx.say("delbranch.not.branch", "id", n.companyId(), "list", ids(n.ids()));
        }
        if (r instanceof BranchSetup.DeleteResult.LastBranch l) {
            return ctx.say("delbranch.last", "id", l.companyId());
        }
        return ctx.say("branches.from.chain", "id", ((BranchSetup.DeleteResult.FromChain) r).groupId());
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** One line per branch: id, title, city and address, time zone. */
    static String describe(Context ctx, List<Branches.Branch> list) {
        return list.stream().map(b -> ctx.t("branches.line", "id", b.id(), "title", b.title().orElse("—"),
                        "where", String.join(", ", b.city().stream().toList()) + b.address().map(a -> b.city().isPresent()
                                ? " · " + a : a).orElse(""),
                        "zone", b.timeZone().orElse("—")))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The arguments of a service-button command without its {@code branch=<id>}, and the branch it names: with one
     * branch none is needed ({@link ServiceSetup#FIRST_BRANCH}); with several, one of them, or none at all — then
     * {@code missing} and the command {@link #ask}s. A malformed or unknown {@code branch=}: {@code error} is the
     * usage line naming the branches.
     */
    record BranchArg(List<String> rest, long branch, Optional<Reply> error, boolean missing) {
        BranchArg(List<String> rest, long branch, Optional<Reply> error) {
            this(rest, branch, error, false);
        }

        /** The branch pressed under the question. */
        static BranchArg chosen(List<String> rest, long branch) {
            return new BranchArg(rest, branch, Optional.empty());
        }
    }

    BranchArg branchArg(Context ctx, List<String> args) {
        List<String> rest = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (String a : args) {
            (a.toLowerCase(Locale.ROOT).startsWith(BRANCH_ARG) ? given : rest).add(a);
        }
        List<Long> ids = branches.ids();
        if (given.isEmpty()) {
            // several branches and none named: the command asks which (missing)
            return new BranchArg(rest, ServiceSetup.FIRST_BRANCH, Optional.empty(), ids.size() > 1);
        }
        OptionalLong id = given.size() == 1 ? Values.parsePositiveLong(given.get(0).substring(BRANCH_ARG.length()))
                : OptionalLong.empty();
        if (id.isEmpty() || !ids.contains(id.getAsLong())) {
            return new BranchArg(rest, 0, Optional.of(branchUsage(ctx)));
        }
        return new BranchArg(rest, id.getAsLong(), Optional.empty());
    }

    /** What a /yservices button names: a page or a service, of a branch ({@link ServiceSetup#FIRST_BRANCH}: the first). */
    record ButtonTarget(long number, long branch) {}

    /** {@code <number>[:<branch>]}; empty when malformed, or the branch is no longer one of the bot's. */
    Optional<ButtonTarget> buttonTarget(String tail, boolean page) {
        String[] parts = tail.split(":", -1);
        OptionalLong branch = parts.length == 1 ? OptionalLong.of(ServiceSetup.FIRST_BRANCH)
                : parts.length == 2 ? Values.parsePositiveLong(parts[1]) : OptionalLong.empty();
        OptionalLong number = page && "0".equals(parts[0]) ? OptionalLong.of(0) : Values.parsePositiveLong(parts[0]);
        if (branch.isEmpty() || number.isEmpty() || page && number.getAsLong() > 10_000
                || branch.getAsLong() != ServiceSetup.FIRST_BRANCH && !branches.ids().contains(branch.getAsLong())) {
            return Optional.empty();
        }
        return Optional.of(new ButtonTarget(number.getAsLong(), branch.getAsLong()));
    }

    private Reply branchUsage(Context ctx) {
        String list = branches.list().stream()
                .map(b -> "branch=" + b.id() + b.title().map(t -> " «" + t + "»").orElse(""))
                .collect(Collectors.joining(", "));
        return ctx.say("branches.which", "list", list.isEmpty() ? "—" : list);
    }

    /**
     * "Which branch for /{@code command} …?" with one button per branch (its title and city); the command waits in
     * {@link BranchQuestions} for the asking admin's press ({@link #pressed}).
     */
    Reply ask(Context ctx, String command, List<String> rest) {
        List<Branches.Branch> list = branches.list();
        long ticket = questions.ask(ctx.userId(), ctx.chatId(), command, rest, list.stream().map(Branches.Branch::id).toList());
        Keyboard.Builder kb = Keyboard.builder();
        for (Branches.Branch b : list) {
            String label = b.title().orElse(Long.toString(b.id())) + b.city().map(c -> ", " + c).orElse("");
            kb.row(Button.callback(label.length() > LABEL_MAX ? label.substring(0, LABEL_MAX - 1) + "…" : label,
                    BRANCH_ANSWER + ticket + ":" + b.id()));
        }
        String line = ("/" + command + " " + String.join(" ", rest)).strip();
        return Reply.of(ctx.send(ctx.t("branches.ask", "command", line), kb.build()));
    }

    /** A press under "which branch?": the command to run for that branch, or why not. */
    BranchQuestions.Pressed pressed(Context ctx, String data) {
        String[] parts = data.substring(BRANCH_ANSWER.length()).split(":", -1);
        OptionalLong ticket = parts.length == 2 ? Values.parsePositiveLong(parts[0]) : OptionalLong.empty();
        OptionalLong branch = parts.length == 2 ? Values.parsePositiveLong(parts[1]) : OptionalLong.empty();
        if (ticket.isEmpty() || branch.isEmpty()) {
            return new BranchQuestions.Pressed.Stale();
        }
        return questions.press(ticket.getAsLong(), ctx.userId(), ctx.chatId(), branch.getAsLong(),
                branches.ids().contains(branch.getAsLong()));
    }

    /** The short answer to a press that runs nothing: out of date, another admin's question, already done. */
    static Reply notRun(Context ctx, BranchQuestions.Pressed p) {
        String key = p instanceof BranchQuestions.Pressed.NotYours ? "branches.ask.other"
                : p instanceof BranchQuestions.Pressed.AlreadyAnswered ? "branches.ask.done" : "branches.ask.stale";
        return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t(key)));
    }
}
