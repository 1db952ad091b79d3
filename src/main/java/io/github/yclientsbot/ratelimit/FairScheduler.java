package io.github.yclientsbot.ratelimit;

import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Shares one rate-limited budget (a {@link RequestLimiter}: YCLIENTS's 5 a second and 200 a minute) fairly between
 * those who wait for it. Each {@link Caller} has a lane; when a slot is free it goes
 * <ol>
 *   <li>to an admin command, when one waits (within the admins' cap) — a part of the budget is kept for them, so
 *       they are served even while customers use all the rest;</li>
 *   <li>else to the next lane in turn that is within its own cap and whose next request completes something
 *       (a booking: {@code completes}), so a Confirm is not held up behind other customers' looking around;</li>
 *   <li>else to the next lane in turn that is within its own cap: every customer (and background work, as one more
 *       lane) gets one request per turn, so a customer with many requests waiting delays another by one slot at
 *       most, and a customer alone cannot use more than their own share of the minute either.</li>
 * </ol>
 * A caller waits for its slot at most as long as {@link Shares#waitFor} allows, and gives up at once when its own
 * caps or the budget say no slot can come by then ({@code false}: nothing was taken, no request may go out).
 *
 * <p>Waiting: one waiting thread at a time sleeps on the injected {@link Sleeper} until the next slot may free up
 * (another with an earlier wake-up sleeps too); the others wait to be signalled. Whoever runs when a slot is free
 * calls the request whose turn it is, one at a time, and that request's own thread takes the slot when it runs — so
 * the time a slot is counted at is the time its request leaves, not the time it was chosen (a thread woken late on
 * a busy machine would otherwise send two requests' worth close together, and YCLIENTS counts arrivals). Time is
 * the limiter's injected clock: tests run on a fake one. The decisions are {@link Turns}'; this class waits.
 */
public final class FairScheduler {
    private final RequestLimiter total;
    private final Shares shares;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final boolean unlimited;
    /** Guarded by {@link #lock}. */
    private final Turns turns;
    /** When the threads sleeping on the clock wake up (several may share a time). */
    private final TreeMap<Long, Integer> sleeping = new TreeMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Shares {@code total} (whose clock and sleeper it waits with) as {@code shares} says. */
    public FairScheduler(RequestLimiter total, Shares shares) {
        this.total = Objects.requireNonNull(total, "total");
        this.shares = Objects.requireNonNull(shares, "shares");
        this.nanoTime = total.nanoTime();
        this.sleeper = total.sleeper();
        this.unlimited = total.windows().isEmpty();
        this.turns = new Turns(total, shares, nanoTime, sleeper);
    }

    /** Nothing to share: every request goes at once. */
    public static FairScheduler unlimited() {
        return new FairScheduler(RequestLimiter.unlimited(), Shares.NONE);
    }

    /** The budget shared (the wiring test checks production keeps YCLIENTS's limits). */
    public RequestLimiter budget() {
        return total;
    }

    public Shares shares() {
        return shares;
    }

    /**
     * Waits for a slot of {@code caller}'s share, at most {@link Shares#waitFor} long.
     *
     * @return true when a slot was taken (the request may go now), false when none came in time (nothing taken)
     */
    public boolean acquire(Caller caller) throws InterruptedException {
        return acquire(caller, false);
    }

    /**
     * As {@link #acquire(Caller)}; {@code completes}: the request completes what its caller waits for (a booking),
     * and goes before other callers' reads when its turn comes.
     */
    public boolean acquire(Caller caller, boolean completes) throws InterruptedException {
        if (unlimited) {
            return true;
        }
        lock.lock();
        Turns.Ticket ticket = null;
        try {
            ticket = turns.enqueue(caller, completes, nanoTime.getAsLong());
            while (true) {
                long now = nanoTime.getAsLong();
                if (turns.callNext(now)) {
                    changed.signalAll();
                }
                if (ticket.state() == Turns.State.CALLED) {
                    if (turns.paused(now)) {
                        // a pause began since its turn was called: it waits like everyone
                        turns.uncall(ticket);
                        continue;
                    }
                    turns.take(ticket, now);
                    turns.callNext(now);
                    return true;
                }
                if (ticket.state() == Turns.State.EXPIRED) {
                    return false;
                }
                if (turns.called() != null) {
                    // another request's turn: its thread signals once it has taken the slot
                    changed.await();
                    continue;
                }
                if (now + turns.ownWait(ticket, now) > ticket.deadline()) {
                    // its own caps or the budget let no slot come in time: no point waiting
                    return false;
                }
                long wake = now + Math.max(1, turns.nextChange(now));
                if (sleeping.isEmpty() || wake < sleeping.firstKey()) {
                    sleeping.merge(wake, 1, Integer::sum);
                    lock.unlock();
                    try {
                        sleeper.sleepNanos(wake - now);
                    } finally {
                        lock.lock();
                        sleeping.computeIfPresent(wake, (k, n) -> n == 1 ? null : n - 1);
                    }
                } else {
                    changed.await();
                }
            }
        } finally {
            if (ticket != null && ticket.state() != Turns.State.GRANTED) {
                turns.drop(ticket);
            }
            // a thread that waited on this one's sleep or turn looks again
            changed.signalAll();
            lock.unlock();
        }
    }

    /**
     * Gives no slot to anyone for {@code nanos}: the other side answered "too many requests" (its count of the limit
     * can differ from ours — requests arrive bunched up, or another program calls from the same address), so
     * everyone waits as it asked, not only the request that was refused.
     */
    public void pause(long nanos) {
        if (unlimited || nanos <= 0) {
            return;
        }
        lock.lock();
        try {
            turns.pause(nanoTime.getAsLong() + nanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * About how long a request of {@code caller} made now would wait for its slot: its own caps, the budget, and one
     * slot for each caller ahead of it in turn; -1 when its own caps or the budget say it would be refused at once
     * (no slot within its wait). For telling a customer "one moment" before a step starts.
     */
    public long estimateNanos(Caller caller) {
        if (unlimited) {
            return 0;
        }
        lock.lock();
        try {
            return turns.estimate(caller, nanoTime.getAsLong(), spacing());
        } finally {
            lock.unlock();
        }
    }

    /** The time one slot takes when the budget is used up: the slowest of its windows' pace. */
    private long spacing() {
        long spacing = 0;
        for (RequestLimiter.Window w : total.windows()) {
            spacing = Math.max(spacing, w.windowNanos() / Math.max(1, w.permits()));
        }
        return spacing;
    }

    // --- stepping through the decisions on a fake clock, without threads (tests) ---

    /** A request of {@code caller} joins its lane (tests). */
    Turns.Ticket enqueue(Caller caller) {
        return enqueue(caller, false);
    }

    Turns.Ticket enqueue(Caller caller, boolean completes) {
        lock.lock();
        try {
            return turns.enqueue(caller, completes, nanoTime.getAsLong());
        } finally {
            lock.unlock();
        }
    }

    /** Calls the next request whose turn it is, as a waiting thread does (tests); the called one, or null. */
    Turns.Ticket callTurn(long now) {
        lock.lock();
        try {
            turns.callNext(now);
            return turns.called();
        } finally {
            lock.unlock();
        }
    }

    /** The called request's thread takes its slot, now (tests). */
    void takeCalled() {
        lock.lock();
        try {
            turns.take(turns.called(), nanoTime.getAsLong());
        } finally {
            lock.unlock();
        }
    }

    /** Gives every slot free at {@code now}, in order, as if each called request's thread took it at once (tests). */
    void grant(long now) {
        lock.lock();
        try {
            while (turns.callNext(now) && turns.called() != null) {
                turns.take(turns.called(), now);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The nanoseconds until a waiting request may get its slot or reach the end of its wait (tests). */
    long nextChange(long now) {
        lock.lock();
        try {
            return turns.nextChange(now);
        } finally {
            lock.unlock();
        }
    }
}
