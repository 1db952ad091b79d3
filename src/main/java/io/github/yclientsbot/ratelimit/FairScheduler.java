package io.github.yclientsbot.ratelimit;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * the limiter's injected clock: tests run on a fake one.
 */
public final class FairScheduler {
    private static final int PRUNE_ABOVE = 256;

    private final RequestLimiter total;
    private final Shares shares;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final boolean unlimited;
    private final RequestLimiter allButAdmins;
    private final Lane admins;
    private final Lane background;
    private final Map<Long, Lane> customers = new HashMap<>();
    /** Lanes of customers and background work with a request waiting, in the order of their turns. */
    private final ArrayDeque<Lane> turns = new ArrayDeque<>();
    /** When the threads sleeping on the clock wake up (several may share a time). */
    private final TreeMap<Long, Integer> sleeping = new TreeMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long longestWindow;
    private long grants;
    /** No slot is given before this (the budget's owner said "too many requests"); 0: no pause. */
    private long pausedUntil;
    /** The request whose turn it is, until its thread takes the slot; null: none. */
    private Ticket called;

    /** Shares {@code total} (whose clock and sleeper it waits with) as {@code shares} says. */
    public FairScheduler(RequestLimiter total, Shares shares) {
        this.total = Objects.requireNonNull(total, "total");
        this.shares = Objects.requireNonNull(shares, "shares");
        this.nanoTime = total.nanoTime();
        this.sleeper = total.sleeper();
        this.unlimited = total.windows().isEmpty();
        this.allButAdmins = limiter(shares.allButAdmins());
        this.admins = new Lane(Caller.ADMIN, limiter(shares.admins()));
        this.background = new Lane(Caller.BACKGROUND, limiter(shares.background()));
        this.longestWindow = total.windows().stream().mapToLong(RequestLimiter.Window::windowNanos).max().orElse(0);
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
        Ticket ticket = null;
        try {
            ticket = enqueue(caller, completes);
            while (true) {
                long now = nanoTime.getAsLong();
                if (callNext(now)) {
                    changed.signalAll();
                }
                if (ticket.state == State.CALLED) {
                    if (now < pausedUntil) {
                        // a pause began since it was called: it waits like everyone
                        ticket.state = State.WAITING;
                        called = null;
                        continue;
                    }
                    take(ticket, now);
                    called = null;
                    callNext(now);
                    return true;
                }
                if (ticket.state == State.EXPIRED) {
                    return false;
                }
                if (called != null) {
                    // another request's turn: its thread signals once it has taken the slot
                    changed.await();
                    continue;
                }
                if (now + ownWait(ticket.lane) > ticket.deadline) {
                    // its own caps or the budget let no slot come in time: no point waiting
                    return false;
                }
                long wake = now + Math.max(1, nextChange(now));
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
            if (ticket != null && (ticket.state == State.WAITING || ticket.state == State.CALLED)) {
                drop(ticket);
            }
            // a thread that waited on this one's sleep looks again
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
            pausedUntil = Math.max(pausedUntil, nanoTime.getAsLong() + nanos);
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
            Lane lane = existingLane(caller);
            long own = ownWait(lane == null ? new Lane(caller, limiter(List.of())) : lane);
            if (own > shares.waitFor(caller).toNanos()) {
                return -1;
            }
            int ahead = admins.waiting.size();
            if (caller.kind() != Caller.Kind.ADMIN) {
                ahead += turns.size() - (lane != null && lane.inTurn ? 1 : 0) + (lane == null ? 0 : lane.waiting.size());
            }
            return own + ahead * spacing();
        } finally {
            lock.unlock();
        }
    }

    // --- the decisions, under the lock (package-private: the tests step through them on a fake clock) ---

    /** A request of {@code caller} joins its lane (and its lane the turns). */
    Ticket enqueue(Caller caller) {
        return enqueue(caller, false);
    }

    Ticket enqueue(Caller caller, boolean completes) {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            Lane lane = lane(caller, now);
            Ticket t = new Ticket(lane, now + shares.waitFor(caller).toNanos(), completes);
            lane.waiting.addLast(t);
            if (lane != admins && !lane.inTurn) {
                lane.inTurn = true;
                turns.addLast(lane);
            }
            return t;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the requests past their wait and, unless a request's turn is already called, calls the next one whose
     * turn it is (see the class comment). True when something changed.
     */
    private boolean callNext(long now) {
        boolean any = expire(now);
        if (called == null && now >= pausedUntil) {
            Ticket next = nextEligible();
            if (next != null) {
                next.state = State.CALLED;
                called = next;
                any = true;
            }
        }
        return any;
    }

    /** Calls the next request whose turn it is, as a waiting thread does (tests); the called one, or null. */
    Ticket callTurn(long now) {
        lock.lock();
        try {
            callNext(now);
            return called;
        } finally {
            lock.unlock();
        }
    }

    /** The called request's thread takes its slot, now (tests). */
    void takeCalled() {
        lock.lock();
        try {
            take(called, nanoTime.getAsLong());
            called = null;
        } finally {
            lock.unlock();
        }
    }

    /** Gives every slot free at {@code now}, in order, as if each called request's thread took it at once (tests). */
    void grant(long now) {
        lock.lock();
        try {
            while (callNext(now) && called != null) {
                take(called, now);
                called = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The nanoseconds until a waiting request may get its slot or reach the end of its wait (MAX: none waits). */
    long nextChange(long now) {
        long best = Long.MAX_VALUE;
        long budget = Math.max(total.nanosUntilFree(), pausedUntil - now);
        if (!admins.waiting.isEmpty()) {
            best = Math.min(best, Math.max(budget, admins.cap.nanosUntilFree()));
            best = Math.min(best, admins.waiting.peekFirst().deadline - now);
        }
        if (!turns.isEmpty()) {
            long shared = Math.max(budget, allButAdmins.nanosUntilFree());
            for (Lane l : turns) {
                best = Math.min(best, Math.max(shared, l.cap.nanosUntilFree()));
                for (Ticket t : l.waiting) {
                    best = Math.min(best, t.deadline - now);
                }
            }
        }
        return Math.max(0, best);
    }

    private Ticket nextEligible() {
        if (total.nanosUntilFree() > 0 || nanoTime.getAsLong() < pausedUntil) {
            return null;
        }
        if (!admins.waiting.isEmpty() && admins.cap.nanosUntilFree() == 0) {
            return admins.waiting.peekFirst();
        }
        if (turns.isEmpty() || allButAdmins.nanosUntilFree() > 0) {
            return null;
        }
        Ticket read = null;
        for (Lane l : turns) {
            if (l.cap.nanosUntilFree() == 0) {
                Ticket next = l.waiting.peekFirst();
                if (next.completes) {
                    return next;
                }
                read = read == null ? next : read;
            }
        }
        return read;
    }

    private void take(Ticket t, long now) {
        Lane lane = t.lane;
        if (total.tryAcquire() != 0) {
            throw new IllegalStateException("the budget had no free slot after all");
        }
        if (lane != admins) {
            allButAdmins.tryAcquire();
        }
        lane.cap.tryAcquire();
        lane.lastUsed = now;
        lane.waiting.remove(t);
        t.state = State.GRANTED;
        t.order = ++grants;
        if (lane != admins) {
            // its turn is used: to the back of the line, or out of it when nothing else waits there
            turns.remove(lane);
            if (lane.waiting.isEmpty()) {
                lane.inTurn = false;
            } else {
                turns.addLast(lane);
            }
        }
    }

    private boolean expire(long now) {
        boolean any = expire(admins, now);
        for (Iterator<Lane> it = turns.iterator(); it.hasNext(); ) {
            Lane l = it.next();
            any |= expire(l, now);
            if (l.waiting.isEmpty()) {
                l.inTurn = false;
                it.remove();
            }
        }
        return any;
    }

    private static boolean expire(Lane lane, long now) {
        boolean any = false;
        for (Iterator<Ticket> it = lane.waiting.iterator(); it.hasNext(); ) {
            Ticket t = it.next();
            if (t.deadline <= now && t.state == State.WAITING) {
                t.state = State.EXPIRED;
                it.remove();
                any = true;
            }
        }
        return any;
    }

    private void drop(Ticket t) {
        if (t == called) {
            called = null;
        }
        t.lane.waiting.remove(t);
        t.state = State.EXPIRED;
        if (t.lane.inTurn && t.lane.waiting.isEmpty()) {
            t.lane.inTurn = false;
            turns.remove(t.lane);
        }
    }

    /** How long {@code lane} waits however the turns go: the budget, the part it may use, its own cap. */
    private long ownWait(Lane lane) {
        long paused = Math.max(0, pausedUntil - nanoTime.getAsLong());
        long wait = Math.max(Math.max(total.nanosUntilFree(), paused), lane.cap.nanosUntilFree());
        return lane == admins ? wait : Math.max(wait, allButAdmins.nanosUntilFree());
    }

    /** The time one slot takes when the budget is used up: the slowest of its windows' pace. */
    private long spacing() {
        long spacing = 0;
        for (RequestLimiter.Window w : total.windows()) {
            spacing = Math.max(spacing, w.windowNanos() / Math.max(1, w.permits()));
        }
        return spacing;
    }

    private Lane lane(Caller caller, long now) {
        Lane existing = existingLane(caller);
        if (existing != null) {
            return existing;
        }
        if (customers.size() > PRUNE_ABOVE) {
            // a customer idle for longer than the longest window has nothing left in it
            customers.values().removeIf(l -> l.waiting.isEmpty() && now - l.lastUsed > longestWindow);
        }
        Lane lane = new Lane(caller, limiter(shares.eachCustomer()));
        customers.put(caller.id(), lane);
        return lane;
    }

    private Lane existingLane(Caller caller) {
        return switch (caller.kind()) {
            case ADMIN -> admins;
            case BACKGROUND -> background;
            case CUSTOMER -> customers.get(caller.id());
        };
    }

    private RequestLimiter limiter(List<RequestLimiter.Window> windows) {
        return new RequestLimiter(windows, nanoTime, sleeper);
    }

    enum State {
        WAITING,
        /** Its turn: its thread takes the slot as soon as it runs. */
        CALLED,
        GRANTED,
        EXPIRED
    }

    /** One request waiting for its slot. */
    static final class Ticket {
        private final Lane lane;
        private final long deadline;
        private final boolean completes;
        private State state = State.WAITING;
        private long order;

        private Ticket(Lane lane, long deadline, boolean completes) {
            this.lane = lane;
            this.deadline = deadline;
            this.completes = completes;
        }

        State state() {
            return state;
        }

        /** 1 for the first slot this scheduler gave, 2 for the next…; 0 while not given. */
        long order() {
            return order;
        }

        Caller caller() {
            return lane.caller;
        }
    }

    private static final class Lane {
        private final Caller caller;
        private final RequestLimiter cap;
        private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
        private boolean inTurn;
        private long lastUsed;

        private Lane(Caller caller, RequestLimiter cap) {
            this.caller = caller;
            this.cap = cap;
        }
    }
}
