package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Booking conversations: a transition names its version (one of two quick taps wins), idle ones expire. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class BookingStatesTest {

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private Database database;
    private BookingStates states;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:booking-" + System.nanoTime()).open(clock);
        states = database.bookingStates();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void onlyOneTransitionFromAVersionWins() {
        states.start(7_000_000_000L, "{\"step\":\"SUMMARY\"}");
        int version = states.find(7_000_000_000L).orElseThrow().version();

        assertTrue(states.transition(7_000_000_000L, version, "{\"step\":\"BOOKING\"}"));
        assertFalse(states.transition(7_000_000_000L, version, "{\"step\":\"BOOKING\"}"), "the second tap finds it taken");
        assertEquals("{\"step\":\"BOOKING\"}", states.find(7_000_000_000L).orElseThrow().json());
    }

    @Test
    void aConversationIdleForThirtyMinutesIsDeleted() {
        states.start(1L, "{}");
        states.start(2L, "{}");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(states.find(1L).isPresent(), "29 minutes: still there (and touched by nothing)");
        clock.advance(Duration.ofMinutes(2));

        assertTrue(states.find(1L).isEmpty(), "31 minutes idle: gone");
        assertEquals(1, states.deleteExpired(), "the other one is deleted by the sweep");
        assertTrue(states.find(2L).isEmpty());
    }

    @Test
    void startingAgainReplacesAndDeleteEnds() {
        states.start(5L, "{\"a\":1}");
        states.start(5L, "{\"a\":2}");
        assertEquals("{\"a\":2}", states.find(5L).orElseThrow().json());
        assertTrue(states.delete(5L));
        assertTrue(states.find(5L).isEmpty());
        assertFalse(states.delete(5L));
    }

    @Test
    void aDayWithEveryFiveMinutesFreeFitsInTheState() {
        // 288 free times (every 5 minutes round the clock), each [label, datetime, length] as the draft keeps them
        StringBuilder times = new StringBuilder("[");
        for (int i = 0; i < 288; i++) {
            times.append(i == 0 ? "" : ",").append(String.format("[\"%02d:%02d\",\"2026-12-01T%02d:%02d:00+03:00\",\"3600\"]",
                    i / 12, i % 12 * 5, i / 12, i % 12 * 5));
        }
        String json = "{\"step\":\"TIME\",\"times\":" + times + "]}";
        assertTrue(json.length() > 4000, "longer than the old column: " + json.length());
        states.start(9L, json);
        assertEquals(json, states.find(9L).orElseThrow().json());
    }
}
