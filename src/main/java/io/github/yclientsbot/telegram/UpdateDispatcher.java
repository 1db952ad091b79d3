package io.github.yclientsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.health.RuntimeStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes batches from the library and hands them to {@link ChatLanes}: a bounded worker pool, different chats in
 * parallel, one chat's updates strictly in order.
 *
 * <p>{@link #consume} returns once the batch is written to the {@link UpdateStore} (the inbox), masked by {@link
 * InboxMasking} (so the library may confirm
 * it to Telegram) — not after it is handled, so a slow chat does not hold up polling. An update is marked
 * handled after its reply went out, in groups by a {@link HandledRecorder}; one Telegram sends again, or one
 * still in the inbox after a crash, is not answered twice (only a crash between sending and recording — a few
 * milliseconds, see {@link HandledRecorder} — can repeat a reply). {@link #recover} queues
 * what a previous run left in the inbox. When more than {@code maxBacklog} updates wait in memory, {@code
 * consume} blocks, and with it polling. Nothing escapes {@code consume}: the library's poll task dies for
 * good on a RuntimeException.
 */
public final class UpdateDispatcher implements LongPollingUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
    /** Telegram keeps an unconfirmed update about 24 hours: a handled id older than that cannot come back. */
    static final Duration KEEP_HANDLED = Duration.ofHours(25);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /** How long the recorder gathers handled ids before one write, and at most how many. */
    static final long RECORD_LINGER_MILLIS = 2;
    static final int RECORD_MAX_BATCH = 256;

    /** What a worker does with one update; see {@link UpdateHandler#handle}. */
    @FunctionalInterface
    public interface Handling {
        /** @return false if the update was abandoned (shutdown) before its reply went out: it stays in the inbox */
        boolean handle(Update update, FloodGuard.Verdict verdict, java.util.function.BooleanSupplier abandoned);
    }

    private record Task(long updateId, long chatId, Update update, FloodGuard.Verdict verdict) {}

    private final UpdateStore inbox;
    private final ObjectMapper mapper;
    private final Handling handler;
    private final FloodGuard flood;
    private final java.util.function.LongPredicate floodExempt;
    private final RuntimeStats stats;
    private final Clock clock;
    private final ChatLanes<Task> lanes;
    private final HandledRecorder recorder;
    private volatile boolean abandoned;
    private volatile Instant lastPrune = Instant.MIN;

    public UpdateDispatcher(UpdateStore inbox, ObjectMapper mapper, Handling handler, FloodGuard flood,
                     java.util.function.LongPredicate floodExempt, RuntimeStats stats, Clock clock, int workerCount, int maxBacklog) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.handler = handler;
        this.flood = flood;
        this.floodExempt = floodExempt;
        this.stats = stats;
        this.clock = clock;
        this.lanes = new ChatLanes<>(this::process, workerCount, maxBacklog);
        this.recorder = new HandledRecorder(inbox::markHandled, lanes::release, e -> {
            stats.error("update inbox", e);
            log.warn("Updates were answered but could not be marked handled; they may be answered again after a restart", e);
        }, RECORD_LINGER_MILLIS, RECORD_MAX_BATCH);
        stats.updateQueueDepthFrom(lanes::backlogSeenHere);
    }

    /** Updates received and not yet recorded as handled (the ones being handled included). */
    int backlog() {
        return lanes.backlog();
    }

    /** Queues what a previous run left in the inbox, in update id order. Call before polling starts. */
    void recover() {
        List<UpdateStore.Stored> waiting = inbox.waiting();
        if (waiting.isEmpty()) {
            return;
        }
        log.info("{} updates received before the last stop were not handled yet; handling them now", waiting.size());
        for (UpdateStore.Stored e : waiting) {
            Update update;
            try {
                update = mapper.readValue(e.payload(), Update.class);
            } catch (JsonProcessingException ex) {
                stats.error("update " + e.updateId(), ex);
                log.error("Dropping update {} from the inbox: it cannot be read back ({})", e.updateId(), ex.getOriginalMessage());
                inbox.markHandled(e.updateId());
                continue;
            }
            submit(new Task(e.updateId(), e.chatId(), update, FloodGuard.Verdict.ANSWER));
        }
    }

    @Override
    public void consume(List<Update> updates) {
        try {
            Map<Long, Update> byId = new LinkedHashMap<>();
            List<UpdateStore.Stored> added;
            try {
                List<UpdateStore.Stored> entries = new ArrayList<>(updates.size());
                Instant now = clock.instant();
                for (Update u : updates) {
                    byId.put((long) u.getUpdateId(), u);
                    // stored masked (no token, password, claim code or phone number on disk); the worker gets u itself
                    entries.add(new UpdateStore.Stored(u.getUpdateId(), chatOf(u), InboxMasking.payload(mapper, u), now));
                }
                added = inbox.add(entries);
                if (added.size() < entries.size()) {
                    log.debug("{} updates of the batch were received before; not queued again", entries.size() - added.size());
                }
            } catch (JsonProcessingException | RuntimeException e) {
                handleInline(updates, e);
                return;
            }
            for (UpdateStore.Stored e : added) {
                Update u = byId.get(e.updateId());
                submit(new Task(e.updateId(), e.chatId(), u, verdict(u)));
            }
            lanes.awaitSpace();
            pruneNowAndThen();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // whatever was stored is handled after the next start; throwing would stop polling for good
            stats.error("consume", e);
            log.error("Could not queue a batch of {} updates", updates.size(), e);
        }
    }

    /**
     * The inbox cannot be written (the database is down): handle the batch here and now, before the library
     * confirms it — at least once, as without an inbox, and polling stays alive.
     */
    private void handleInline(List<Update> updates, Exception cause) {
        stats.error("update inbox", cause);
        log.error("Could not store {} updates in the inbox; handling them one by one before confirming them", updates.size(), cause);
        for (Update u : updates) {
            if (lanes.closing()) {
                return;
            }
            try {
                handler.handle(u, verdict(u), () -> abandoned);
            } catch (RuntimeException e) {
                log.error("Failed to handle update {}", u.getUpdateId(), e);
            }
        }
    }

    private void submit(Task task) {
        lanes.submit(task.chatId(), task);
    }

    /** @return true if the update was handed to the recorder (which takes it out of the backlog once written) */
    private boolean process(Task task) {
        boolean done;
        try {
            done = handler.handle(task.update(), task.verdict(), () -> abandoned);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // the handler catches its own failures; this is the last line of defence for the worker
            stats.error("update " + task.updateId(), e);
            log.error("Failed to handle update {} in chat {}", task.updateId(), task.chatId(), e);
            done = true;
        }
        if (!done) {
            return false;
        }
        recorder.record(task.updateId());
        return true;
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        try {
            int pruned = inbox.pruneHandled(now.minus(KEEP_HANDLED));
            log.debug("Forgot {} handled update ids older than {}", pruned, KEEP_HANDLED);
        } catch (RuntimeException e) {
            log.warn("Could not prune handled update ids: {}", e.getMessage());
        }
    }

    private FloodGuard.Verdict verdict(Update u) {
        long user = userOf(u);
        FloodGuard.Verdict v = flood.check(user);
        return v == FloodGuard.Verdict.ANSWER || floodExempt.test(user) ? FloodGuard.Verdict.ANSWER : v;
    }

    static long chatOf(Update u) {
        if (u.hasMessage() && u.getMessage().getChat() != null) {
            return u.getMessage().getChatId();
        }
        if (u.hasCallbackQuery() && u.getCallbackQuery().getMessage() != null) {
            return u.getCallbackQuery().getMessage().getChatId();
        }
        return 0;
    }

    static long userOf(Update u) {
        if (u.hasMessage() && u.getMessage().getFrom() != null) {
            return u.getMessage().getFrom().getId();
        }
        if (u.hasCallbackQuery() && u.getCallbackQuery().getFrom() != null) {
            return u.getCallbackQuery().getFrom().getId();
        }
        return 0;
    }

    /** Stops starting queued updates (they stay in the inbox for the next start) and wakes a blocked {@link #consume}. */
    void stopTakingWork() {
        lanes.stopTakingWork();
    }

    /**
     * Lets the updates in flight finish until {@code deadlineNanos} ({@link System#nanoTime()}); after it, a reply not yet sent is dropped
     * (the update stays in the inbox) and the workers are interrupted.
     *
     * @return true if every worker finished in time
     */
    boolean finish(long deadlineNanos) {
        boolean inTime = lanes.finish(deadlineNanos, () -> abandoned = true);
        recorder.close();
        return inTime;
    }

    @Override
    public void close() {
        // the transport closes the dispatcher through finish(deadline), after polling stopped
    }
}
