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
        assertEquals(0, now.get(), "three chats, no wait");
        p.acquire(1);
        assertEquals(SECOND, now.get(), "the second message into chat 1 waits a second");
    }

    @Test
    void theGlobalLimitHoldsAcrossChats() throws Exception {
        SendPacer p = pacer(3);
        for (long chat = 1; chat <= 3; chat++) {
            p.acquire(chat);
        }
        p.acquire(4);
        assertEquals(SECOND, now.get(), "the fourth message in the same second waits");
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
