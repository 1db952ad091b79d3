package io.github.yclientsbot.yclients;

import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Shares;
import io.github.yclientsbot.ratelimit.Sleeper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries of failures that may pass, within the call's deadline; writes are not repeated blindly. Nothing here waits
 * on the wall clock: the deadline, the back-offs and the rate limiter run on a fake nano clock that only the injected
 * sleeper moves (an HTTP attempt is cut by OkHttp after what is left of the deadline on that clock).
 */
class YclientsRetryTest {
    private static final YclientsCredentials CREDS = new YclientsCredentials("partner-token-0123456789", null);
    private static final long SECOND = 1_000_000_000L;
    private static final String COMPANY = "/api/v1/company/502817";
    private static final CallPolicy QUICK = new CallPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(10));

    private final FakeYclientsServer server = new FakeYclientsServer();
    /** What the sleeper was asked to wait, in order. */
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
    /** The fake nano clock: it stands still except when the sleeper is asked to wait. */
    private final AtomicLong now = new AtomicLong();
    private final Sleeper skipping = nanos -> {
        sleeps.add(nanos);
        now.addAndGet(nanos);
    };

    private long nanoTime() {
        return now.get();
    }

    private YclientsClient client(CallPolicy policy) {
        return client(policy, RequestLimiter.unlimited(), skipping);
    }

    private YclientsClient client(CallPolicy policy, RequestLimiter limiter, Sleeper sleeper) {
        return client(policy, limiter, sleeper, Shares.NONE);
    }

    private YclientsClient client(CallPolicy policy, RequestLimiter limiter, Sleeper sleeper, Shares shares) {
        return YclientsClient.builder(YclientsClient.defaultHttpClient(), new ObjectMapper(), server.url())
                .time(Clock.systemUTC(), this::nanoTime, sleeper)
                .limiter(limiter)
                .shares(shares)
                .policy(policy)
                .build();
    }

    /** YCLIENTS's kind of limit on the same fake time: {@code permits} in any {@code window}. */
    private RequestLimiter limiter(int permits, long windowNanos) {
        return new RequestLimiter(List.of(new RequestLimiter.Window(permits, windowNanos)), this::nanoTime, skipping);
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void serverErrorsThenSuccessIsASuccess() throws Exception {
        server.on("GET", COMPANY)
                .respond(503, "<html>Service Unavailable</html>")
                .respond(500, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Internal\"}}")
                .respondWithFixture(200, "company.json");
        Company c = client(QUICK).companies().company(CREDS, 502817);
        assertEquals(502817, c.id());
        assertEquals(3, server.requests("GET", COMPANY).size());
        assertEquals(2, sleeps.size(), "a back-off before each retry");
        assertTrue(sleeps.get(0) >= 5_000_000 && sleeps.get(0) <= 10_000_000, "first: 10 ms with jitter " + sleeps);
        assertTrue(sleeps.get(1) >= 10_000_000 && sleeps.get(1) <= 20_000_000, "then doubled " + sleeps);
    }

    @Test
    void tooManyRequestsHonoursRetryAfterThenSucceeds() throws Exception {
        server.on("GET", COMPANY)
                .respond(429, "").header("Retry-After", "1")
                .respondWithFixture(200, "company.json");
        Company c = client(QUICK).companies().company(CREDS, 502817);
        assertEquals(502817, c.id());
        assertEquals(2, server.requests("GET", COMPANY).size());
        assertEquals(List.of(SECOND), sleeps, "waited exactly what Retry-After said");
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceWithTheStatus() {
        server.on("GET", COMPANY).respond(429, "").header("Retry-After", "60");
        YclientsException e = assertThrows(YclientsException.class,
                () -> client(new CallPolicy(Duration.ofSeconds(2), 3, Duration.ofMillis(10))).companies()
                        .company(CREDS, 502817));
        assertEquals(429, e.httpStatus());
        assertEquals(1, server.requests("GET", COMPANY).size());
        assertEquals(List.of(), sleeps, "no wait that could not end in time");
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.on("GET", COMPANY).respondWithFixture(401, "error-401.json");
        YclientsException e = assertThrows(YclientsException.class,
                () -> client(CallPolicy.DEFAULT).companies().company(CREDS, 502817));
        assertEquals("Необходима авторизация", e.apiMessage());
        assertEquals(1, server.requests("GET", COMPANY).size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aFailedWriteIsNotRepeated() {
        server.on("POST", "/api/v1/auth").respond(500, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Internal\"}}");
        assertThrows(YclientsException.class,
                () -> client(QUICK).auth().login("partner-token-0123456789", "login", "pass"));
        assertEquals(1, server.requests("POST", "/api/v1/auth").size());
    }

    @Test
    void aWriteYclientsRefusedWith429IsSentAgain() throws Exception {
        server.on("POST", "/api/v1/auth")
                .respond(429, "").header("Retry-After", "2")
                .respond(201, "{\"success\":true,\"data\":{\"user_token\":\"fresh-user-token-9999\"},\"meta\":[]}");
        AuthResult result = client(QUICK).auth().login("partner-token-0123456789", "login", "pass");
        assertEquals("fresh-user-token-9999", result.userToken());
        assertEquals(2, server.requests("POST", "/api/v1/auth").size(), "429: YCLIENTS did not act on the first");
        assertEquals(List.of(2 * SECOND), sleeps);
    }

    @Test
    void theDeadlineBoundsTheWholeCallEvenWhenTheServerHangs() {
        // the first answer asks for 4 s of the 4.1 s deadline; then the server hangs far longer than what is left
        server.on("GET", COMPANY)
                .respond(503, "").header("Retry-After", "4")
                .respondWithFixture(200, "company.json").delay(Duration.ofSeconds(5));
        long started = System.nanoTime();
        YclientsException e = assertThrows(YclientsException.class,
                () -> client(new CallPolicy(Duration.ofMillis(4_100), 3, Duration.ofMillis(10))).companies()
                        .company(CREDS, 502817));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(YclientsException.Kind.TIMEOUT, e.kind());
        assertEquals(4 * SECOND, sleeps.get(0));
        // the hung attempt was cut at what was left of the deadline (100 ms; a third gets what remains after a short
        // back-off, and on a busy machine OkHttp may give it up before the server has even read it)
        int requests = server.requests("GET", COMPANY).size();
        assertTrue(requests >= 2 && requests <= 3, requests + " requests");
        // functional bound, generous for a loaded machine: far below the server's 5 s, let alone 4 s + 5 s
        assertTrue(tookMillis < 3_000, "took " + tookMillis + " ms");
    }

    @Test
    void aSlotOfTheRateLimitIsWaitedForOnTheInjectedTime() throws Exception {
        server.on("GET", COMPANY).respondWithFixture(200, "company.json");
        YclientsClient client = client(QUICK, limiter(1, SECOND), skipping);

        client.companies().company(CREDS, 502817);
        client.companies().company(CREDS, 502817);

        assertEquals(2, server.requests("GET", COMPANY).size());
        assertEquals(List.of(SECOND), sleeps, "the second call waited for the first to leave the one-second window");
    }

    @Test
    void noSlotOfTheRateLimitWithinTheWaitFailsAtOnceAsBusyWithoutARequest() throws Exception {
        server.on("GET", COMPANY).respondWithFixture(200, "company.json");
        YclientsClient client = client(QUICK, limiter(1, 60 * SECOND), skipping);
        client.companies().company(CREDS, 502817);

        YclientsException e = assertThrows(YclientsException.class, () -> client.companies().company(CREDS, 502817));

        assertEquals(YclientsException.Kind.BUSY, e.kind());
        assertTrue(e.isBusy() && e.isUnavailable() && !e.outcomeUnknown(), "never sent, so never 'maybe booked'");
        assertTrue(e.apiMessage().startsWith("not sent: too many requests to YCLIENTS right now"), e.apiMessage());
        assertEquals(1, server.requests("GET", COMPANY).size(), "the second call never went out");
        assertEquals(List.of(), sleeps, "it did not wait for a slot that frees only after its wait");
    }

    @Test
    void theWaitForBudgetDoesNotCountAgainstTheCallsDeadline() throws Exception {
        server.on("GET", COMPANY).respondWithFixture(200, "company.json");
        Shares patient = new Shares(List.of(), List.of(), List.of(), List.of(),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        // one call every 6 s, a 5 s deadline: before, the second call gave up (TIMEOUT) without a request
        YclientsClient client = client(QUICK, limiter(1, 6 * SECOND), skipping, patient).forCaller(Caller.customer(7));
        client.companies().company(CREDS, 502817);

        Company c = client.companies().company(CREDS, 502817);

        assertEquals(502817, c.id());
        assertEquals(2, server.requests("GET", COMPANY).size());
        assertEquals(List.of(6 * SECOND), sleeps, "it waited 6 s in line, then YCLIENTS had the whole 5 s");
    }

    @Test
    void a429PausesEveryCallerForItsRetryAfterNotOnlyTheRefusedCall() throws Exception {
        server.on("GET", COMPANY).respond(429, "{}").header("Retry-After", "2").respondWithFixture(200, "company.json");
        CallPolicy once = new CallPolicy(Duration.ofSeconds(5), 1, Duration.ofMillis(10));
        YclientsClient client = client(once, limiter(100, SECOND), skipping).forCaller(Caller.customer(7));
        YclientsException refused = assertThrows(YclientsException.class, () -> client.companies().company(CREDS, 502817));
        assertEquals(429, refused.httpStatus());

        client.forCaller(Caller.ADMIN).companies().company(CREDS, 502817);

        assertEquals(List.of(2 * SECOND), sleeps, "the admin's call, another caller, waited out YCLIENTS's Retry-After");
    }

    @Test
    void aClientBoundToAnotherCallerSharesTheSameBudget() {
        YclientsClient client = client(QUICK);
        YclientsClient admin = client.forCaller(Caller.ADMIN);
        assertEquals(Caller.BACKGROUND, client.caller(), "unattributed calls count as background work (capped)");
        assertEquals(Caller.ADMIN, admin.caller());
        assertTrue(admin.budget() == client.budget() && admin.forCaller(Caller.ADMIN) == admin);
    }

    @Test
    void anInterruptDuringTheBackOffEndsTheCallWithItsFailureAndKeepsTheFlag() {
        server.on("GET", COMPANY).respond(503, "<html>Service Unavailable</html>");
        Sleeper interrupted = nanos -> {
            throw new InterruptedException("shutting down");
        };
        try {
            YclientsException e = assertThrows(YclientsException.class,
                    () -> client(QUICK, RequestLimiter.unlimited(), interrupted).companies().company(CREDS, 502817));
            assertEquals(503, e.httpStatus());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is not swallowed");
            assertEquals(1, server.requests("GET", COMPANY).size());
        } finally {
            Thread.interrupted(); // the test thread goes back clean
        }
    }
}
