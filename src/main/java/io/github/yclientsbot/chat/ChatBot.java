package io.github.yclientsbot.chat;

import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.setup.Roles;
import io.github.yclientsbot.config.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Routes one incoming update to its command or button and returns the reply. Knows nothing of
 * Telegram's wire format; the same instance can serve any transport.
 */
public final class ChatBot {
    private static final Logger log = LoggerFactory.getLogger(ChatBot.class);

    /** Customer commands in the menu everyone sees. */
    public static final List<String> CUSTOMER_MENU = List.of("start", "services", "book", "mybookings", "reminders", "help",
            "whoami", "forgetme");
    private static final List<String> SUPPORT_MENU = List.of("status");
    private static final List<String> ADMIN_MENU = List.of("admin", "yservices", "setservice", "delservice",
            "setcompany", "setchain", "addbranch", "delbranch", "setbookingurl", "settoken", "yclogin", "enable", "disable", "bookingmode", "unset", "admins",
            "deladmin", "export", "import", "webhook");

    private final Messages messages;
    private final Roles roles;
    private final Supplier<String> botUsername;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final CustomerCommands customer;
    private final AdminCommands admin;
    private final TransferCommands transfer;
    private final BookingChat booking;
    private final Set<Long> menuShown = ConcurrentHashMap.newKeySet();
    /** Buttons answered "one moment…" by the preflight: the reply must not answer them again. */
    private final Set<String> answeredEarly = ConcurrentHashMap.newKeySet();
    private final CallerScope callers;

    /**
     * @param callers who an update's YCLIENTS calls are for: its sender, as a customer (the admin use cases are bound
     *                to the admins' share when they are built and do not look here)
     */
    public ChatBot(Messages messages, Roles roles, Supplier<String> botUsername, CustomerCommands customer,
                   AdminCommands admin, AdminRosterCommands roster, TransferCommands transfer, StatusCommand status,
                   WebhookCommand webhook, BookingChat booking, CallerScope callers) {
        this.callers = callers;
        this.messages = messages;
        this.roles = roles;
        this.botUsername = botUsername;
        this.booking = booking;
        this.customer = customer;
        this.admin = admin;
        this.transfer = transfer;
        List<Command> all = new ArrayList<>(customer.commands());
        all.addAll(admin.commands());
        all.addAll(roster.commands());
        all.addAll(transfer.commands());
        all.add(status);
        all.add(webhook);
        for (Command c : all) {
            commands.put(c.name(), c);
        }
    }

    /** Commands whose arguments are secrets: a token, a password, the claim code. */
    private static final Set<String> SECRET_COMMANDS = SecretCommands.NAMES;

    /**
     * What must happen before the update is handled at all: a message that carries a secret is deleted
     * at once — whoever sent it, wherever, and whatever happens next (a slow YCLIENTS call, a refusal,
     * a failure). A caption counts like a text: a file or a photo sent with {@code /settoken …} as its caption
     * carries the token as well. A booking step that will wait for its turn at YCLIENTS says "one moment…" first.
     * The transport carries this out before calling {@link #handle}.
     */
    public Reply preflight(Incoming in) {
        if (in.kind() == Incoming.Kind.CALLBACK) {
            return oneMoment(in);
        }
        if (in.text() == null) {
            return Reply.NONE;
        }
        var parsed = CommandLine.parse(in.text());
        if (parsed.isEmpty()) {
            return oneMoment(in);
        }
        if (!parsed.get().isFor(botUsername.get()) || parsed.get().rest().isBlank()
                || !SECRET_COMMANDS.contains(parsed.get().name())) {
            return Reply.NONE;
        }
        String lang = messages.languageFor(in.languageCode());
        return Reply.of(new Action.Delete(in.chatId(), in.messageId(), messages.get(lang, "token.delete.failed")));
    }

    /** "One moment…" before a booking step that will wait for YCLIENTS (a button so answered is remembered). */
    private Reply oneMoment(Incoming in) {
        Context ctx = new Context(in, roles.roleOf(in.userId()), messages.languageFor(in.languageCode()), messages);
        Reply notice = booking.oneMoment(ctx);
        if (in.kind() == Incoming.Kind.CALLBACK && !notice.isEmpty()) {
            if (answeredEarly.size() > 10_000) {
                // only a handler that never ran leaves one behind
                answeredEarly.clear();
            }
            answeredEarly.add(in.callbackId());
        }
        return notice;
    }

    /** Handles one update; the customer use cases charge its YCLIENTS calls to its sender's share. */
    public Reply handle(Incoming in) {
        Reply reply = callers.call(Caller.customer(in.userId()), () -> route(in));
        if (in.kind() == Incoming.Kind.CALLBACK && answeredEarly.remove(in.callbackId())) {
            return withoutSecondAnswer(in, reply);
        }
        return reply;
    }

    /**
     * A button can be answered once: after "one moment…" a silent answer is left out, and an answer with a text (a
     * notice such as "press again") becomes a message, so it is still seen.
     */
    private static Reply withoutSecondAnswer(Incoming in, Reply reply) {
        List<Action> actions = new ArrayList<>();
        for (Action a : reply.actions()) {
            if (a instanceof Action.AnswerCallback answer && in.callbackId().equals(answer.callbackId())) {
                if (answer.text() != null && !answer.text().isBlank()) {
                    actions.add(new Action.Send(answer.chatId(), answer.text(), Keyboard.NONE));
                }
            } else {
                actions.add(a);
            }
        }
        return new Reply(actions);
    }

    private Reply route(Incoming in) {
        Role role = roles.roleOf(in.userId());
        Context ctx = new Context(in, role, messages.languageFor(in.languageCode()), messages);
        if (ctx.isPrivate() && SecretCommands.hiddenIn(in)) {
            // replayed from the inbox after a restart: the secret (or phone number) in it was never stored
            return withStaffMenu(ctx, ctx.say("inbox.secret.resend"));
        }
        Reply reply = switch (in.kind()) {
            case CALLBACK -> callback(ctx);
            case TEXT -> text(ctx);
            case DOCUMENT -> document(ctx);
            case CONTACT -> booking.contact(ctx);
            case LOCATION -> customer.location(ctx);
            case OTHER -> ctx.isPrivate() ? ctx.say("hint.other") : Reply.NONE;
        };
        return withStaffMenu(ctx, reply);
    }

    private Reply text(Context ctx) {
        var parsed = CommandLine.parse(ctx.in().text());
        if (parsed.isEmpty()) {
            if (ctx.isPrivate() && booking.wantsText(ctx.userId())) {
                return booking.text(ctx);
            }
            return ctx.isPrivate() ? ctx.say("hint.text") : Reply.NONE;
        }
        CommandLine line = parsed.get();
        if (!line.isFor(botUsername.get())) {
            return Reply.NONE;
        }
        if (ctx.in().forwarded()) {
            // someone else's words: an admin forwarding "/disable" or a customer forwarding an admin's command runs nothing
            log.info("Did not run /{} from a message user {} forwarded in chat {}", line.name(), ctx.userId(), ctx.chatId());
            return ctx.isPrivate() ? ctx.say("hint.forwarded") : Reply.NONE;
        }
        boolean addressedToUs = line.addressee() != null || ctx.isPrivate();
        Command command = commands.get(line.name());
        if (command == null) {
            return addressedToUs ? ctx.say("hint.unknown.command") : Reply.NONE;
        }
        if (!ctx.role().atLeast(command.requiredRole())) {
            log.warn("Refused /{} from user {} in chat {}: role {} < {}", line.name(), ctx.userId(), ctx.chatId(),
                    ctx.role(), command.requiredRole());
            return ctx.say(command.requiredRole() == Role.ADMIN ? "refused.admin" : "refused.support");
        }
        return command.handle(ctx, line);
    }

    /** A file: its caption may be a command (/import); otherwise admins are told how to import. */
    private Reply document(Context ctx) {
        if (CommandLine.parse(ctx.in().text()).isPresent()) {
            return text(ctx);
        }
        if (!ctx.isPrivate()) {
            return Reply.NONE;
        }
        return ctx.say(ctx.role().atLeast(Role.ADMIN) ? "import.how" : "hint.other");
    }

    private Reply callback(Context ctx) {
        String data = ctx.in().callbackData() == null ? "" : ctx.in().callbackData();
        Action.AnswerCallback ack = new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null);
        if (data.startsWith(BookingButtons.PREFIX)) {
            return booking.callback(ctx);
        }
        if (data.startsWith(ServiceListView.PAGE_CALLBACK)) {
            return customer.page(ctx, data);
        }
        if (data.startsWith(BranchPicker.PREFIX)) {
            return customer.branchButton(ctx, data);
        }
        if (AdminCommands.ownsButton(data) || data.startsWith(TransferCommands.IMPORT_ANSWER)) {
            if (!ctx.role().atLeast(Role.ADMIN)) {
                log.warn("Refused admin button from user {} in chat {}", ctx.userId(), ctx.chatId());
                return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("refused.admin")));
            }
            if (data.startsWith(TransferCommands.IMPORT_ANSWER)) {
                return transfer.answer(ctx, data);
            }
            return admin.button(ctx, data);
        }
        // a button from an older version of the bot, or a forged one
        return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("hint.stale.button")));
    }

    /**
     * The first time an admin or support user writes in a private chat, give that chat a command menu
     * that holds their commands as well as the customer ones (a chat-scoped menu replaces the default).
     * It cannot be done earlier: Telegram answers "chat not found" until the user has written to the bot.
     */
    private Reply withStaffMenu(Context ctx, Reply reply) {
        if (ctx.isPrivate() && !ctx.role().atLeast(Role.SUPPORT) && menuShown.remove(ctx.chatId())) {
            // an admin removed (/deladmin) since their menu was set: back to the customers' commands
            return reply.then(new Action.SetChatCommands(ctx.chatId(), ctx.lang(), customerMenu(ctx.lang())));
        }
        if (!ctx.isPrivate() || !ctx.role().atLeast(Role.SUPPORT) || !menuShown.add(ctx.chatId())) {
            return reply;
        }
        List<String> names = new ArrayList<>(customerCommands());
        names.addAll(SUPPORT_MENU);
        if (ctx.role().atLeast(Role.ADMIN)) {
            names.addAll(ADMIN_MENU);
        }
        List<Action.CommandInfo> menu = names.stream()
                .map(n -> new Action.CommandInfo(n, ctx.t("menu." + n)))
                .toList();
        return reply.then(new Action.SetChatCommands(ctx.chatId(), ctx.lang(), menu));
    }

    /** The customers' commands: with more than one branch /branch after /book. */
    private List<String> customerCommands() {
        if (!customer.severalBranches()) {
            return CUSTOMER_MENU;
        }
        List<String> names = new ArrayList<>(CUSTOMER_MENU);
        names.add(names.indexOf("book") + 1, "branch");
        return names;
    }

    /** The default menu, for everyone, in one language. */
    public List<Action.CommandInfo> customerMenu(String lang) {
        return customerCommands().stream().map(n -> new Action.CommandInfo(n, messages.get(lang, "menu." + n))).toList();
    }

    /** The short apology sent when handling an update failed unexpectedly. */
    public String apology(Incoming in) {
        return messages.get(messages.languageFor(in.languageCode()), "error.apology");
    }

    /** Admins and support configure the bot in quick bursts: flood control leaves them alone. */
    public boolean isStaff(long userId) {
        return roles.roleOf(userId).atLeast(Role.SUPPORT);
    }

    /** The one notice a user gets when they send too many updates in a short time. */
    public String floodNotice(Incoming in) {
        return messages.get(messages.languageFor(in.languageCode()), "flood.notice");
    }

    /** Called by the transport when a staff chat's menu could not be set, so it is tried again next time. */
    public void staffMenuFailed(long chatId) {
        menuShown.remove(chatId);
    }
}
