package io.github.yclientsbot.booking;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.ReminderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The durable plan of reminders, on db-scheduler's {@code scheduled_tasks} in our own database: one execution of task
 * {@value #TASK} per visit and offset, its instance id {@link ReminderId#instance()} (no task data at all). A visit's
 * reminders are (re-)planned from its kept start: an offset whose time is past when the bot learns of the visit is
 * skipped, not sent at once; one already done for this start is not planned again; one pending at another time
 * (the visit moved, {@code booking.reminders} changed) is moved; one whose time passed while the bot was down stays
 * due, and {@link VisitReminders} sends at most one such late reminder per visit. The visit's follow-up (the message
 * after it, {@link FollowupId}) is planned alongside, at the kept start plus {@code booking.followup} — the visit's
 * length is not kept, so {@link VisitFollowups} moves it to the read-back end when it comes due.
 */
public final class ReminderSchedule implements ReminderPlan {
    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    /** The task's name in {@code scheduled_tasks}. */
    public static final String TASK = "visit-reminder";

    private final SchedulerClient client;
    private final BookingReferences references;
    private final ReminderStore store;
    private final ReminderTimes times;
    private final FollowupTimes followups;
    /** A branch's time zone (a one-company bot: its company's). */
    private final LongFunction<ZoneId> zone;
    private final Clock clock;

    public ReminderSchedule(SchedulerClient client, BookingReferences references, ReminderStore store, ReminderTimes times,
                            Supplier<ZoneId> zone, Clock clock) {
        this(client, references, store, times, FollowupTimes.off(), zone, clock);
    }

    public ReminderSchedule(SchedulerClient client, BookingReferences references, ReminderStore store, ReminderTimes times,
                            FollowupTimes followups, Supplier<ZoneId> zone, Clock clock) {
        this(client, references, store, times, followups, (LongFunction<ZoneId>) company -> zone.get(), clock);
    }

    /** @param zone each branch's own time zone, by company id */
    public ReminderSchedule(SchedulerClient client, BookingReferences references, ReminderStore store, ReminderTimes times,
                            FollowupTimes followups, LongFunction<ZoneId> zone, Clock clock) {
        this.followups = followups;
        this.client = client;
        this.references = references;
        this.store = store;
        this.times = times;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void replan(long referenceId) {
        references.byId(referenceId).ifPresent(ref -> {
            plan(ref, pending(ref.companyId(), ref.recordId()));
            planFollowup(ref, client.getScheduledExecution(TaskInstanceId.of(TASK,
                    new FollowupId(ref.companyId(), ref.recordId()).instance())).orElse(null));
        });
    }

    @Override
    public void drop(long companyId, long recordId) {
        pending(companyId, recordId).values().forEach(this::cancel);
        client.getScheduledExecution(TaskInstanceId.of(TASK, new FollowupId(companyId, recordId).instance()))
                .ifPresent(this::cancel);
    }

    /** At every start: every kept visit planned at its kept start (visits booked before reminders existed included). */
    public int planAll() {
        Map<String, Map<Integer, ScheduledExecution<Object>>> byVisit = new HashMap<>();
        Map<String, ScheduledExecution<Object>> followupsPending = new HashMap<>();
        for (ScheduledExecution<Object> e : client.getScheduledExecutionsForTask(TASK)) {
            FollowupId.parse(e.getTaskInstance().getId()).ifPresent(id -> followupsPending.put(id.instance(), e));
            ReminderId.parse(e.getTaskInstance().getId()).ifPresent(id -> byVisit
                    .computeIfAbsent(ReminderId.visitPrefix(id.companyId(), id.recordId()), k -> new HashMap<>())
                    .put(id.offsetMinutes(), e));
        }
        int planned = 0;
        for (BookingReference ref : references.all()) {
            Map<Integer, ScheduledExecution<Object>> pending = byVisit.getOrDefault(
                    ReminderId.visitPrefix(ref.companyId(), ref.recordId()), Map.of());
            try {
                planned += plan(ref, pending);
                planned += planFollowup(ref, followupsPending.get(new FollowupId(ref.companyId(), ref.recordId()).instance()));
            } catch (RuntimeException e) {
                log.warn("Reminders of record {} not planned: {}", ref.recordId(), e.toString());
            }
        }
        return planned;
    }

    /** How many reminders wait in the schedule. */
    public int pendingCount() {
        return store.pending(TASK);
    }

    /** The kept start of a visit, in the company's zone when the kept text has no offset. */
    Optional<Instant> start(BookingReference ref) {
        return CalendarFile.start(ref.startsAt(), zone.apply(ref.companyId()).getId());
    }

    /** Branch {@code company}'s time zone's id (a kept start without an offset is read in it). */
    String zoneId(long company) {
        return zone.apply(company).getId();
    }

    /** When each offset of a visit starting at {@code start} goes (see {@link ReminderTimes}). */
    Map<Integer, Instant> times(long company, Instant start) {
        return times.plan(start, zone.apply(company));
    }

    private int plan(BookingReference ref, Map<Integer, ScheduledExecution<Object>> pending) {
        Instant now = clock.instant();
        Optional<Instant> start = start(ref);
        if (start.isEmpty() || !start.get().isAfter(now)) {
            pending.values().forEach(this::cancel);
            return 0;
        }
        Map<Integer, Instant> wanted = times(ref.companyId(), start.get());
        Set<Integer> done = store.doneOffsets(ref.companyId(), ref.recordId(), start.get());
        for (Map.Entry<Integer, ScheduledExecution<Object>> p : pending.entrySet()) {
            if (!wanted.containsKey(p.getKey()) || done.contains(p.getKey())) {
                cancel(p.getValue());
            }
        }
        int planned = 0;
        for (Map.Entry<Integer, Instant> w : wanted.entrySet()) {
            if (done.contains(w.getKey())) {
                continue;
            }
            ReminderId id = new ReminderId(ref.companyId(), ref.recordId(), w.getKey());
            Instant at = w.getValue();
            ScheduledExecution<Object> existing = pending.get(w.getKey());
            if (existing == null) {
                if (at.isAfter(now) && client.scheduleIfNotExists(new TaskInstance<Void>(TASK, id.instance()), at)) {
                    planned++;
                }
            } else if (!existing.getExecutionTime().equals(at) && !existing.isPicked()) {
                if (at.isAfter(now)) {
                    client.reschedule(existing.getTaskInstance(), at);
                    planned++;
                } else if (existing.getExecutionTime().isAfter(now)) {
                    // its new time is past already: skipped like an offset past when the bot learns of a visit
                    cancel(existing);
                }
                // else: it came due while the bot was down and is run late
            }
        }
        return planned;
    }

    /**
     * The visit's follow-up: planned once at its kept start plus {@code booking.followup} (out of the quiet hours), at
     * once when that is past but not by more than a day, not at all when it is done or too late; moved with the visit.
     */
    private int planFollowup(BookingReference ref, ScheduledExecution<Object> existing) {
        Optional<Instant> start = start(ref);
        Instant now = clock.instant();
        if (!followups.enabled() || start.isEmpty() || followups.tooLate(start.get(), now)
                || store.done(ref.companyId(), ref.recordId(), FollowupId.NOTE_OFFSET, start.get()).isPresent()) {
            if (existing != null && !followups.enabled()) {
                cancel(existing); // booking.followup was turned off
            }
            return 0;
        }
        Instant at = followups.at(start.get(), zone.apply(ref.companyId())).orElseThrow();
        FollowupId id = new FollowupId(ref.companyId(), ref.recordId());
        if (existing == null) {
            return client.scheduleIfNotExists(new TaskInstance<Void>(TASK, id.instance()), at.isAfter(now) ? at : now) ? 1 : 0;
        }
        if (!existing.getExecutionTime().equals(at) && !existing.isPicked() && at.isAfter(now)) {
            client.reschedule(existing.getTaskInstance(), at);
            return 1;
        }
        return 0;
    }

    /** When the follow-up of a visit ending at {@code end} goes; empty when follow-ups are off. */
    Optional<Instant> followupAt(long company, Instant end) {
        return followups.at(end, zone.apply(company));
    }

    /** The follow-up of a visit ending at {@code end} is too late to send now (or follow-ups are off). */
    boolean followupTooLate(Instant end) {
        return followups.tooLate(end, clock.instant());
    }

    /** The visit's pending reminders by offset: found by their instance ids' prefix, read one by one. */
    private Map<Integer, ScheduledExecution<Object>> pending(long companyId, long recordId) {
        Map<Integer, ScheduledExecution<Object>> out = new HashMap<>();
        for (String instance : store.instances(TASK, ReminderId.visitPrefix(companyId, recordId))) {
            ReminderId.parse(instance).ifPresent(id -> client.getScheduledExecution(TaskInstanceId.of(TASK, instance))
                    .ifPresent(e -> out.put(id.offsetMinutes(), e)));
        }
        return out;
    }

    private void cancel(ScheduledExecution<Object> e) {
        if (e.isPicked()) {
            return; // running now: it reads the visit back and sends nothing for one gone
        }
        TaskInstanceId id = e.getTaskInstance();
        try {
            client.cancel(id);
        } catch (RuntimeException gone) {
            log.debug("Reminder {} was not pending any more: {}", id.getId(), gone.toString());
        }
    }
}
