package io.github.yclientsbot.telegram;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Telegram's limits before sending, on a fake clock (no real waiting). */
class SendPacerTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong();

    private SendPacer pacer(int perSecond) {
        return new SendPacer(perSecond, now::get, now::addAndGet);
    }

    @Test
    void oneMessageASecondIntoOneChatButOtherChatsGoAtOnce() throws Exception {
        SendPacer p = pacer(30);
        p.acquire(1);
        p.acquire(2);
        p.acquire(3);
        assertEquals(2 * (SECOND + SECOND / 20) / 30, now.get(), "three chats: only the even spacing of 30 a second (5% margin)");
        p.acquire(1);
        assertEquals(SECOND, now.get(), "the second message into chat 1 waits until a second after its first");
    }

    @Test
    void theGlobalLimitHoldsAcrossChatsEvenlySpaced() throws Exception {
        SendPacer p = pacer(4);
        for (long chat = 1; chat <= 4; chat++) {
            p.acquire(chat);
        }
        long window = SECOND + SECOND / 20;
        assertEquals(3 * (window / 4), now.get(), "four messages a second go a quarter of a (slightly long) second apart");
        p.acquire(5);
        assertEquals(window, now.get(), "the fifth waits until the first leaves the window");
    }

    @Test
    void zeroMeansNoGlobalLimit() throws Exception {
        SendPacer p = pacer(0);
        for (long chat = 1; chat <= 500; chat++) {
            p.acquire(chat);
        }
        assertEquals(0, now.get());
    }

    @Test
    void groupsGetTwentyAMinute() throws Exception {
        SendPacer p = pacer(0);
        for (int i = 0; i < 20; i++) {
            p.acquire(-100);
        }
        long afterTwenty = now.get();
        assertEquals(19 * SECOND, afterTwenty, "one a second");
        p.acquire(-100);
        assertEquals(60 * SECOND, now.get(), "the 21st waits until the first leaves the minute");
    }
}
