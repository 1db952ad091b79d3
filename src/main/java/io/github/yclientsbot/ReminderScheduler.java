package io.github.yclientsbot;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener.SchedulerEventType;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.github.yclientsbot.booking.ReminderSchedule;
import io.github.yclientsbot.chat.FollowupDelivery;
import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.chat.ReminderDelivery;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.storage.ReminderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The durable schedule's runner: db-scheduler on our own database ({@code scheduled_tasks}, created by our migration
 * V8 for H2 and PostgreSQL alike), running the reminders that come due through {@link ReminderDelivery}. Its clock is
 * the bot's injected {@link Clock} (the console's {@code /clock} and the tests move it). Tuned so a send killed
 * mid-way is taken up again within a minute: a heartbeat every {@link #HEARTBEAT}, an execution dead after
 * {@link #MISSED_HEARTBEATS} missed ones (30 s; db-scheduler looks for dead ones at its start and every two
 * heartbeats, 10 s, and a revived one runs at once: at most 40 s after the last heartbeat). Two threads send, so with its
 * poll and heartbeat it holds at most four of the pool's connections (the pool grew by four for it). Tasks carry no
 * data (the instance id names visit and offset), so nothing is ever Java-serialized: {@link #NO_DATA} refuses it.
 * Built with the transport's outbox, started after the transport, stopped before the database closes.
 */
public final class ReminderScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final int MISSED_HEARTBEATS = 6;
    static final Duration POLL = Duration.ofSeconds(10);
    static final int THREADS = 2;
    /** A reminder YCLIENTS could not be read for is tried again this much later, this many times. */
    static final Duration RETRY = Duration.ofMinutes(2);
    static final int TRIES = 10;
    /** How long the console waits for the reminders a /clock made due. */
    static final Duration CONSOLE_WAIT = Duration.ofSeconds(10);

    /** Task data is always null: anything else would need a serializer, and Java serialization is not one we want. */
    static final Serializer NO_DATA = new Serializer() {
        @Override
        public byte[] serialize(Object data) {
            if (data != null) {
                throw new IllegalArgumentException("reminder tasks carry no data, got " + data.getClass().getName());
            }
            return null;
        }

        @Override
        public <T> T deserialize(Class<T> clazz, byte[] serializedData) {
            if (serializedData != null && serializedData.length > 0) {
                throw new IllegalArgumentException("reminder tasks carry no data");
            }
            return null;
        }
    };

    private final Scheduler scheduler;
    private final ReminderSchedule schedule;
    private final ReminderStore store;
    private final Clock clock;
    private final String name;
    private final Object completions = new Object();

    private ReminderScheduler(Scheduler scheduler, ReminderSchedule schedule, ReminderStore store, Clock clock, String name) {
        this.name = name;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.store = store;
        this.clock = clock;
    }

    /** A client of the schedule that plans and cancels and never runs anything (the chat layer's, built before the outbox). */
    public static SchedulerClient client(DataSource dataSource) {
        CustomTask<Void> planOnly = Tasks.custom(ReminderSchedule.TASK, Void.class).execute((instance, context) -> {
            throw new IllegalStateException("the schedule's client runs no task");
        });
        return SchedulerClient.Builder.create(dataSource, planOnly).serializer(NO_DATA).build();
    }

    /** Builds the runner (not started: see {@link #start()}). */
    public static ReminderScheduler build(CoreServices core, ChatLayer chat, Outbox outbox) {
        ReminderDelivery delivery = new ReminderDelivery(chat.reminders().visits(), chat.reminders().view(), outbox);
        // a visit's follow-up runs on the same task, told apart by its instance id
        FollowupDelivery followups = new FollowupDelivery(chat.reminders().followups(), chat.reminders().followupView(),
                outbox);
        return build(core.database().dataSource(), core.database().reminders(), chat.reminders().schedule(),
                // their read-backs go on the reminders' own lane of the YCLIENTS budget (not the background's 20/min)
                instance -> chat.reminders().callers().call(Caller.REMINDERS,
                        () -> FollowupDelivery.handles(instance) ? followups.run(instance) : delivery.run(instance)),
                instance -> {
                    if (FollowupDelivery.handles(instance)) {
                        followups.failed(instance);
                    } else {
                        delivery.failed(instance);
                    }
                }, core.clock(), "bot-" + ProcessHandle.current().pid());
    }

    /**
     * @param run    runs one due reminder by its instance id; returns when to run it again, or empty when done
     * @param failed told of a reminder that failed in all its tries
     * @param name   this scheduler's name in {@code picked_by}
     */
    static ReminderScheduler build(DataSource dataSource, ReminderStore store, ReminderSchedule schedule,
                                   Function<String, Optional<Instant>> run, Consumer<String> failed, Clock clock,
                                   String name) {
        CustomTask<Void> task = Tasks.custom(ReminderSchedule.TASK, Void.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(TRIES,
                        new FailureHandler.OnFailureRetryLater<>(RETRY),
                        (complete, operations) -> failed.accept(complete.getExecution().taskInstance.getId())))
                .execute((instance, context) -> {
                    Optional<Instant> again = run.apply(instance.getId());
                    return again.<CompletionHandler<Void>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
        ReminderScheduler[] self = new ReminderScheduler[1];
        Scheduler scheduler = new SchedulerBuilder(dataSource, List.of(task))
                .clock(clock::instant)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(name))
                .threads(THREADS)
                .pollingInterval(POLL)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .serializer(NO_DATA)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .failureLogging(LogLevel.WARN, false)
                .addSchedulerListener(new AbstractSchedulerListener() {
                    private final java.util.concurrent.atomic.AtomicBoolean revived = new java.util.concurrent.atomic.AtomicBoolean();

                    @Override
                    public void onExecutionDead(com.github.kagkarlsson.scheduler.task.Execution execution) {
                        revived.set(true);
                    }

                    /** A send revived from a dead process runs now, not at the next poll. */
                    @Override
                    public void onSchedulerEvent(SchedulerEventType type) {
                        ReminderScheduler s = self[0];
                        if (type == SchedulerEventType.RAN_DETECT_DEAD && revived.getAndSet(false) && s != null) {
                            s.scheduler.triggerCheckForDueExecutions();
                        }
                    }

                    @Override
                    public void onExecutionComplete(ExecutionComplete complete) {
                        ReminderScheduler s = self[0];
                        if (s != null) {
                            synchronized (s.completions) {
                                s.completions.notifyAll();
                            }
                        }
                    }
                })
                .build();
        self[0] = new ReminderScheduler(scheduler, schedule, store, clock, name);
        return self[0];
    }

    /** Starts running due reminders, then plans every kept visit (those booked before reminders existed as well). */
    public void start() {
        scheduler.start();
        try {
            int planned = schedule.planAll();
            log.info("Reminders: {} planned at start, {} pending", planned, schedule.pendingCount());
        } catch (RuntimeException e) {
            log.warn("Reminders could not be planned at start (they are planned as visits are booked): {}", e.toString());
        }
    }

    /** How many reminders wait (0 when the database does not answer). */
    int pending() {
        try {
            return schedule.pendingCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * The console's {@code /clock}: the reminders due by the moved clock run now, and this returns once they ran (or
     * after {@link #CONSOLE_WAIT}).
     */
    public void runDueNow() {
        long deadline = System.nanoTime() + CONSOLE_WAIT.toNanos();
        scheduler.triggerCheckForDueExecutions();
        synchronized (completions) {
            while (store.dueOrRunning(ReminderSchedule.TASK, clock.instant(), name) > 0 && System.nanoTime() < deadline) {
                try {
                    completions.wait(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                scheduler.triggerCheckForDueExecutions();
            }
        }
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
