package io.github.yclientsbot.telegram;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Keeps the bot under Telegram's limits before it sends, and slows it down when Telegram says it is over them anyway.
 *
 * <ul>
 *   <li>The pace: at most {@code perSecond} messages a second over all chats (configurable, 0 = off), evenly spaced
 *       and 5% under the limit (a burst at a window's edge reaches Telegram bunched up by network jitter), and at most
 *       one a second into one chat (20 a minute into a group).</li>
 *   <li>A 429 for one chat pauses that chat for Telegram's {@code retry_after}. 429s from {@link #BOT_WIDE_CHATS}
 *       chats within {@link #BOT_WIDE_WITHIN} mean the bot as a whole is over its limit (Telegram may lower it
 *       below 30 a second): every send pauses for {@code retry_after}, and the pace drops once for that pause to
 *       {@link #DECREASE} of what it was (multiplicative decrease, not below one a second), then climbs back
 *       (additive increase): by {@link #CLIMB_SLOW} messages a second for every second up to the pace Telegram
 *       refused — that is where its limit is, so approached with care —, and by {@link #CLIMB_FAST} above it (the
 *       limit was lifted), until it is back at the configured pace. A refusal at the configured pace itself (30 a
 *       second is Telegram's usual limit: most likely messages bunched up on the way) climbs back fast at once. In a benchmark where Telegram allowed 3 a
 *       second (docs/BENCHMARKS.md) this spent fewer seconds and drew fewer 429s than halving and one steady
 *       climb.</li>
 *   <li>A failed call (5xx, network) pauses its chat for the sender's back-off.</li>
 * </ul>
 *
 * A sender waits here for its turn, or is told at once that its turn would come after its deadline; the number
 * waiting is the send queue's depth in /status and /metrics. Time and waiting are injected, so tests never sleep.
 */
final class SendPacer implements SendPacing {
    private static final Logger log = LoggerFactory.getLogger(SendPacer.class);
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_TRACKED_CHATS = 10_000;
    /** The pace's window: a second and 5%. */
    private static final long WINDOW = SECOND + SECOND / 20;
    /** 429s from this many different chats ... */
    static final int BOT_WIDE_CHATS = 3;
    /** ... within this long mean the bot as a whole is over its limit. */
    static final Duration BOT_WIDE_WITHIN = Duration.ofSeconds(3);
    /** What a bot-wide 429 does to the pace. */
    static final double DECREASE = 0.7;
    /** Messages a second the pace gains for every second after a bot-wide pause, up to the pace that was refused ... */
    static final double CLIMB_SLOW = 0.1;
    /** ... and above it. */
    static final double CLIMB_FAST = 1;
    /** The pace never goes below this (Telegram's retry_after still pauses everything when it must). */
    static final double MIN_PACE = 1;
    /** With no configured limit, a bot-wide 429 halves Telegram's documented 30 a second; reaching it again lifts the pace. */
    static final double UNLIMITED_BASE = 30;

    private record Refusal(long at, long chatId) {}

    /** One chat's limits and pause; {@code pausedUntil} guarded by the pacer. */
    private static final class Chat {
        final RequestLimiter limiter;
        long pausedUntil = Long.MIN_VALUE;

        Chat(RequestLimiter limiter) {
            this.limiter = limiter;
        }
    }

    private final int perSecond;
    private final boolean pacesChats;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<Long, Chat> chats = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    // guarded by this
    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    /** When the last message took its place in the bot's pace. */
    private long lastTaken = Long.MIN_VALUE;
    /** The pace right after the last bot-wide pause began; 0 = not lowered (the configured pace). */
    private double loweredTo;
    /** The pace Telegram refused then. */
    private double refusedAt;
    /** When the climb from {@link #loweredTo} starts: the end of that pause. */
    private long climbFrom;

    /**
     * @param perSecond  messages a second over all chats; 0 = no global limit
     * @param pacesChats whether each chat gets at most one a second (a group 20 a minute)
     */
    SendPacer(int perSecond, boolean pacesChats, LongSupplier nanoTime, Sleeper sleeper) {
        this.perSecond = Math.max(0, perSecond);
        this.pacesChats = pacesChats;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    @Override
    public boolean acquire(long chatId, long deadlineNanos) throws InterruptedException {
        waiting.incrementAndGet();
        try {
            Chat chat = chat(chatId);
            boolean chatPlace = chat.limiter == null;
            while (true) {
                long now = nanoTime.getAsLong();
                long pause = pauseEnd(chat);
                if (pause > now) {
                    if (pause > deadlineNanos) {
                        return false;
                    }
                    sleeper.sleepNanos(pause - now);
                    continue;
                }
                if (!chatPlace) {
                    if (due(now) > deadlineNanos) {
                        return false; // known before a place in the chat's own window is taken
                    }
                    long wait = chat.limiter.tryAcquire();
                    if (wait > 0) {
                        if (now + wait > deadlineNanos) {
                            return false;
                        }
                        sleeper.sleepNanos(wait);
                        continue;
                    }
                    chatPlace = true;
                }
                long wait = take(now, deadlineNanos);
                if (wait < 0) {
                    return false;
                }
                if (wait == 0) {
                    return true;
                }
                sleeper.sleepNanos(wait); // then again: a pause may have begun, another sender may have gone first

            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    @Override
    public boolean awaitPause(long chatId, long deadlineNanos) throws InterruptedException {
        waiting.incrementAndGet();
        try {
            Chat chat = chat(chatId);
            while (true) {
                long now = nanoTime.getAsLong();
                long pause = pauseEnd(chat);
                if (pause <= now) {
                    return true;
                }
                if (pause > deadlineNanos) {
                    return false;
                }
                sleeper.sleepNanos(pause - now);
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    @Override
    public synchronized Scope tooManyRequests(long chatId, Duration retryAfter) {
        long now = nanoTime.getAsLong();
        long wait = Math.max(0, retryAfter.toNanos());
        Chat chat = chat(chatId);
        chat.pausedUntil = Math.max(chat.pausedUntil, now + wait);
        refusals.addLast(new Refusal(now, chatId));
        while (refusals.peekFirst().at() < now - BOT_WIDE_WITHIN.toNanos()) {
            refusals.removeFirst();
        }
        long chatsRefused = refusals.stream().mapToLong(Refusal::chatId).distinct().count();
        if (chatsRefused < BOT_WIDE_CHATS) {
            return Scope.CHAT;
        }
        if (now >= pausedUntil) {
            // a new pause: slow down once for it (429s for messages sent before it began say nothing new)
            double before = pace(now);
            refusedAt = Double.isInfinite(before) ? UNLIMITED_BASE : before;
            loweredTo = Math.max(MIN_PACE, refusedAt * DECREASE);
            log.info("Telegram refused messages to {} chats within {} s: the bot is over its limit. Every send pauses {} s;"
                            + " the pace drops from {} to {} a second, then climbs back",
                    chatsRefused, BOT_WIDE_WITHIN.toSeconds(), seconds(wait), format(refusedAt), format(loweredTo));
        }
        pausedUntil = Math.max(pausedUntil, now + wait);
        if (loweredTo > 0) {
            climbFrom = pausedUntil;
        }
        return Scope.BOT;
    }

    @Override
    public synchronized void backOff(long chatId, Duration wait) {
        Chat chat = chat(chatId);
        chat.pausedUntil = Math.max(chat.pausedUntil, nanoTime.getAsLong() + Math.max(0, wait.toNanos()));
    }

    @Override
    public long nanoTime() {
        return nanoTime.getAsLong();
    }

    @Override
    public int waiting() {
        return waiting.get();
    }

    @Override
    public int perSecond() {
        return perSecond;
    }

    @Override
    public synchronized double pace() {
        double pace = pace(nanoTime.getAsLong());
        return Double.isInfinite(pace) ? 0 : pace;
    }

    @Override
    public boolean pacesChats() {
        return pacesChats;
    }

    @Override
    public String toString() {
        if (!pacesChats && perSecond == 0) {
            return "SendPacer[no limits; 429s and back-offs pause]";
        }
        return "SendPacer[" + (perSecond == 0 ? "no global limit" : perSecond + "/s") + ", 1/s per chat, 20/min per group,"
                + " 429s pause a chat or the bot and slow it down]";
    }

    /** The end of the pause {@code chat} is under (its own or the bot's); in the past when there is none. */
    private synchronized long pauseEnd(Chat chat) {
        return Math.max(pausedUntil, chat.pausedUntil);
    }

    /**
     * When the bot's next message may go: one gap of the pace (as it is now) after the last one went, or now.
     * A sender takes its place only when it is due and records the moment it really took it: one that woke late
     * does not make the next one go early, and the gap follows the pace as it climbs.
     */
    private synchronized long due(long now) {
        double pace = pace(now);
        return Double.isInfinite(pace) || lastTaken == Long.MIN_VALUE ? now
                : Math.max(now, lastTaken + (long) (WINDOW / pace));
    }

    /** Takes the bot's next place if it is due: 0; else the nanoseconds until it is, or -1 when that is past the deadline. */
    private synchronized long take(long now, long deadlineNanos) {
        long due = due(now);
        if (due <= now) {
            lastTaken = now;
            return 0;
        }
        return due > deadlineNanos ? -1 : due - now;
    }

    /** Messages a second at {@code now}, infinite when there is no limit; ends a climb that reached the top. */
    private double pace(long now) {
        double pace = paceAt(now);
        if (loweredTo > 0 && pace == configuredPace()) {
            loweredTo = 0;
            log.info("Sending is back at its full pace ({})", perSecond > 0 ? perSecond + " a second" : "no limit");
        }
        return pace;
    }

    /** Messages a second at {@code time} (now or ahead), infinite when there is no limit. Called with the lock held. */
    private double paceAt(long time) {
        if (loweredTo == 0) {
            return configuredPace();
        }
        double seconds = Math.max(0, time - climbFrom) / (double) SECOND;
        // refused at the configured pace: Telegram's usual limit, most likely a burst bunched up on the way
        double slowUpTo = refusedAt >= (perSecond > 0 ? perSecond : UNLIMITED_BASE) ? loweredTo : refusedAt;
        double slowFor = Math.max(0, slowUpTo - loweredTo) / CLIMB_SLOW;
        double climbed = seconds <= slowFor ? loweredTo + CLIMB_SLOW * seconds
                : Math.max(loweredTo, slowUpTo) + CLIMB_FAST * (seconds - slowFor);
        return climbed < (perSecond > 0 ? perSecond : UNLIMITED_BASE) ? climbed : configuredPace();
    }

    private double configuredPace() {
        return perSecond > 0 ? perSecond : Double.POSITIVE_INFINITY;
    }

    private Chat chat(long chatId) {
        if (chats.size() > MAX_TRACKED_CHATS) {
            // the windows are seconds long and a pause minutes at most: forgetting chats not paused loses nothing
            long now = nanoTime.getAsLong();
            synchronized (this) {
                chats.values().removeIf(c -> c.pausedUntil <= now);
            }
        }
        return chats.computeIfAbsent(chatId, id -> new Chat(!pacesChats ? null : new RequestLimiter(
                id < 0 ? List.of(new RequestLimiter.Window(20, 60 * SECOND), new RequestLimiter.Window(1, SECOND))
                        : List.of(new RequestLimiter.Window(1, SECOND)),
                nanoTime, sleeper)));
    }

    private static String seconds(long nanos) {
        return format(nanos / (double) SECOND);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.1f", value);
    }
}
