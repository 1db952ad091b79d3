package io.github.yclientsbot;

import io.github.yclientsbot.booking.CompanyZone;
import io.github.yclientsbot.booking.RecordPoll;
import io.github.yclientsbot.booking.RecordWatch;
import io.github.yclientsbot.booking.RecordWatches;
import io.github.yclientsbot.booking.ReminderPlan;
import io.github.yclientsbot.booking.SalonChanges;
import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.chat.SalonChangeNotices;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.ratelimit.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How the bot learns of the company's records, built by the composition root: the record poll on the background share
 * of the YCLIENTS budget, and the listeners every record goes to ({@link RecordWatches}) — the salon's changes told to
 * customers ({@link SalonChangeNotices}). One daemon thread ("record-watch") runs the poll every
 * {@code yclients.records.poll-seconds}, the first time shortly after the start (the catch-up).
 */
public final class RecordWatching implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordWatching.class);
    /** The first poll after the start: soon, but not in the middle of the start-up's own calls. */
    static final Duration START_DELAY = Duration.ofSeconds(15);

    private final RecordPoll poll;
    private final ScheduledExecutorService executor;

    private RecordWatching(RecordPoll poll, ScheduledExecutorService executor) {
        this.poll = poll;
        this.executor = executor;
    }

    /**
     * The poll and its listeners, not scheduled: tests run {@link #poll()} themselves.
     *
     * @param reminders re-plans or drops a visit's reminders when the salon moves or cancels it
     */
    public static RecordWatching build(CoreServices core, ChatLayer chat, Outbox outbox, ReminderPlan reminders) {
        return new RecordWatching(poll(core, chat, outbox, reminders), null);
    }

    /** The poll and its listeners, the poll run on a daemon thread every {@code yclients.records.poll-seconds}. */
    static RecordWatching start(CoreServices core, ChatLayer chat, Outbox outbox, ReminderPlan reminders) {
        RecordPoll poll = poll(core, chat, outbox, reminders);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "record-watch");
            t.setDaemon(true);
            return t;
        });
        long period = core.config().recordWatch().pollPeriod().toSeconds();
        executor.scheduleWithFixedDelay(poll::run, START_DELAY.toSeconds(), period, TimeUnit.SECONDS);
        log.debug("Record poll every {} s", period);
        return new RecordWatching(poll, executor);
    }

    private static RecordPoll poll(CoreServices core, ChatLayer chat, Outbox outbox, ReminderPlan reminders) {
        YclientsDirectory background = core.yclients().forCaller(Caller.BACKGROUND);
        CompanyZone zone = new CompanyZone(background);
        SalonChanges changes = new SalonChanges(core.database().bookingReferences(), reminders, zone);
        RecordWatch watch = new RecordWatches(List.of(new SalonChangeNotices(changes, outbox, core.messages(), zone)));
        return new RecordPoll(core.settings(), background.client().records(), core.database().recordPollMarks(), watch,
                zone, core.clock(), chat.watchStatus());
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
