package io.github.yclientsbot.ratelimit;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who goes next at a {@link FairScheduler}: a lane per {@link Caller} with its own cap, the order of the customers'
 * (and background work's) turns, the request whose turn is called, a pause. The decisions only, with no waiting and
 * no lock: the scheduler holds its lock around every call.
 */
final class Turns {
    private static final int PRUNE_ABOVE = 256;

    private final RequestLimiter total;
    private final Shares shares;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final RequestLimiter allButAdmins;
    private final Lane admins;
    private final Lane background;
    private final Lane reminders;
    private final Map<Long, Lane> customers = new HashMap<>();
    /** Lanes of customers and background work with a request waiting, in the order of their turns. */
    private final ArrayDeque<Lane> turns = new ArrayDeque<>();
    private final long longestWindow;
    private long grants;
    /** No slot is given before this (the budget's owner said "too many requests"); 0: no pause. */
    private long pausedUntil;
    /** The request whose turn it is, until its thread takes the slot; null: none. */
    private Ticket called;

    Turns(RequestLimiter total, Shares shares, LongSupplier nanoTime, Sleeper sleeper) {
        this.total = total;
        this.shares = shares;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.allButAdmins = limiter(shares.allButAdmins());
        this.admins = new Lane(Caller.ADMIN, limiter(shares.admins()));
        this.background = new Lane(Caller.BACKGROUND, limiter(shares.background()));
        this.reminders = new Lane(Caller.REMINDERS, limiter(shares.reminders()));
        this.longestWindow = total.windows().stream().mapToLong(RequestLimiter.Window::windowNanos).max().orElse(0);
    }

    /** A request of {@code caller} joins its lane (and its lane the turns). */
    Ticket enqueue(Caller caller, boolean completes, long now) {
        Lane lane = lane(caller, now);
        Ticket t = new Ticket(lane, now + shares.waitFor(caller).toNanos(), completes);
        lane.waiting.addLast(t);
        if (lane != admins && !lane.inTurn) {
            lane.inTurn = true;
            turns.addLast(lane);
        }
        return t;
    }

    /** The request whose turn is called and not taken yet, or null. */
    Ticket called() {
        return called;
    }

    void pause(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }

    boolean paused(long now) {
        return now < pausedUntil;
    }

    /**
     * Drops the requests past their wait and, unless a request's turn is already called, calls the next one whose
     * turn it is (see {@link FairScheduler}). True when something changed.
     */
    boolean callNext(long now) {
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

    /** A pause began after {@code t}'s turn was called: it waits again like everyone. */
    void uncall(Ticket t) {
        t.state = State.WAITING;
        called = null;
    }

    /** {@code t}'s thread takes its slot now: the budget, the part it may use and its lane's cap count it. */
    void take(Ticket t, long now) {
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
        if (t == called) {
            called = null;
        }
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

    /** {@code t} gives up (its wait is over, or its thread was interrupted). */
    void drop(Ticket t) {
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

    /** How long {@code t} waits however the turns go: the budget, the part it may use, its own cap. */
    long ownWait(Ticket t, long now) {
        return ownWait(t.lane, now);
    }

    /**
     * About how long a request of {@code caller} made now would wait (see {@link FairScheduler#estimateNanos}),
     * with {@code spacing} for each caller ahead of it; -1 when it would be refused at once.
     */
    long estimate(Caller caller, long now, long spacing) {
        Lane lane = existingLane(caller);
        long own = ownWait(lane == null ? new Lane(caller, limiter(List.of())) : lane, now);
        if (own > shares.waitFor(caller).toNanos()) {
            return -1;
        }
        int ahead = admins.waiting.size();
        if (caller.kind() != Caller.Kind.ADMIN) {
            ahead += turns.size() - (lane != null && lane.inTurn ? 1 : 0) + (lane == null ? 0 : lane.waiting.size());
        }
        return own + ahead * spacing;
    }

    private long ownWait(Lane lane, long now) {
        long wait = Math.max(Math.max(total.nanosUntilFree(), pausedUntil - now), lane.cap.nanosUntilFree());
        return Math.max(0, lane == admins ? wait : Math.max(wait, allButAdmins.nanosUntilFree()));
    }

    /** Admins first; then the first lane in turn whose next request completes a booking; then the first in turn. */
    private Ticket nextEligible() {
        if (total.nanosUntilFree() > 0) {
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
            case REMINDERS -> reminders;
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

        long deadline() {
            return deadline;
        }

        /** 1 for the first slot the scheduler gave, 2 for the next…; 0 while not given. */
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
