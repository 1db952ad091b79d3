package io.github.yclientsbot.telegram;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Telegram's limits before sending, and what its 429s do to the pace, on a fake clock (no real waiting). */
class SendPacerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = SECOND + SECOND / 20;
    private static final long NEVER = Long.MAX_VALUE;
    /** Starts far from zero: System.nanoTime() may be anything, negative included. */
    private final AtomicLong now = new AtomicLong(-7 * SECOND);
    private final long start = now.get();

    /** How much later than asked a sleeping sender wakes. */
    private volatile Duration oversleep = Duration.ZERO;

    private SendPacer pacer(int perSecond) {
        return new SendPacer(perSecond, true, now::get, nanos -> now.addAndGet(nanos + oversleep.toNanos()));
    }

    private long elapsed() {
        return now.get() - start;
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void oneMessageASecondIntoOneChatButOtherChatsGoAtOnce() throws Exception {
        SendPacer p = pacer(30);
        p.acquire(1, NEVER);
        p.acquire(2, NEVER);
        p.acquire(3, NEVER);
        assertEquals(2 * (WINDOW / 30), elapsed(), "three chats: only the even spacing of 30 a second (5% margin)");
        p.acquire(1, NEVER);
        assertEquals(SECOND, elapsed(), "the second message into chat 1 waits until a second after its first");
    }

    @Test
    void theGlobalLimitHoldsAcrossChatsEvenlySpaced() throws Exception {
        SendPacer p = pacer(4);
        for (long chat = 1; chat <= 4; chat++) {
            p.acquire(chat, NEVER);
        }
        assertEquals(3 * (WINDOW / 4), elapsed(), "four messages a second go a quarter of a (slightly long) second apart");
        p.acquire(5, NEVER);
        assertEquals(WINDOW, elapsed(), "the fifth waits until the first leaves the window");
    }

    @Test
    void zeroMeansNoGlobalLimit() throws Exception {
        SendPacer p = pacer(0);
        for (long chat = 1; chat <= 500; chat++) {
            p.acquire(chat, NEVER);
        }
        assertEquals(0, elapsed());
    }

    @Test
    void groupsGetTwentyAMinute() throws Exception {
        SendPacer p = pacer(0);
        for (int i = 0; i < 20; i++) {
            p.acquire(-100, NEVER);
        }
        assertEquals(19 * SECOND, elapsed(), "one a second");
        p.acquire(-100, NEVER);
        assertEquals(60 * SECOND, elapsed(), "the 21st waits until the first leaves the minute");
    }

    @Test
    void aTooManyRequestsForOneChatPausesThatChatAlone() throws Exception {
        SendPacer p = pacer(0);
        assertEquals(SendPacing.Scope.CHAT, p.tooManyRequests(1, Duration.ofSeconds(5)));
        p.acquire(2, NEVER);
        assertEquals(0, elapsed(), "another chat goes at once");
        assertEquals(0, p.pace(), "the pace is not touched by one chat's limit");
        p.acquire(1, NEVER);
        assertEquals(5 * SECOND, elapsed(), "the refused chat waits retry_after");
    }

    @Test
    void tooManyRequestsFromSeveralChatsPauseEverySendAndLowerThePace() throws Exception {
        SendPacer p = pacer(30);
        assertEquals(SendPacing.Scope.CHAT, p.tooManyRequests(1, Duration.ofSeconds(2)));
        assertEquals(SendPacing.Scope.CHAT, p.tooManyRequests(2, Duration.ofSeconds(2)), "two chats may be their own limits");
        advance(Duration.ofMillis(500));
        assertEquals(SendPacing.Scope.BOT, p.tooManyRequests(3, Duration.ofSeconds(2)), "a third chat within 3 s");
        assertEquals(21.0, p.pace(), 1e-9, "multiplicative decrease: 0.7 of 30");
        p.acquire(3, NEVER);
        assertEquals(2500 * 1_000_000L, elapsed(), "a chat never refused waits for the bot's pause too");
        p.acquire(4, NEVER);
        assertEquals(2500 * 1_000_000L + WINDOW / 21, elapsed(), "after the pause: 21 a second, evenly spaced");
    }

    @Test
    void refusalsOfTwoChatsFarApartAreEachTheirChatsOwn() {
        SendPacer p = pacer(30);
        assertEquals(SendPacing.Scope.CHAT, p.tooManyRequests(1, Duration.ofSeconds(1)));
        advance(Duration.ofSeconds(4));
        assertEquals(SendPacing.Scope.CHAT, p.tooManyRequests(2, Duration.ofSeconds(1)));
        assertEquals(30.0, p.pace());
        assertEquals(SendPacing.Scope.CHAT, p.tooManyRequests(2, Duration.ofSeconds(1)), "the same chat twice is still that chat");
        advance(Duration.ofSeconds(2));
        assertEquals(SendPacing.Scope.CHAT, p.tooManyRequests(3, Duration.ofSeconds(1)), "chat 1's was more than 3 s ago");
    }

    /** Telegram lowers the bot's limit to about 3 a second: the pace comes down to it, then climbs with care. */
    private SendPacer stormedDownToThree() {
        SendPacer p = pacer(30);
        long chat = 1;
        while (p.pace() > 3.2) {
            p.tooManyRequests(chat++, Duration.ofSeconds(1));
            p.tooManyRequests(chat++, Duration.ofSeconds(1));
            advance(Duration.ofSeconds(1));
        }
        return p;
    }

    @Test
    void thePaceClimbsSlowlyUpToWhereTelegramRefusedThenFastBackToTheConfiguredOne() {
        SendPacer p = stormedDownToThree();
        double lowered = p.pace();
        double refused = lowered / SendPacer.DECREASE;
        advance(Duration.ofSeconds(5));
        assertEquals(lowered + 0.5, p.pace(), 1e-9, "a tenth of a message a second more for each second");
        double slowSeconds = (refused - lowered) / SendPacer.CLIMB_SLOW;
        advance(Duration.ofNanos((long) ((slowSeconds - 5) * SECOND)));
        assertEquals(refused, p.pace(), 1e-6, "where Telegram refused");
        advance(Duration.ofSeconds(10));
        assertEquals(refused + 10, p.pace(), 1e-6, "above it: a message a second more each second");
        advance(Duration.ofSeconds(30));
        assertEquals(30.0, p.pace(), "back at the configured pace");
        advance(Duration.ofMinutes(10));
        assertEquals(30.0, p.pace(), "and never above it");
    }

    @Test
    void aRefusalAtTheConfiguredPaceClimbsBackFast() {
        SendPacer p = pacer(30);
        for (long chat = 1; chat <= 3; chat++) {
            p.tooManyRequests(chat, Duration.ofSeconds(1));
        }
        advance(Duration.ofSeconds(1 + 8));
        assertEquals(29.0, p.pace(), 1e-9, "a message a second more each second: back at 30 in nine seconds");
        advance(Duration.ofSeconds(1));
        assertEquals(30.0, p.pace());
    }

    @Test
    void oneDecreasePerPauseThenAgainWhenStillOverTheLimitButNeverBelowOneASecond() {
        SendPacer p = pacer(30);
        p.tooManyRequests(1, Duration.ofSeconds(1));
        p.tooManyRequests(2, Duration.ofSeconds(1));
        for (long chat = 3; chat < 10; chat++) {
            assertEquals(SendPacing.Scope.BOT, p.tooManyRequests(chat, Duration.ofSeconds(1)));
        }
        assertEquals(21.0, p.pace(), 1e-9, "429s for messages sent before the pause began do not lower it again");
        advance(Duration.ofSeconds(1));
        assertEquals(SendPacing.Scope.BOT, p.tooManyRequests(11, Duration.ofSeconds(1)), "still within 3 s of the others");
        assertEquals(14.7, p.pace(), 1e-9, "still over the limit after the pause: lowered again");
        for (int i = 0; i < 20; i++) {
            advance(Duration.ofSeconds(1));
            p.tooManyRequests(20 + i, Duration.ofSeconds(1));
        }
        assertEquals(SendPacer.MIN_PACE, p.pace(), 1e-9);
    }

    @Test
    void withNoConfiguredLimitABotWide429StartsFromTelegramsThirtyAndTheLimitIsLiftedAgain() {
        SendPacer p = pacer(0);
        for (long chat = 1; chat <= 3; chat++) {
            p.tooManyRequests(chat, Duration.ofSeconds(1));
        }
        assertEquals(21.0, p.pace(), 1e-9);
        advance(Duration.ofSeconds(1 + 5));
        assertEquals(26.0, p.pace(), 1e-9, "refused at Telegram's usual 30: climbs back fast at once");
        advance(Duration.ofSeconds(4));
        assertEquals(0, p.pace(), "no limit again");
    }

    @Test
    void theGapBetweenMessagesFollowsTheClimb() throws Exception {
        SendPacer p = stormedDownToThree();
        advance(Duration.ofSeconds(1));  // the pause
        long gap1 = gapBetweenTwoMessages(p, 1001);
        advance(Duration.ofSeconds(15));
        long gap2 = gapBetweenTwoMessages(p, 1003);
        assertTrue(gap2 < gap1 * 0.8, "the gap shrinks as the pace climbs: " + gap1 + " then " + gap2);
        assertEquals((double) WINDOW / gap2, p.pace(), 0.2, "the gap is the pace's");
    }

    private long gapBetweenTwoMessages(SendPacer p, long chat) throws Exception {
        p.acquire(chat, NEVER);
        long first = now.get();
        p.acquire(chat + 1, NEVER);
        return now.get() - first;
    }

    @Test
    void aSenderThatWokeLateDoesNotMakeTheNextOneGoEarly() throws Exception {
        SendPacer p = pacer(10);
        p.acquire(1, NEVER);
        oversleep = Duration.ofMillis(50);  // a busy machine: the thread wakes 50 ms after it should
        p.acquire(2, NEVER);
        long late = now.get();
        oversleep = Duration.ZERO;
        p.acquire(3, NEVER);
        assertEquals(WINDOW / 10, now.get() - late, "the next one keeps a whole gap after the late one");
    }

    @Test
    void aTurnAfterTheDeadlineIsRefusedAtOnceAndTakesNoPlace() throws Exception {
        SendPacer p = pacer(30);
        p.tooManyRequests(1, Duration.ofSeconds(10));
        assertFalse(p.acquire(1, now.get() + 5 * SECOND));
        assertFalse(p.awaitPause(1, now.get() + 5 * SECOND));
        assertEquals(0, elapsed(), "nothing waited for");
        assertTrue(p.acquire(1, now.get() + 10 * SECOND));
        assertEquals(10 * SECOND, elapsed());

        SendPacer slow = pacer(1);
        slow.acquire(5, NEVER);
        long before = elapsed();
        assertFalse(slow.acquire(6, now.get() + SECOND / 2), "its place in the pace is a second away");
        assertEquals(before, elapsed());
        assertTrue(slow.acquire(6, NEVER));
        assertEquals(before + WINDOW, elapsed(), "the refused turn did not push the next one back");
    }

    @Test
    void aBackOffPausesItsChatOnly() throws Exception {
        SendPacer p = pacer(0);
        p.backOff(1, Duration.ofSeconds(2));
        p.acquire(2, NEVER);
        assertEquals(0, elapsed());
        p.awaitPause(1, NEVER);
        assertEquals(2 * SECOND, elapsed());
        assertEquals(0, p.pace());
    }

    @Test
    void theUnpacedPacingStillPausesButOnAClockThatJumpsOverThePause() throws Exception {
        SendPacing p = SendPacing.unpaced();
        assertFalse(p.pacesChats());
        assertEquals(0, p.perSecond());
        p.tooManyRequests(1, Duration.ofSeconds(30));
        long before = p.nanoTime();
        long realBefore = System.nanoTime();
        assertTrue(p.acquire(1, Long.MAX_VALUE));
        assertTrue(p.nanoTime() - before >= 30 * SECOND, "the pacer's clock passed the pause");
        assertTrue(System.nanoTime() - realBefore < 10 * SECOND, "without waiting for it");
    }
}
