package io.github.yclientsbot.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fair share of YCLIENTS's budget on a fake clock that only the sleeper moves: a busy customer cannot delay
 * another's Confirm, a part is kept for admin commands, background work is capped, and a caller gives up at once
 * when no slot can come within its wait.
 */
class FairSchedulerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Caller ANN = Caller.customer(1);
    private static final Caller BOB = Caller.customer(2);

    private final AtomicLong now = new AtomicLong();
    private final AtomicLong slept = new AtomicLong();
    private final Sleeper skipping = nanos -> {
        slept.addAndGet(nanos);
        now.addAndGet(nanos);
    };
    private final FairScheduler scheduler = new FairScheduler(new RequestLimiter(
            List.of(new RequestLimiter.Window(5, SECOND), new RequestLimiter.Window(200, 60 * SECOND)), now::get, skipping),
            Shares.YCLIENTS);

    @Test
    void aCustomerWithManyRequestsWaitingDelaysAnothersConfirmByOneTurnAtMost() {
        List<Turns.Ticket> ann = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ann.add(scheduler.enqueue(ANN));
        }
        Turns.Ticket check = scheduler.enqueue(BOB);
        Turns.Ticket record = scheduler.enqueue(BOB);

        scheduler.grant(now.get());

        assertEquals(Turns.State.GRANTED, check.state());
        assertEquals(Turns.State.GRANTED, record.state());
        assertEquals(2, check.order(), "Bob's book_check goes right after Ann's first request");
        assertEquals(4, record.order(), "and his book_record after her second");
        assertEquals(3, ann.stream().filter(t -> t.state() == Turns.State.GRANTED).count(),
                "Ann got the rest of the second, up to her own 3 a second");
    }

    @Test
    void aConfirmGoesBeforeOtherCustomersLookingAround() {
        List<Turns.Ticket> reads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reads.add(scheduler.enqueue(Caller.customer(100 + i)));
        }
        Turns.Ticket check = scheduler.enqueue(BOB, true);

        scheduler.grant(now.get());

        assertEquals(1, check.order(), "Bob's book_check goes first though eight reads waited before it");
        assertEquals(4, reads.stream().filter(t -> t.state() == Turns.State.GRANTED).count());
    }

    @Test
    void aCustomerTappingAroundAloneCannotUseUpTheMinuteForTheNext() throws Exception {
        int ann = 0;
        while (scheduler.acquire(ANN)) {
            ann++;
        }
        assertEquals(30, ann, "one customer takes at most 30 a minute, then is told to wait");
        long refusedAt = now.get();

        long before = slept.get();
        assertTrue(scheduler.acquire(BOB));
        assertTrue(scheduler.acquire(BOB));
        assertEquals(before, slept.get(), "Bob's Confirm (book_check + book_record) did not wait at all");
        assertEquals(refusedAt, now.get());
    }

    @Test
    void withoutTheSharesOneCustomerCouldUseTheWholeMinute() throws Exception {
        FairScheduler unshared = new FairScheduler(new RequestLimiter(
                List.of(new RequestLimiter.Window(5, SECOND), new RequestLimiter.Window(200, 60 * SECOND)), now::get,
                skipping), new Shares(List.of(), List.of(), List.of(), List.of(),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)));
        for (int i = 0; i < 200; i++) {
            assertTrue(unshared.acquire(ANN));
        }
        long before = now.get();
        assertTrue(unshared.acquire(BOB));
        assertTrue(now.get() - before > 10 * SECOND, "the contrast: Bob waited for the minute to roll over");
    }

    @Test
    void adminCommandsAreServedWhileCustomersUseEverythingElse() throws Exception {
        for (int i = 0; i < 190; i++) {
            assertTrue(scheduler.acquire(Caller.customer(1000 + i)));
        }
        assertFalse(scheduler.acquire(Caller.customer(5000)),
                "the customers' part of the minute is used: a new customer is told to wait, at once");
        long before = now.get();
        for (int i = 0; i < 10; i++) {
            assertTrue(scheduler.acquire(Caller.ADMIN));
        }
        assertTrue(now.get() - before <= 2 * SECOND, "ten admin calls within two seconds, not after the minute: "
                + (now.get() - before) / 1_000_000 + " ms");
    }

    @Test
    void adminsGoFirstWhenTheyWait() {
        Turns.Ticket ann = scheduler.enqueue(ANN);
        Turns.Ticket admin = scheduler.enqueue(Caller.ADMIN);
        scheduler.grant(now.get());
        assertEquals(1, admin.order());
        assertEquals(2, ann.order());
    }

    @Test
    void backgroundWorkIsCappedAndDelaysNoCustomer() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertTrue(scheduler.acquire(Caller.BACKGROUND));
        }
        long afterTwenty = now.get();
        assertTrue(afterTwenty < 20 * SECOND, "one a second");

        Turns.Ticket more = scheduler.enqueue(Caller.BACKGROUND);
        Turns.Ticket ann = scheduler.enqueue(ANN);
        now.addAndGet(SECOND);
        scheduler.grant(now.get());
        assertEquals(Turns.State.GRANTED, ann.state(), "a customer goes at once");
        assertEquals(Turns.State.WAITING, more.state(), "the 21st background call of the minute waits");
        assertTrue(scheduler.nextChange(now.get()) >= 60 * SECOND - now.get() - SECOND / 10,
                "until the first of the twenty leaves the minute");
    }

    @Test
    void remindersHaveALaneOfTheirOwnBeyondTheBackgroundsCapAndDelayNoCustomer() throws Exception {
        // the background's twenty of the minute are used up…
        for (int i = 0; i < 20; i++) {
            assertTrue(scheduler.acquire(Caller.BACKGROUND));
        }
        long start = now.get();
        // …and reminders still read their visits back, two a second, up to sixty a minute
        for (int i = 0; i < 60; i++) {
            assertTrue(scheduler.acquire(Caller.REMINDERS));
        }
        assertTrue(now.get() - start < 31 * SECOND, "two a second: " + (now.get() - start) / SECOND + " s");

        Turns.Ticket more = scheduler.enqueue(Caller.REMINDERS);
        Turns.Ticket ann = scheduler.enqueue(ANN);
        now.addAndGet(SECOND);
        scheduler.grant(now.get());
        assertEquals(Turns.State.GRANTED, ann.state(), "a customer goes at once");
        assertEquals(Turns.State.WAITING, more.state(), "the 61st reminder of the minute waits");
    }

    @Test
    void givesUpAtOnceWhenNoSlotCanComeWithinTheWait() throws Exception {
        for (int i = 0; i < 30; i++) {
            scheduler.acquire(ANN);
        }
        long before = slept.get();
        assertFalse(scheduler.acquire(ANN));
        assertEquals(before, slept.get(), "it did not wait for a slot that comes only after its wait");
    }

    @Test
    void waitsOnTheInjectedClockForItsOwnShare() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertTrue(scheduler.acquire(ANN));
        }
        assertEquals(0, slept.get());
        assertTrue(scheduler.acquire(ANN));
        assertEquals(SECOND, slept.get(), "the fourth in a second waits for the first to leave Ann's 3 a second");
    }

    @Test
    void aSlotCountsFromWhenItsRequestLeavesNotFromWhenItsTurnWasCalled() {
        FairScheduler oneASecond = new FairScheduler(new RequestLimiter(List.of(new RequestLimiter.Window(1, SECOND)),
                now::get, skipping), Shares.NONE);
        Turns.Ticket ann = oneASecond.enqueue(ANN);
        Turns.Ticket bob = oneASecond.enqueue(BOB);

        assertEquals(ann, oneASecond.callTurn(now.get()));
        assertEquals(Turns.State.CALLED, ann.state());
        assertEquals(ann, oneASecond.callTurn(now.get()), "one turn at a time: Bob is not called meanwhile");
        now.addAndGet(300_000_000L); // Ann's thread gets to run late (a busy machine)
        oneASecond.takeCalled();

        assertEquals(Turns.State.GRANTED, ann.state());
        assertEquals(Turns.State.WAITING, bob.state());
        assertEquals(SECOND, oneASecond.nextChange(now.get()),
                "Bob's request leaves a full second after Ann's did, not 0.7 s: YCLIENTS counts arrivals");
    }

    @Test
    void aPauseHoldsEveryoneAndEndsOnTime() throws Exception {
        scheduler.pause(2 * SECOND);
        assertTrue(scheduler.estimateNanos(Caller.ADMIN) >= 2 * SECOND);
        assertTrue(scheduler.acquire(Caller.ADMIN));
        assertEquals(2 * SECOND, slept.get(), "even the admins wait as YCLIENTS asked");
        assertTrue(scheduler.acquire(ANN));
        assertEquals(2 * SECOND, slept.get(), "and then go on at once");
    }

    @Test
    void estimatesTheWaitOfAnotherCustomer() {
        assertEquals(0, scheduler.estimateNanos(ANN));
        for (int i = 0; i < 5; i++) {
            scheduler.enqueue(Caller.customer(10 + i));
        }
        scheduler.grant(now.get());
        for (int i = 0; i < 4; i++) {
            scheduler.enqueue(Caller.customer(20 + i));
        }
        long estimate = scheduler.estimateNanos(ANN);
        assertTrue(estimate >= SECOND + 4 * 300_000_000L, "the second to wait and four ahead: " + estimate);
    }

    @Test
    void estimatesARefusalWhenNoSlotCanComeWithinTheWait() throws Exception {
        for (int i = 0; i < 30; i++) {
            scheduler.acquire(ANN);
        }
        assertEquals(-1, scheduler.estimateNanos(ANN), "Ann's own 30 a minute are used");
        assertEquals(0, scheduler.estimateNanos(BOB));
    }

    @Test
    void unlimitedLetsEveryoneGo() throws Exception {
        FairScheduler none = FairScheduler.unlimited();
        for (int i = 0; i < 1000; i++) {
            assertTrue(none.acquire(ANN));
        }
        assertEquals(0, none.estimateNanos(ANN));
    }

    @Test
    void manyThreadsAtOnceKeepTheBudgetAndAllGetThrough() throws Exception {
        // a clock that jumps to the latest wake-up asked for; several threads wait at once
        AtomicLong clock = new AtomicLong();
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        Sleeper jumping = nanos -> {
            long target = clock.get() + nanos;
            clock.accumulateAndGet(target, Math::max);
            Thread.yield();
        };
        FairScheduler shared = new FairScheduler(new RequestLimiter(
                List.of(new RequestLimiter.Window(5, SECOND), new RequestLimiter.Window(200, 60 * SECOND)), clock::get,
                jumping), new Shares(List.of(new RequestLimiter.Window(190, 60 * SECOND)),
                List.of(new RequestLimiter.Window(3, SECOND)), List.of(), List.of(),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int c = 0; c < 12; c++) {
                Caller caller = Caller.customer(100 + c);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        if (!shared.acquire(caller)) {
                            return false;
                        }
                        granted.add(clock.get());
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(30, TimeUnit.SECONDS), "every request got its slot");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(60, granted.size());
        assertTrue(clock.get() >= 11 * SECOND, "60 requests at 5 a second take at least 11 s: " + clock.get());
    }
}
