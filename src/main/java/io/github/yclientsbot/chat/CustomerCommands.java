package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.setup.ClaimCode;
import io.github.yclientsbot.setup.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** /start, /services, /book, /mybookings, /reminders, /forgetme, /help, /whoami, /claim — for everyone. */
public final class CustomerCommands {
    private static final Logger log = LoggerFactory.getLogger(CustomerCommands.class);

    private final ServiceListView list;
    private final ServiceMenu menu;
    private final ClaimCode claim;
    private final BookingChat booking;
    private final MyBookingsChat mine;
    private final RemindersChat reminders;

    public CustomerCommands(ServiceMenu menu, ServiceListView list, ClaimCode claim, BookingChat booking, MyBookingsChat mine,
                            RemindersChat reminders) {
        this.reminders = reminders;
        this.menu = menu;
        this.list = list;
        this.claim = claim;
        this.booking = booking;
        this.mine = mine;
    }

    List<Command> commands() {
        return List.of(
                simple("start", Role.CUSTOMER, this::start),
                simple("services", Role.CUSTOMER, (ctx, line) -> services(ctx)),
                simple("book", Role.CUSTOMER, (ctx, line) -> book(ctx)),
                simple("mybookings", Role.CUSTOMER, (ctx, line) -> mine.list(ctx)),
                simple("reminders", Role.CUSTOMER, reminders::command),
                simple("forgetme", Role.CUSTOMER, (ctx, line) -> booking.forget(ctx)),
                simple("help", Role.CUSTOMER, (ctx, line) -> help(ctx)),
                simple("whoami", Role.CUSTOMER, (ctx, line) -> whoami(ctx)),
                simple("claim", Role.CUSTOMER, this::claim));
    }

    /** /book: the in-chat booking, or (mode "form") the list of booking-form buttons. */
    private Reply book(Context ctx) {
        if (!booking.inChatEnabled()) {
            return services(ctx);
        }
        return booking.start(ctx);
    }

    private Reply start(Context ctx, CommandLine line) {
        if (line.args().size() == 1 && line.args().get(0).equals("book")) {
            // the t.me/<bot>?start=book deep link from a group
            return book(ctx);
        }
        String greeting = menu.businessName()
                .map(b -> ctx.t("start.greeting", "business", b))
                .orElse(ctx.t("start.greeting.nameless"));
        View v = list.render(ctx, 0, greeting);
        return Reply.of(ctx.send(v.text(), v.keyboard()));
    }

    Reply services(Context ctx) {
        View v = list.render(ctx, 0, null);
        return Reply.of(ctx.send(v.text(), v.keyboard()));
    }

    /** ‹ › on the service list: edit that message in place. */
    Reply page(Context ctx, int page) {
        View v = list.render(ctx, page, null);
        return Reply.of(
                new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null),
                new Action.Edit(ctx.chatId(), ctx.in().messageId(), v.text(), v.keyboard()));
    }

    private Reply help(Context ctx) {
        StringBuilder sb = new StringBuilder(ctx.t("help.customer"));
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
