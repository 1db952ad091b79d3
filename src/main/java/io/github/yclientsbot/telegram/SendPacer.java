package io.github.yclientsbot.telegram;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Keeps the bot under Telegram's limits before it sends, so it does not collect 429s: about 30
 * messages a second for the whole bot (configurable, 0 = off) and about one a second into one chat
 * (20 a minute into a group). A sender waits here for its turn; the number waiting is the send
 * queue's depth shown in /status and /metrics. Answers to button presses do not come through here.
 */
final class SendPacer implements SendPacing {
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_TRACKED_CHATS = 10_000;

    private final RequestLimiter global;
    private final Map<Long, RequestLimiter> perChat = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final int perSecond;
    private final AtomicInteger waiting = new AtomicInteger();

    SendPacer(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.perSecond = Math.max(0, perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        // at most perSecond in any second, and evenly spaced: a burst sent at the window's edge would reach
        // Telegram bunched up by network jitter and cross its limit there
        // (and 5% under the limit, for the same reason)
        long window = SECOND + SECOND / 20;
        this.global = perSecond <= 0 ? null
                : new RequestLimiter(List.of(new RequestLimiter.Window(perSecond, window),
                        new RequestLimiter.Window(1, window / perSecond)), nanoTime, sleeper);
    }

    @Override
    public void acquire(long chatId) throws InterruptedException {
        waiting.incrementAndGet();
        try {
            chatLimiter(chatId).acquire(Long.MAX_VALUE);
            if (global != null) {
                global.acquire(Long.MAX_VALUE);
            }
        } finally {
            waiting.decrementAndGet();
        }
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
    public boolean pacesChats() {
        return true;
    }

    @Override
    public String toString() {
        return "SendPacer[" + (perSecond == 0 ? "no global limit" : perSecond + "/s") + ", 1/s per chat, 20/min per group]";
    }

    private RequestLimiter chatLimiter(long chatId) {
        if (perChat.size() > MAX_TRACKED_CHATS) {
            // the windows are seconds long: forgetting old chats loses nothing that matters
            perChat.clear();
        }
        return perChat.computeIfAbsent(chatId, id -> new RequestLimiter(
                id < 0 ? List.of(new RequestLimiter.Window(20, 60 * SECOND), new RequestLimiter.Window(1, SECOND))
                        : List.of(new RequestLimiter.Window(1, SECOND)),
                nanoTime, sleeper));
    }
}
