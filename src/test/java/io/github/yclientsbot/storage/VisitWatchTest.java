package io.github.yclientsbot.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Verified phones as keyed hashes, the answer to "remind me of all my visits" with its time, and the visits found
 * elsewhere (a booking reference without a hash, V9), on both databases.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class VisitWatchTest {
    private static final long ANN = 7_000_000_001L;
    private static final long BOB = 7_000_000_002L;

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final SecretBox box = new SecretBox(new byte[32]);
    private Database database;
    private VisitWatch watch;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:visitwatch-" + System.nanoTime()).open(clock);
        watch = database.visitWatch();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void phonesAreKeptAsKeyedHashesOfTheirOwnAndFoundByThem() throws Exception {
        String hash = box.fingerprint("verified phone", "79990001122");
        watch.verified(ANN, hash, VisitWatch.How.CONTACT);
        clock.advance(Duration.ofMinutes(1));
        watch.verified(BOB, hash, VisitWatch.How.SMS);
        assertEquals(List.of(BOB, ANN), watch.usersWith(hash), "the latest proof first");
        clock.advance(Duration.ofMinutes(1));
        watch.verified(ANN, hash, VisitWatch.How.SMS);

        assertEquals(List.of(ANN, BOB), watch.usersWith(hash), "proved again: renewed, not doubled");
        assertTrue(watch.hasVerified(ANN));
        assertFalse(watch.hasVerified(42));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT phone_hash FROM verified_phone")) {
            while (rs.next()) {
                assertFalse(rs.getString(1).contains("9990001122"));
                assertFalse(rs.getString(1).equals(box.fingerprint("79990001122")), "not the limits' fingerprint");
            }
        }
    }

    @Test
    void theAnswerIsStoredWithItsTimeReplacedAndForgotten() {
        assertTrue(watch.answerOf(ANN).isEmpty());
        Instant yes = watch.answer(ANN, 502817, true);
        assertEquals(Optional.of(new VisitWatch.Answer(ANN, 502817, true, yes)), watch.answerOf(ANN));
        clock.advance(Duration.ofHours(1));
        Instant no = watch.answer(ANN, 502817, false);
        assertEquals(Optional.of(new VisitWatch.Answer(ANN, 502817, false, no)), watch.answerOf(ANN));
        assertEquals(Instant.parse("2026-11-27T11:00:00Z"), no);

        watch.verified(ANN, "h", VisitWatch.How.SMS);
        assertTrue(watch.forget(ANN));
        assertTrue(watch.answerOf(ANN).isEmpty());
        assertFalse(watch.hasVerified(ANN));
        assertFalse(watch.forget(ANN));
    }

    @Test
    void aVisitFoundElsewhereHasNoHashAndIsKnownOnce() {
        BookingReferences refs = database.bookingReferences();
        refs.add(BOB, 502817, 1, "h4sh", "2026-12-01T10:00:00+03:00");
        long id = refs.addElsewhere(ANN, 502817, 2, "2026-12-01T11:30:00+03:00").orElseThrow();
        assertTrue(refs.addElsewhere(ANN, 502817, 2, "2026-12-01T11:30:00+03:00").isEmpty());
        assertTrue(refs.addElsewhere(ANN, 502817, 1, "2026-12-01T10:00:00+03:00").isEmpty(), "BOB's booking");

        BookingReference found = refs.byRecord(502817, 2).orElseThrow();
        assertEquals(id, found.id());
        assertNull(found.recordHash());
        assertTrue(found.elsewhere());
        assertFalse(refs.byRecord(502817, 1).orElseThrow().elsewhere());

        assertEquals(List.of(found), refs.deleteElsewhere(ANN));
        assertTrue(refs.forUser(ANN).isEmpty());
        assertEquals(1, refs.forUser(BOB).size());
    }
}
