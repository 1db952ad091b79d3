package io.github.yclientsbot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-chat serial lanes on a bounded worker pool: different chats in parallel, one chat's tasks strictly in order
 * (a lane's next task runs on the pool once the previous one is done, then gives the worker back, so long chats take
 * turns with the others — no thread per chat).
 *
 * <p>Counts the backlog: a task is in it from {@link #submit} until it is done — when {@link Work#run} returns false,
 * or, when it returns true (handed on, e.g. to a recorder), when {@link #release} is called for it. {@link #awaitSpace}
 * blocks while the backlog is over {@code maxBacklog}.
 *
 * @param <T> one task, e.g. an update
 */
final class ChatLanes<T> {
    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    /** What a worker does with one task. */
    @FunctionalInterface
    interface Work<T> {
        /** @return true if the task was handed on and leaves the backlog only at {@link ChatLanes#release} */
        boolean run(T task);
    }

    /** One chat's serial queue; {@code scheduled} while a worker runs (or is about to run) its next task. */
    private final class Lane {
        final ArrayDeque<T> tasks = new ArrayDeque<>();
        boolean scheduled;
    }

    private final Work<T> work;
    private final int maxBacklog;
    private final ThreadPoolExecutor workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    private final Map<Long, Lane> lanes = new HashMap<>();
    /** Submitted and not yet done. */
    private int backlog;
    /** True on a worker while it runs a task counted in the backlog. */
    private final ThreadLocal<Boolean> runningHere = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private volatile boolean closing;

    ChatLanes(Work<T> work, int workerCount, int maxBacklog) {
        this.work = work;
        this.maxBacklog = maxBacklog;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "update-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code task} behind the chat's earlier ones. */
    void submit(long chatId, T task) {
        lock.lock();
        try {
            backlog++;
            Lane lane = lanes.computeIfAbsent(chatId, id -> new Lane());
            lane.tasks.addLast(task);
            if (!lane.scheduled) {
                lane.scheduled = true;
                schedule(lane, chatId);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code n} tasks handed on earlier are done: they leave the backlog. */
    void release(int n) {
        lock.lock();
        try {
            backlog -= n;
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Tasks submitted and not yet done (the ones running included). */
    int backlog() {
        lock.lock();
        try {
            return backlog;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The backlog as the calling thread should see it: on a worker running a task (e.g. a /status), that task is
     * not counted — "the queue" is what waits besides it.
     */
    int backlogSeenHere() {
        int b = backlog();
        return runningHere.get() ? Math.max(0, b - 1) : b;
    }

    /** Blocks while more than {@code maxBacklog} tasks wait, until there is space or {@link #stopTakingWork}. */
    void awaitSpace() {
        lock.lock();
        try {
            boolean told = false;
            while (backlog > maxBacklog && !closing) {
                if (!told) {
                    log.info("{} updates are waiting to be handled; polling pauses until there are fewer than {}", backlog, maxBacklog);
                    told = true;
                }
                space.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    boolean closing() {
        return closing;
    }

    /** Stops starting queued tasks (they stay queued) and wakes a blocked {@link #awaitSpace}. */
    void stopTakingWork() {
        closing = true;
        lock.lock();
        try {
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets the running tasks finish until {@code deadlineNanos} ({@link System#nanoTime()}); after it, runs
     * {@code giveUp} (so a task can see it was abandoned) and interrupts the workers.
     *
     * @return true if every worker finished in time
     */
    boolean finish(long deadlineNanos, Runnable giveUp) {
        stopTakingWork();
        workers.shutdown();
        try {
            if (workers.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return true;
            }
            giveUp.run();
            log.warn("Updates still being handled when the shutdown budget ran out; they will be handled after the next start");
            workers.shutdownNow();
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp.run();
            workers.shutdownNow();
        }
        return false;
    }

    /** Called with the lock held. */
    private void schedule(Lane lane, long chatId) {
        if (closing) {
            lane.scheduled = false;
            return;
        }
        try {
            workers.execute(() -> runNext(lane, chatId));
        } catch (RejectedExecutionException e) {
            lane.scheduled = false;
        }
    }

    /** Runs the lane's next task, then gives the worker back to the pool. */
    private void runNext(Lane lane, long chatId) {
        T task;
        lock.lock();
        try {
            task = lane.tasks.pollFirst();
            if (task == null || closing) {
                if (task != null) {
                    lane.tasks.addFirst(task);
                }
                lane.scheduled = false;
                return;
            }
        } finally {
            lock.unlock();
        }
        boolean handedOn = false;
        try {
            runningHere.set(Boolean.TRUE);
            try {
                handedOn = work.run(task);
            } finally {
                runningHere.set(Boolean.FALSE);
            }
        } finally {
            lock.lock();
            try {
                if (!handedOn) {
                    backlog--;
                    space.signalAll();
                }
                if (lane.tasks.isEmpty()) {
                    lane.scheduled = false;
                    lanes.remove(chatId, lane);
                } else {
                    schedule(lane, chatId);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
