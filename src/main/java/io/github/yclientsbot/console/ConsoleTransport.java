package io.github.yclientsbot.console;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Button;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Keyboard;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bot in a terminal: each input line is a message from a fake Telegram user in a private chat, handled
 * by the same {@link ChatBot} as in Telegram; replies are printed as text, inline buttons as numbered choices.
 * Typing a number presses the button (a URL button prints its link); {@code /as admin|support|customer}
 * switches the user; {@code /contact <number>} shares the user's own contact, as Telegram's "share my number" button
 * does, and {@code /location <latitude> <longitude>} sends a location, as its "send my location" button does. Returns
 * at the end of input.
 */
public final class ConsoleTransport {
    private static final Logger log = LoggerFactory.getLogger(ConsoleTransport.class);
    private static final Map<String, Long> USERS = Map.of(
            "admin", ConsoleMode.ADMIN_ID, "support", ConsoleMode.SUPPORT_ID, "customer", ConsoleMode.CUSTOMER_ID);

    private final BufferedReader in;
    private final PrintStream out;
    private final ChatBot bot;
    private final RuntimeStats stats;
    private final Messages messages;
    private final String lang;
    private final DocumentFolder documents;
    private final ConsoleOutbox outbox;
    private final List<ConsoleCommand> consoleCommands;
    /** Null when the bot does not run on a clock the console may move. */
    private final ConsoleClock clock;
    private final Runnable clockMoved;

    private String role = "customer";
    private long updateId;
    private int lastMessageId;
    /** The buttons of the last message shown with buttons, numbered from 1, and that message's id. */
    private List<Button> choices = List.of();
    private int choicesMessageId;

    /**
     * @param documents where the files the bot sends are saved (the directory the console runs in)
     * @param outbox    what the bot sent on its own, printed after each line
     */
    public ConsoleTransport(InputStream in, PrintStream out, ChatBot bot, RuntimeStats stats, Messages messages, String lang,
                            DocumentFolder documents, ConsoleOutbox outbox) {
        this(in, out, bot, stats, messages, lang, documents, outbox, List.of(), null, () -> { });
    }

    /**
     * @param consoleCommands console-only commands (the demo's), tried on each line before the bot
     * @param clock           the bot's clock, which {@code /clock +23h} moves (null: /clock is not offered)
     * @param clockMoved      runs what came due after a move (the reminders) and returns when it ran
     */
    public ConsoleTransport(InputStream in, PrintStream out, ChatBot bot, RuntimeStats stats, Messages messages, String lang,
                            DocumentFolder documents, ConsoleOutbox outbox, List<ConsoleCommand> consoleCommands,
                            ConsoleClock clock, Runnable clockMoved) {
        this.consoleCommands = List.copyOf(consoleCommands);
        this.clock = clock;
        this.clockMoved = clockMoved;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.bot = bot;
        this.stats = stats;
        this.messages = messages;
        this.lang = lang;
        this.documents = documents;
        this.outbox = outbox;
    }

    /** Reads and answers lines until the end of input. */
    public void run(String banner) {
        out.println(banner);
        prompt();
        String line;
        try {
            printOutbox();
            while ((line = in.readLine()) != null) {
                handleLine(line.strip());
                printOutbox();
                prompt();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** The start banner; {@code demoHint} and where the log goes ({@code log}) are added when not null. */
    public String banner(String demoHint, String log) {
        String text = t("console.banner", "role", role) + "\n" + t("console.files", "dir", documents.dir());
        if (log != null) {
            text += "\n" + t("console.log", "where", log);
        }
        return demoHint == null ? text : text + "\n" + demoHint;
    }

    private void prompt() {
        out.print(t("console.prompt", "role", role));
        out.flush();
    }

    void handleLine(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (line.equals("/as") || line.startsWith("/as ")) {
            switchRole(line.substring(3).strip().toLowerCase(Locale.ROOT));
            return;
        }
        if (clock != null && (line.equals("/clock") || line.startsWith("/clock "))) {
            moveClock(line.substring("/clock".length()).strip());
            return;
        }
        if (line.startsWith("/contact ")) {
            long user = userId();
            // the user's own contact, as the share-contact button sends it (Telegram verified the number)
            deliver(Incoming.contact(++updateId, user, ChatType.PRIVATE, user, "Console", lang, ++lastMessageId,
                    new Incoming.Contact(line.substring("/contact ".length()).strip(), "Console", null, user)));
            return;
        }
        if (line.startsWith("/location ")) {
            String[] at = line.substring("/location ".length()).strip().split("[\\s,]+");
            try {
                long user = userId();
                deliver(Incoming.location(++updateId, user, ChatType.PRIVATE, user, "Console", lang, ++lastMessageId,
                        new Incoming.Location(Double.parseDouble(at[0]), Double.parseDouble(at[at.length - 1]))));
            } catch (NumberFormatException e) {
                out.println(t("console.location.usage"));
            }
            return;
        }
        for (ConsoleCommand command : consoleCommands) {
            Optional<String> printed = command.handle(line);
            if (printed.isPresent()) {
                out.println(printed.get());
                return;
            }
        }
        if (line.matches("[0-9]{1,3}") && !choices.isEmpty()) {
            press(Integer.parseInt(line));
            return;
        }
        long user = userId();
        deliver(Incoming.text(++updateId, user, ChatType.PRIVATE, user, "Console", lang, ++lastMessageId, line));
    }

    /** {@code /clock}: the bot's time; {@code /clock +23h} (+30m, +1d, +1h30m) moves it forward and runs what came due. */
    private void moveClock(String arg) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
        if (arg.isEmpty()) {
            out.println(t("console.clock.now", "now", f.format(clock.instant().atOffset(java.time.ZoneOffset.UTC)),
                    "offset", shortDuration(clock.offset())));
            return;
        }
        java.util.regex.Matcher m = CLOCK_ARG.matcher(arg.toLowerCase(Locale.ROOT));
        long minutes = 0;
        if (m.matches()) {
            minutes += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 24 * 60;
            minutes += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
            minutes += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        }
        if (minutes <= 0) {
            out.println(t("console.clock.usage"));
            return;
        }
        Duration by = Duration.ofMinutes(minutes);
        clock.advance(by);
        out.println(t("console.clock.moved", "by", shortDuration(by),
                "now", f.format(clock.instant().atOffset(java.time.ZoneOffset.UTC))));
        clockMoved.run();
    }

    private static final java.util.regex.Pattern CLOCK_ARG =
            java.util.regex.Pattern.compile("\\+(?:(\\d{1,3})d)?(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?");

    private static String shortDuration(Duration d) {
        long minutes = d.toMinutes();
        return (minutes / (24 * 60)) + "d " + (minutes % (24 * 60) / 60) + "h " + (minutes % 60) + "m";
    }

    private void switchRole(String wanted) {
        if (!USERS.containsKey(wanted)) {
            out.println(t("console.as.usage"));
            return;
        }
        role = wanted;
        choices = List.of();
        out.println(t("console.as.switched", "role", role, "id", userId()));
    }

    private void press(int number) {
        if (number < 1 || number > choices.size()) {
            out.println(t("console.no.button", "number", number, "count", choices.size()));
            return;
        }
        Button button = choices.get(number - 1);
        if (button.url() != null) {
            out.println(t("console.link", "url", button.url()));
            return;
        }
        long user = userId();
        deliver(Incoming.callback(++updateId, user, ChatType.PRIVATE, user, "Console", lang, choicesMessageId,
                "console-" + updateId, button.callbackData()));
    }

    private void deliver(Incoming incoming) {
        long started = System.nanoTime();
        try {
            Reply reply = bot.preflight(incoming).then(bot.handle(incoming));
            for (Action action : reply.actions()) {
                print(action);
            }
        } catch (RuntimeException e) {
            stats.error("update " + incoming.updateId(), e);
            log.error("Failed to handle console input {}", incoming, e);
            out.println(t("console.bot") + " " + bot.apology(incoming));
        } finally {
            stats.updateHandled(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** What the bot sent on its own meanwhile (a reminder that came due), printed like a reply. */
    void printOutbox() {
        for (Reply reply : outbox.drain()) {
            for (Action action : reply.actions()) {
                print(action);
            }
        }
    }

    private void print(Action action) {
        if (action instanceof Action.SendOrElse o) {
            // the console is the user's private chat: the bot can always write there
            print(o.send());
        } else if (action instanceof Action.Send s) {
            int id = ++lastMessageId;
            out.println(t("console.bot") + " " + s.text());
            showButtons(id, s.keyboard());
            stats.replySent("send");
        } else if (action instanceof Action.SendDocument d) {
            ++lastMessageId;
            printDocument(d);
            stats.replySent("document");
        } else if (action instanceof Action.Edit e) {
            out.println(t("console.edited", "id", e.messageId()));
            out.println(e.text());
            showButtons(e.messageId(), e.keyboard());
            stats.replySent("edit");
        } else if (action instanceof Action.Delete d) {
            out.println(t("console.deleted"));
            stats.replySent("delete");
        } else if (action instanceof Action.AnswerCallback a) {
            if (a.text() != null && !a.text().isBlank()) {
                out.println(t("console.notice", "text", a.text()));
            }
            stats.replySent("answer_callback");
        } else if (action instanceof Action.SetChatCommands) {
            stats.replySent("set_commands");
        }
    }

    /** A file: its name and size, where it was saved (never over another file), and its caption. */
    private void printDocument(Action.SendDocument d) {
        byte[] content = d.content();
        try {
            Path saved = documents.save(d.fileName(), content);
            out.println(t("console.bot") + " " + t("console.document", "name", d.fileName(), "size", content.length, "path", saved));
        } catch (IOException e) {
            log.warn("Console: could not save {} in {}: {}", d.fileName(), documents.dir(), e.toString());
            out.println(t("console.bot") + " " + t("console.document.unsaved", "name", d.fileName(), "size", content.length,
                    "dir", documents.dir(), "reason", e.getClass().getSimpleName()));
        }
        if (d.caption() != null && !d.caption().isBlank()) {
            out.println(d.caption());
        }
    }

    private void showButtons(int messageId, Keyboard keyboard) {
        if (keyboard != null && keyboard.contactButton() != null) {
            out.println(t("console.contact", "button", keyboard.contactButton()));
        }
        if (keyboard != null && keyboard.locationButton() != null) {
            out.println(t("console.location", "button", keyboard.locationButton()));
        }
        if (keyboard == null || keyboard.rows().isEmpty()) {
            return;
        }
        List<Button> numbered = new ArrayList<>();
        for (List<Button> row : keyboard.rows()) {
            // a row with inert cells is a grid (a calendar): every cell gets the same width so the columns line up
            boolean grid = row.stream().anyMatch(Button::inert);
            StringBuilder line = new StringBuilder(" ");
            for (Button b : row) {
                String cell;
                if (b.inert()) {
                    cell = b.text();
                } else {
                    numbered.add(b);
                    cell = "[" + numbered.size() + "] " + b.text() + (b.url() != null ? " ↗" : "");
                }
                line.append(' ').append(grid ? String.format("%-7s", cell) : cell);
            }
            out.println(grid ? line.toString().stripTrailing() : line);
        }
        choices = List.copyOf(numbered);
        choicesMessageId = messageId;
    }

    private long userId() {
        return USERS.get(role);
    }

    private String t(String key, Object... args) {
        return messages.get(lang, key, args);
    }
}
