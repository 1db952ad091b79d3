package io.github.yclientsbot;

import io.github.yclientsbot.booking.CompanyZone;
import io.github.yclientsbot.booking.RecordHints;
import io.github.yclientsbot.booking.RecordPoll;
import io.github.yclientsbot.booking.RecordWatch;
import io.github.yclientsbot.booking.RecordWatches;
import io.github.yclientsbot.booking.ReminderPlan;
import io.github.yclientsbot.booking.SalonChanges;
import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.chat.SalonChangeNotices;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.yclients.RecordsApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How the bot learns of the company's records, built by the composition root: the record poll and the webhook's
 * events ({@link RecordHints}) on the background share of the YCLIENTS budget, and the listeners every record goes to
 * ({@link RecordWatches}) — the salon's changes told to customers ({@link SalonChangeNotices}). One daemon thread
 * ("record-watch") runs the poll every {@code yclients.records.poll-seconds}, the first time shortly after the start
 * (the catch-up), and reads again the records webhooks name, one at a time.
 */
public final class RecordWatching implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordWatching.class);
    /** The first poll after the start: soon, but not in the middle of the start-up's own calls. */
    static final Duration START_DELAY = Duration.ofSeconds(15);

    private final RecordPoll poll;
    private final RecordHints hints;
    private final ScheduledExecutorService executor;

    private RecordWatching(RecordPoll poll, RecordHints hints, ScheduledExecutorService executor) {
        this.poll = poll;
        this.hints = hints;
        this.executor = executor;
    }

    /**
     * The poll and its listeners, not scheduled, the webhook's records read on the caller's thread: tests run
     * {@link #poll()} themselves and find a webhook's effect when its request returns.
     *
     * @param reminders re-plans or drops a visit's reminders when the salon moves or cancels it
     */
    public static RecordWatching build(CoreServices core, ChatLayer chat, Outbox outbox, ReminderPlan reminders) {
        return build(core, chat, outbox, reminders, null);
    }

    /**
     * The poll and its listeners on a daemon thread: the poll every {@code yclients.records.poll-seconds}, the
     * webhook's records read there too (one at a time, never two at once with the poll).
     */
    static RecordWatching start(CoreServices core, ChatLayer chat, Outbox outbox, ReminderPlan reminders) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "record-watch");
            t.setDaemon(true);
            return t;
        });
        RecordWatching watching = build(core, chat, outbox, reminders, executor);
        long period = core.config().recordWatch().pollPeriod().toSeconds();
        executor.scheduleWithFixedDelay(watching.poll::run, START_DELAY.toSeconds(), period, TimeUnit.SECONDS);
        log.debug("Record poll every {} s", period);
        return watching;
    }

    private static RecordWatching build(CoreServices core, ChatLayer chat, Outbox outbox, ReminderPlan reminders,
                                        ScheduledExecutorService executor) {
        YclientsDirectory background = core.yclients().forCaller(Caller.BACKGROUND);
        CompanyZone zone = new CompanyZone(background);
        SalonChanges changes = new SalonChanges(core.database().bookingReferences(), reminders,
                zone::of, core.clock());
        // the salon's changes to visits customers know of; visits booked elsewhere by customers who asked for them
        RecordWatch watch = new RecordWatches(List.of(new SalonChangeNotices(changes, outbox, core.messages(),
                zone::of),
                chat.elsewhere()));
        RecordsApi records = background.client().records();
        RecordPoll poll = new RecordPoll(core.settings(), records, core.database().recordPollMarks(), watch,
                zone::of, core.clock(), chat.watchStatus());
        Executor rereads = executor == null ? Runnable::run : executor;
        RecordHints hints = new RecordHints(core.settings(), records, watch, rereads, core.clock(), chat.watchStatus());
        return new RecordWatching(poll, hints, executor);
    }

    /** Where the webhook's events go (used only when yclients.webhook.secret is set). */
    public RecordHints hints() {
        return hints;
    }

    /** The poll: tests and the console run it at once. */
    public RecordPoll poll() {
        return poll;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
