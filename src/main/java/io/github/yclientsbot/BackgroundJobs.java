package io.github.yclientsbot;

import io.github.yclientsbot.booking.AcceptedBookings;
import io.github.yclientsbot.booking.BookingDrafts;
import io.github.yclientsbot.booking.CatalogRefresher;
import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.storage.BookingLimitEvents;
import io.github.yclientsbot.storage.ReminderStore;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What runs on its own every cache period (at least every 10 s): button titles and prices refreshed from YCLIENTS,
 * idle booking conversations and old limit counters deleted, the booking form discovered again; and every 10 s the
 * bookings YCLIENTS accepted while the database failed are stored. One daemon thread; a failure of one job is logged
 * and the others still run.
 */
final class BackgroundJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    /** How often bookings YCLIENTS accepted while the database failed are written again. */
    static final long RETRY_SECONDS = 10;
    /** How long the notes of a visit's reminders and "I'll come" are kept after it. */
    static final Duration REMINDER_NOTES_KEPT = Duration.ofDays(8);

    private final ScheduledExecutorService executor;
    private final RecordWatching records;

    private BackgroundJobs(ScheduledExecutorService executor, RecordWatching records) {
        this.executor = executor;
        this.records = records;
    }

    /** @param outbox where jobs send the bot's own messages (reminders, the salon's changes) */
    static BackgroundJobs start(CoreServices core, ChatLayer chat, Outbox outbox) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-refresh");
            t.setDaemon(true);
            return t;
        });
        long refreshSeconds = Math.max(10, core.cacheTtl().toSeconds());
        CatalogRefresher catalogRefresher = new CatalogRefresher(core.yclients().forCaller(Caller.BACKGROUND),
                core.database().serviceMappings());
        BookingLimitEvents limitEvents = core.database().bookingLimitEvents();
        ReminderStore reminderNotes = core.database().reminders();
        executor.scheduleWithFixedDelay(() -> {
            catalogRefresher.run();
            purgeExpiredDrafts(chat.drafts());
            purgeOldLimitEvents(limitEvents);
            StartupCheck.readChain(core.branches().forCaller(Caller.BACKGROUND), false);
            purgeOldReminderNotes(reminderNotes, core.clock());
            discoverQuietly(chat.companySetup());
        }, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
        AcceptedBookings accepted = chat.accepted();
        executor.scheduleWithFixedDelay(() -> storeAcceptedBookings(accepted), RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        // the record poll and the salon's changes, re-planning reminders through the chat layer's plan
        RecordWatching records = RecordWatching.start(core, chat, outbox, chat.reminders().schedule());
        return new BackgroundJobs(executor, records);
    }

    /** Bookings YCLIENTS accepted while the database failed: their conversation, count and references written now. */
    private static void storeAcceptedBookings(AcceptedBookings accepted) {
        if (accepted.waiting() == 0) {
            return;
        }
        try {
            int left = accepted.retry();
            if (left > 0) {
                log.warn("{} booking(s) made in YCLIENTS still wait to be stored: the database does not answer", left);
            }
        } catch (RuntimeException e) {
            log.warn("Could not store the bookings made while the database failed: {}", e.toString());
        }
    }

    /** The booking limits' counters older than two days are deleted (also on every write). */
    private static void purgeOldLimitEvents(BookingLimitEvents events) {
        try {
            int n = events.deleteOld();
            if (n > 0) {
                log.debug("Deleted {} old booking limit counter(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete old booking limit counters: {}", e.toString());
        }
    }

    /**
     * The reminders' notes of visits older than {@link #REMINDER_NOTES_KEPT} are deleted (the confirm rate of /status
     * looks 7 days back).
     */
    private static void purgeOldReminderNotes(ReminderStore notes, Clock clock) {
        try {
            int n = notes.deleteOld(clock.instant().minus(REMINDER_NOTES_KEPT));
            if (n > 0) {
                log.debug("Deleted {} old reminder note(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete old reminder notes: {}", e.toString());
        }
    }

    /** Booking conversations idle past their time-out are deleted, not just ignored. */
    private static void purgeExpiredDrafts(BookingDrafts drafts) {
        try {
            int n = drafts.deleteExpired();
            if (n > 0) {
                log.info("Deleted {} expired booking conversation(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete expired booking conversations: {}", e.toString());
        }
    }

    private static void discoverQuietly(CompanySetup company) {
        try {
            company.discoverBookingForm();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            log.debug("Booking form discovery skipped: {}", e.getMessage());
        }
    }

    /** How often the jobs run (the period {@link #start} schedules): every cache period, at least every 10 s. */
    static Duration period(CoreServices core) {
        return Duration.ofSeconds(Math.max(10, core.cacheTtl().toSeconds()));
    }

    /** The record poll and its listeners (the webhook hands them records too; the console polls after a demo change). */
    RecordWatching records() {
        return records;
    }

    @Override
    public void close() {
        records.close();
        executor.shutdownNow();
    }
}
