package io.github.yclientsbot.scenario;

import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.ChatLayer;
import io.github.yclientsbot.CoreServices;
import io.github.yclientsbot.ReminderScheduler;
import io.github.yclientsbot.StartupException;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.DocumentDownloader;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigException;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.DatabaseReset;
import io.github.yclientsbot.testing.FakeTelegramServer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The bot without a transport: the layers production builds — {@link CoreServices#open} (database, settings,
 * YCLIENTS client and cache, messages) and {@link ChatLayer#build} (the use cases and the {@link ChatBot}) — from
 * the configuration a salon would give ({@code env}, read by {@link ConfigLoader}), unpaced, on a test clock. A
 * user's update goes in as an {@link Incoming}; what the bot does comes out as a {@link Turn}, in order, with
 * the message ids Telegram would have given (a new message gets the next id, an edit keeps its message's).
 *
 * <p>It does what the Telegram transport does around the chat bot and nothing more: the preflight (a secret
 * message deleted first), then the reply. An exception from the bot is not turned into an apology: it fails the
 * test. Files users send are kept here and served to {@code /import} by id, as Telegram's getFile would.
 *
 * <p>One harness can serve a whole test class: {@link #reset()} empties the database and what the layers keep in
 * memory, so each test starts from a salon nobody has set up. {@link #restart()} builds every layer again on the
 * same database and secret key, as a restarted bot would.
 */
public final class ChatHarness implements AutoCloseable {
    public static final String BOT_USERNAME = FakeTelegramServer.BOT_USERNAME;
    private static final Duration CACHE_TTL = Duration.ofMinutes(5);

    private final Path dir;
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<Outgoing> history = new ArrayList<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(5000);
    private final AtomicInteger nextFileId = new AtomicInteger();
    private final BotApplication.Options options;
    private Map<String, String> env;
    private CoreServices core;
    private ChatLayer chat;
    private int lastUserMessageId;
    /** The durable schedule's runner, started on first use (as at a start); null until then. */
    private ReminderScheduler reminders;
    /** What the bot sent on its own (reminders), waiting to be collected by {@link #dueReminders()}. */
    private final List<Reply> outbox = new CopyOnWriteArrayList<>();

    private ChatHarness(Map<String, String> env, Path dir, BotApplication.Options options) {
        this.env = Map.copyOf(env);
        this.dir = dir;
        this.options = options;
    }

    /** Builds the layers from {@code env} (the environment variables a salon would set), relative to {@code dir}. */
    public static ChatHarness open(Map<String, String> env, Path dir, Clock clock) throws StartupException, ConfigException {
        return open(env, dir, BotApplication.Options.unpaced(1, CACHE_TTL, clock));
    }

    /** The same with other options (a YCLIENTS rate limit on a fake clock; the test clock comes with them). */
    public static ChatHarness open(Map<String, String> env, Path dir, BotApplication.Options options)
            throws StartupException, ConfigException {
        ChatHarness harness = new ChatHarness(env, dir, options);
        harness.start();
        return harness;
    }

    private void start() throws StartupException, ConfigException {
        BotConfig config = new ConfigLoader(env, dir).load(null, false);
        CoreServices opened = CoreServices.open(config, options);
        try {
            chat = ChatLayer.build(opened, () -> BOT_USERNAME, this::download);
        } catch (StartupException | RuntimeException e) {
            opened.close();
            throw e;
        }
        core = opened;
    }

    /** Stops and builds every layer again on the same database and secret key, as a restarted bot would. */
    public void restart() throws StartupException, ConfigException {
        restart(env);
    }

    /** A restart with another environment (a changed key, a variable set since). */
    public void restart(Map<String, String> newEnv) throws StartupException, ConfigException {
        closeLayers();
        env = Map.copyOf(newEnv);
        start();
    }

    /**
     * A salon nobody has set up, on the same database: every row deleted, the settings and the YCLIENTS cache read
     * again, the chat layer built anew as at a start (no staff menu shown yet, no buttons cached), no files kept.
     */
    public void reset() throws StartupException {
        stopReminders();
        outbox.clear();
        DatabaseReset.empty(core.database());
        core.settings().reload();
        core.yclients().invalidate();
        files.clear();
        history.clear();
        chat = ChatLayer.build(core, () -> BOT_USERNAME, this::download);
    }

    public CoreServices core() {
        return core;
    }

    public Database database() {
        return core.database();
    }

    public ChatBot bot() {
        return chat.bot();
    }

    /** The use cases as the composition root built them (what the background jobs and the reminders use). */
    public ChatLayer layer() {
        return chat;
    }

    /** The environment the layers were built from. */
    public Map<String, String> env() {
        return env;
    }

    /**
     * What the transport does with one update: the preflight's actions first, then the reply's. Fails when a text
     * shows a message key missing from the bundles.
     */
    public Turn send(Incoming in) {
        ChatBot bot = chat.bot();
        Reply preflight = bot.preflight(in);
        Reply reply = bot.handle(in);
        List<Outgoing> out = new ArrayList<>();
        for (Action action : preflight.then(reply).actions()) {
            Outgoing o = new Outgoing(action, messageIdOf(action));
            assertFalse(Messages.isMissingMarker(o.text()), "missing message key in " + o);
            out.add(o);
        }
        history.addAll(out);
        return new Turn(out);
    }

    /** Everything the bot did since it was opened or {@link #reset()}, restarts included, in order. */
    public List<Outgoing> history() {
        return List.copyOf(history);
    }

    private int messageIdOf(Action action) {
        if (action instanceof Action.Send || action instanceof Action.SendOrElse || action instanceof Action.SendDocument) {
            return nextMessageId.incrementAndGet();
        }
        if (action instanceof Action.Edit e) {
            return e.messageId();
        }
        if (action instanceof Action.Delete d) {
            return d.messageId();
        }
        return 0;
    }

    // ---- what users do ---------------------------------------------------------------------------------------

    /** A text message (a command or not) in any chat, from a user whose Telegram language is {@code lang}. */
    public Turn text(long chatId, ChatType type, long userId, String lang, String text) {
        return send(Incoming.text(nextUpdateId.incrementAndGet(), chatId, type, userId, "User" + userId, lang,
                userMessage(), text));
    }

    /** A text message in the user's private chat, in Russian. */
    public Turn text(long userId, String text) {
        return text(userId, ChatType.PRIVATE, userId, "ru", text);
    }

    /** A press on a button of message {@code messageId} in the user's private chat. */
    public Turn press(long userId, int messageId, String data) {
        int update = nextUpdateId.incrementAndGet();
        return send(Incoming.callback(update, userId, ChatType.PRIVATE, userId, "User" + userId, "ru", messageId,
                "cb" + update, data));
    }

    /**
     * A contact card shared in the private chat: the user's own (the share-contact button) when {@code contactUserId}
     * is the user, someone else's otherwise, null = not a Telegram user. Its first name is {@code Contact<id>}.
     */
    public Turn contact(long userId, Long contactUserId, String phone) {
        return send(Incoming.contact(nextUpdateId.incrementAndGet(), userId, ChatType.PRIVATE, userId, "User" + userId,
                "ru", userMessage(), new Incoming.Contact(phone, "Contact" + contactUserId, null, contactUserId)));
    }

    /** A file sent in the private chat, with a caption (may be null); the bot can download it by its id. */
    public Turn document(long userId, String fileName, byte[] content, String caption) {
        String fileId = "file-" + nextFileId.incrementAndGet();
        files.put(fileId, content.clone());
        return send(Incoming.document(nextUpdateId.incrementAndGet(), userId, ChatType.PRIVATE, userId, "User" + userId,
                "ru", userMessage(), caption, new Incoming.Document(fileId, fileName, content.length)));
    }

    /** A sticker, a photo, anything the bot cannot read, in the private chat. */
    public Turn other(long userId) {
        return send(Incoming.other(nextUpdateId.incrementAndGet(), userId, ChatType.PRIVATE, userId, "User" + userId,
                "ru", userMessage()));
    }

    /** The id of the last message a user sent (to check the one the bot deletes). */
    public int lastUserMessageId() {
        return lastUserMessageId;
    }

    private int userMessage() {
        lastUserMessageId = nextMessageId.incrementAndGet();
        return lastUserMessageId;
    }

    private byte[] download(String fileId, int maxBytes) throws DocumentDownloader.DownloadException {
        byte[] content = files.get(fileId);
        if (content == null) {
            throw new DocumentDownloader.DownloadException("no file " + fileId, false);
        }
        if (content.length > maxBytes) {
            throw new DocumentDownloader.DownloadException("file " + fileId + " is larger than " + maxBytes + " bytes", true);
        }
        return content.clone();
    }

    /**
     * The reminders due by the test clock run now, through the production runner (db-scheduler on this database, its
     * clock the test's): started on first use (planning every kept visit, as at a start). Returns what they sent, each
     * message as Telegram would number it.
     */
    public Turn dueReminders() {
        if (reminders == null) {
            reminders = ReminderScheduler.build(core, chat, reply -> {
                outbox.add(reply);
                return true;
            });
            reminders.start();
        }
        reminders.runDueNow();
        List<Outgoing> out = new ArrayList<>();
        for (Reply reply : outbox) {
            for (Action action : reply.actions()) {
                Outgoing o = new Outgoing(action, messageIdOf(action));
                assertFalse(Messages.isMissingMarker(o.text()), "missing message key in " + o);
                out.add(o);
            }
        }
        outbox.clear();
        history.addAll(out);
        return new Turn(out);
    }

    /** The chat layer as built (its reminders' schedule, for tests that check what is pending). */
    public ChatLayer chat() {
        return chat;
    }

    private void stopReminders() {
        if (reminders != null) {
            reminders.close();
            reminders = null;
        }
    }

    private void closeLayers() {
        stopReminders();
        if (core != null) {
            core.close();
            core = null;
            chat = null;
        }
    }

    @Override
    public void close() {
        closeLayers();
    }
}
