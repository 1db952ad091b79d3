package io.github.yclientsbot.yclients;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries of failures that may pass, within the call's deadline; writes are not repeated blindly. */
class YclientsRetryTest {
    private static final YclientsCredentials CREDS = new YclientsCredentials("partner-token-0123456789", null);
    private final FakeYclientsServer server = new FakeYclientsServer();

    private YclientsClient client(CallPolicy policy) {
        return YclientsClient.builder(YclientsClient.defaultHttpClient(), new ObjectMapper(), server.url())
                .time(Clock.systemUTC(), System::nanoTime, Sleeper.real())
                .limiter(RequestLimiter.unlimited())
                .policy(policy)
                .build();
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void serverErrorsThenSuccessIsASuccess() throws Exception {
        server.on("GET", "/api/v1/company/502817")
                .respond(503, "<html>Service Unavailable</html>")
                .respond(500, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Internal\"}}")
                .respondWithFixture(200, "company.json");
        Company c = client(new CallPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(10))).companies().company(CREDS, 502817);
        assertEquals(502817, c.id());
        assertEquals(3, server.requests("GET", "/api/v1/company/502817").size());
    }

    @Test
    void tooManyRequestsHonoursRetryAfterThenSucceeds() throws Exception {
        server.on("GET", "/api/v1/company/502817")
                .respond(429, "").header("Retry-After", "1")
                .respondWithFixture(200, "company.json");
        Company c = client(new CallPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(10))).companies().company(CREDS, 502817);
        assertEquals(502817, c.id());
        assertEquals(2, server.requests("GET", "/api/v1/company/502817").size());
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceWithTheStatus() {
        server.on("GET", "/api/v1/company/502817").respond(429, "").header("Retry-After", "60");
        YclientsException e = assertThrows(YclientsException.class,
                () -> client(new CallPolicy(Duration.ofSeconds(2), 3, Duration.ofMillis(10))).companies().company(CREDS, 502817));
        assertEquals(429, e.httpStatus());
        assertEquals(1, server.requests("GET", "/api/v1/company/502817").size());
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.on("GET", "/api/v1/company/502817").respondWithFixture(401, "error-401.json");
        YclientsException e = assertThrows(YclientsException.class,
                () -> client(CallPolicy.DEFAULT).companies().company(CREDS, 502817));
        assertEquals("Необходима авторизация", e.apiMessage());
        assertEquals(1, server.requests("GET", "/api/v1/company/502817").size());
    }

    @Test
    void aFailedWriteIsNotRepeated() {
        server.on("POST", "/api/v1/auth").respond(500, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Internal\"}}");
        assertThrows(YclientsException.class,
                () -> client(new CallPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(10))).auth().login("partner-token-0123456789", "login", "pass"));
        assertEquals(1, server.requests("POST", "/api/v1/auth").size());
    }

    @Test
    void theDeadlineBoundsTheWholeCallEvenWhenTheServerHangs() {
        server.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json").delay(Duration.ofSeconds(5));
        long started = System.nanoTime();
        YclientsException e = assertThrows(YclientsException.class,
                () -> client(new CallPolicy(Duration.ofMillis(700), 3, Duration.ofMillis(10))).companies().company(CREDS, 502817));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(YclientsException.Kind.TIMEOUT, e.kind());
        // functional bound, generous for a loaded machine: far below the server's 5 s
        assertTrue(tookMillis < 4000, "took " + tookMillis + " ms");
    }
}
