package io.github.yclientsbot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Records handled update ids in groups (a group commit): workers hand over an id after its reply went out and
 * go on at once; one thread writes what gathered — everything handed over while the previous write ran, or
 * within {@code linger} of the first id, at most {@code maxBatch} — in one transaction. Under a rush that is one
 * write for dozens of updates instead of one each.
 *
 * <p>The price: an update whose reply went out but whose id was not written yet stays in the inbox, and is
 * answered again if the process dies right then (kill -9, power loss) — the window between sending and
 * recording, which one write per update has too, widens by the linger and the wait for the write in progress
 * (milliseconds). A stop ({@link #close}) writes everything handed over first. An update sent again by Telegram
 * meanwhile is not queued twice: its id is still in the inbox, and the inbox refuses it.
 *
 * <p>Never interrupted: an interrupt during a write would close H2's file channel. {@link #close} stops it with
 * a marker in the queue.
 */
final class HandledRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HandledRecorder.class);
    private static final long STOP = Long.MIN_VALUE;

    private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<Long>> store;
    private final IntConsumer afterWrite;
    private final Consumer<RuntimeException> onFailure;
    private final long lingerNanos;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param store      writes a group of ids (in one transaction)
     * @param afterWrite told how many ids a write covered, after it committed (or failed)
     * @param onFailure  told when a write failed; its ids stay in the inbox (answered again after a restart)
     */
    HandledRecorder(Consumer<List<Long>> store, IntConsumer afterWrite, Consumer<RuntimeException> onFailure,
                    long lingerMillis, int maxBatch) {
        this.store = store;
        this.afterWrite = afterWrite;
        this.onFailure = onFailure;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, "handled-recorder");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands over one handled id; returns at once. After {@link #close} the id is written right here. */
    void record(long updateId) {
        queue.add(updateId);
        if (closed && !thread.isAlive()) {
            writeRest();
        }
    }

    private void run() {
        List<Long> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            batch.clear();
            try {
                long first = queue.take();
                if (first == STOP) {
                    break;
                }
                batch.add(first);
                long deadline = System.nanoTime() + lingerNanos;
                while (batch.size() < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Long next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (next == STOP) {
                        stop = true;
                        break;
                    }
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                // not expected (see the class comment): write what was gathered, the rest is written by close()
                Thread.currentThread().interrupt();
                stop = true;
            }
            write(batch);
        }
    }

    private void write(List<Long> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            onFailure.accept(e);
        } finally {
            afterWrite.accept(batch.size());
        }
    }

    /** Writes everything handed over, then stops; waits at most {@code timeoutMillis} for a write in progress. */
    @Override
    public void close() {
        close(10_000);
    }

    void close(long timeoutMillis) {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Recording handled updates did not finish within {} ms; those not recorded may be answered again after a restart",
                    timeoutMillis);
            return;
        }
        writeRest();
    }

    /** Whatever was handed over after the marker (a worker finishing late). */
    private void writeRest() {
        List<Long> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.removeIf(id -> id == STOP);
        write(rest);
    }
}
