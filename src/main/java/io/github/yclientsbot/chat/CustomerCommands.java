package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.setup.ClaimCode;
import io.github.yclientsbot.setup.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.yclientsbot.booking.BranchChoice;

import java.util.List;
import java.util.OptionalLong;

/**
 * /start, /services, /book, /branch, /mybookings, /reminders, /forgetme, /help, /whoami, /claim — for everyone. With more than one branch, /services and
 * /book begin with the branch picker until the customer has chosen ({@link BranchPicker}).
 */
public final class CustomerCommands {
    private static final Logger log = LoggerFactory.getLogger(CustomerCommands.class);

    private final ServiceListView list;
    private final ServiceMenu menu;
    private final ClaimCode claim;
    private final BookingChat booking;
    private final MyBookingsChat mine;
    private final RemindersChat reminders;
    private final BranchPicker branches;

    public CustomerCommands(ServiceMenu menu, ServiceListView list, ClaimCode claim, BookingChat booking, MyBookingsChat mine,
                            RemindersChat reminders, BranchChoice branches) {
        this.reminders = reminders;
        this.menu = menu;
        this.list = list;
        this.claim = claim;
        this.booking = booking;
        this.mine = mine;
        this.branches = new BranchPicker(branches);
    }

    /** More than one branch: /branch is in the menu and the help. */
    boolean severalBranches() {
        return branches.several();
    }

    List<Command> commands() {
        return List.of(
                simple("start", Role.CUSTOMER, this::start),
                simple("services", Role.CUSTOMER, (ctx, line) -> services(ctx)),
                simple("book", Role.CUSTOMER, (ctx, line) -> book(ctx)),
                simple("branch", Role.CUSTOMER, (ctx, line) -> branch(ctx)),
                simple("mybookings", Role.CUSTOMER, (ctx, line) -> mine.list(ctx)),
                simple("reminders", Role.CUSTOMER, reminders::command),
                simple("forgetme", Role.CUSTOMER, (ctx, line) -> forget(ctx)),
                simple("help", Role.CUSTOMER, (ctx, line) -> help(ctx)),
                simple("whoami", Role.CUSTOMER, (ctx, line) -> whoami(ctx)),
                simple("claim", Role.CUSTOMER, this::claim));
    }

    /** /book: the in-chat booking, or (mode "form") the list of booking-form buttons. */
    private Reply book(Context ctx) {
        if (!booking.inChatEnabled()) {
            return services(ctx);
        }
        if (!ctx.isPrivate()) {
            return booking.start(ctx, 0); // a link into the private chat, where the branch is picked
        }
        OptionalLong branch = branches.branchOf(ctx.userId());
        if (branch.isEmpty()) {
            View v = branches.start(ctx, BranchPicker.Intent.BOOK, null);
            return Reply.of(ctx.send(v.text(), v.keyboard()));
        }
        return booking.start(ctx, branch.getAsLong());
    }

    /** /branch: the picker again (with the branch chosen now); with one branch there is nothing to choose. */
    private Reply branch(Context ctx) {
        if (!branches.several()) {
            return ctx.say("branch.single");
        }
        OptionalLong now = branches.branchOf(ctx.userId());
        String intro = now.isEmpty() ? null : branches.find(now.getAsLong())
                .map(b -> ctx.t("branch.current", "branch", BranchPicker.name(ctx, b))).orElse(null);
        View v = branches.start(ctx, booking.inChatEnabled() ? BranchPicker.Intent.BOOK : BranchPicker.Intent.SERVICES,
                intro);
        return Reply.of(ctx.send(v.text(), v.keyboard()));
    }

    /** /forgetme: the branch chosen goes too (and the reply says so). */
    private Reply forget(Context ctx) {
        boolean hadBranch = branches.forget(ctx.userId());
        Reply reply = booking.forget(ctx);
        if (!hadBranch) {
            return reply;
        }
        log.info("User {}'s branch choice deleted", ctx.userId());
        return reply.then(ctx.send(ctx.t("forgetme.branch"), Keyboard.NONE));
    }

    /** A button of the branch picker ({@link BranchPicker#PREFIX}). */
    Reply branchButton(Context ctx, String data) {
        Action.AnswerCallback ack = new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null);
        BranchPicker.Pressed pressed = BranchPicker.decode(data);
        if (!branches.several() || pressed instanceof BranchPicker.Unknown) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("hint.stale.button")));
        }
        if (pressed instanceof BranchPicker.City c) {
            return edit(ack, ctx, branches.city(ctx, c.index(), c.intent()));
        }
        if (pressed instanceof BranchPicker.Cities c) {
            return edit(ack, ctx, branches.start(ctx, c.intent(), null));
        }
        if (pressed instanceof BranchPicker.Nearest) {
            if (!ctx.isPrivate()) {
                return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("branch.nearest.private")));
            }
            // a reply keyboard comes only with a new message
            return Reply.of(ack, ctx.send(ctx.t("branch.nearest.ask", "button", ctx.t("branch.nearest.send")),
                    Keyboard.requestLocation(ctx.t("branch.nearest.send"))));
        }
        BranchPicker.Pick pick = (BranchPicker.Pick) pressed;
        if (!branches.choose(ctx.userId(), pick.companyId())) {
            // the branch left the bot since the button was drawn
            return edit(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("branch.gone")), ctx,
                    branches.start(ctx, pick.intent(), null));
        }
        log.info("User {} chose branch {}", ctx.userId(), pick.companyId());
        String chosen = branches.find(pick.companyId()).map(b -> BranchPicker.name(ctx, b))
                .orElse(Long.toString(pick.companyId()));
        Reply next = pick.intent() == BranchPicker.Intent.SERVICES || !booking.inChatEnabled() || !ctx.isPrivate()
                ? services(ctx) : booking.start(ctx, pick.companyId());
        return Reply.of(ack, new Action.Edit(ctx.chatId(), ctx.in().messageId(), ctx.t("branch.chosen", "branch", chosen),
                Keyboard.NONE)).then(next);
    }

    /** A location sent: in a private chat of a chain, the branches by distance. Nothing of it is kept. */
    Reply location(Context ctx) {
        if (!ctx.isPrivate()) {
            return Reply.NONE;
        }
        if (!branches.several()) {
            return ctx.say("hint.other");
        }
        Incoming.Location at = ctx.in().location();
        if (at == null || !at.known()) {
            // replayed from the inbox after a restart: the location was never stored
            return Reply.of(ctx.send(ctx.t("branch.nearest.resend"), Keyboard.requestLocation(ctx.t("branch.nearest.send"))));
        }
        View v = branches.nearest(ctx, at.latitude(), at.longitude());
        return Reply.of(ctx.send(ctx.t("branch.nearest.thanks"), Keyboard.REMOVE_REPLY), ctx.send(v.text(), v.keyboard()));
    }

    private static Reply edit(Action.AnswerCallback ack, Context ctx, View v) {
        return Reply.of(ack, new Action.Edit(ctx.chatId(), ctx.in().messageId(), v.text(), v.keyboard()));
    }

    private Reply start(Context ctx, CommandLine line) {
        if (line.args().size() == 1 && line.args().get(0).equals("book")) {
            // the t.me/<bot>?start=book deep link from a group
            return book(ctx);
        }
        String greeting = menu.businessName()
                .map(b -> ctx.t("start.greeting", "business", b))
                .orElse(ctx.t("start.greeting.nameless"));
        OptionalLong branch = branches.branchOf(ctx.userId());
        View v = branch.isEmpty() ? branches.start(ctx, BranchPicker.Intent.SERVICES, greeting)
                : list.render(ctx, 0, greeting, branch.getAsLong());
        return Reply.of(ctx.send(v.text(), v.keyboard()));
    }

    Reply services(Context ctx) {
        OptionalLong branch = branches.branchOf(ctx.userId());
        View v = branch.isEmpty() ? branches.start(ctx, BranchPicker.Intent.SERVICES, null)
                : list.render(ctx, 0, null, branch.getAsLong());
        return Reply.of(ctx.send(v.text(), v.keyboard()));
    }

    /** ‹ › on the service list ({@code svc:<page>}, or {@code svc:<page>:<branch>}): edit that message in place. */
    Reply page(Context ctx, String data) {
        String[] p = data.substring(ServiceListView.PAGE_CALLBACK.length()).split(":");
        int page = 0;
        long branch = 0;
        try {
            page = Integer.parseInt(p[0]);
            branch = p.length > 1 ? Long.parseLong(p[1]) : branches.branchOf(ctx.userId()).orElse(0);
        } catch (NumberFormatException e) {
            // a forged page: the first
        }
        View v = list.render(ctx, page, null, branch);
        return Reply.of(
                new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null),
                new Action.Edit(ctx.chatId(), ctx.in().messageId(), v.text(), v.keyboard()));
    }

    private Reply help(Context ctx) {
        StringBuilder sb = new StringBuilder(ctx.t("help.customer"));
        if (branches.several()) {
            sb.append("\n").append(ctx.t("help.customer.branch"));
        }
        if (ctx.role().atLeast(Role.SUPPORT)) {
            sb.append("\n\n").append(ctx.t("help.support"));
        }
        if (ctx.role().atLeast(Role.ADMIN)) {
            sb.append("\n").append(ctx.t("help.admin"));
        }
        return Reply.text(ctx.chatId(), sb.toString());
    }

    private Reply whoami(Context ctx) {
        String role = ctx.t("role." + ctx.role().name().toLowerCase(java.util.Locale.ROOT));
        String text = ctx.t("whoami.text", "id", ctx.userId(), "role", role);
        if (!ctx.isPrivate()) {
            text += "\n" + ctx.t("whoami.chat", "chat", ctx.chatId());
        }
        return Reply.text(ctx.chatId(), text);
    }

    private Reply claim(Context ctx, CommandLine line) {
        if (!ctx.isPrivate()) {
            // the right code was seen by everyone in the group: it must not work any more (a wrong one changes nothing)
            if (line.args().size() == 1 && claim.seenOutsidePrivate(line.args().get(0))) {
                log.warn("User {} posted the claim code in chat {}; it was replaced", ctx.userId(), ctx.chatId());
            }
            return ctx.say("claim.private.only");
        }
        if (line.args().size() != 1) {
            return ctx.say("claim.usage");
        }
        ClaimCode.Outcome outcome = claim.claim(ctx.userId(), line.args().get(0));
        switch (outcome) {
            case CLAIMED -> log.info("User {} claimed the bot and is now an admin", ctx.userId());
            case WRONG_CODE, TOO_MANY_ATTEMPTS -> log.warn("Wrong claim code from user {}", ctx.userId());
            default -> { }
        }
        String key = switch (outcome) {
            case CLAIMED -> "claim.ok";
            case WRONG_CODE -> "claim.wrong";
            case NOTHING_TO_CLAIM -> "claim.nothing";
            case TOO_MANY_ATTEMPTS -> "claim.locked";
        };
        return ctx.say(key);
    }

    interface Handler {
        Reply handle(Context ctx, CommandLine line);
    }

    static Command simple(String name, Role role, Handler handler) {
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Role requiredRole() {
                return role;
            }

            @Override
            public Reply handle(Context ctx, CommandLine line) {
                return handler.handle(ctx, line);
            }
        };
    }
}
