package io.github.yclientsbot.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.storage.BookingStates;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A booking draft keeps the customer's phone and name encrypted in {@code booking_state}, like a remembered contact. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class BookingDraftsTest {
    private static final long ANN = 7_000_000_001L;
    private static final String PHONE = "79161234567";
    private static final String NAME = "Анна Смирнова";

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final SecretBox box = new SecretBox(key(1));
    private Database database;
    private BookingStates states;
    private BookingDrafts drafts;

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:drafts-" + System.nanoTime()).open(clock);
        states = database.bookingStates();
        drafts = new BookingDrafts(states, box);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static BookingDraft atSummary() {
        return BookingDraft.start().service(13700211, "Стрижка", null, null, 0, false, "Europe/Moscow")
                .time("10:00", "2026-12-01T10:00:00+03:00").contact(PHONE, NAME).step(BookingDraft.Step.SUMMARY);
    }

    @Test
    void thePhoneAndNameAreStoredEncryptedAndReadBackInClear() {
        drafts.start(ANN, atSummary());

        String stored = states.find(ANN).orElseThrow().json();
        assertFalse(stored.contains(PHONE) || stored.contains("916") || stored.contains("Анна") || stored.contains("Смирнова"),
                stored);
        assertTrue(stored.contains("\"phone\":\"v1:") && stored.contains("\"name\":\"v1:"), stored);
        assertTrue(stored.contains("Стрижка"), "the rest of the draft stays readable JSON: " + stored);
        BookingDraft read = drafts.find(ANN).orElseThrow().draft();
        assertEquals(PHONE, read.phone());
        assertEquals(NAME, read.name());

        int version = drafts.find(ANN).orElseThrow().version();
        assertTrue(drafts.save(ANN, version, read.step(BookingDraft.Step.BOOKING)));
        assertFalse(states.find(ANN).orElseThrow().json().contains(PHONE), "every write encrypts");
        assertEquals(PHONE, drafts.find(ANN).orElseThrow().draft().phone());
    }

    @Test
    void aDraftWithoutPhoneOrNameHasNothingToEncrypt() {
        drafts.start(ANN, BookingDraft.start());
        assertTrue(states.find(ANN).orElseThrow().json().contains("\"phone\":null"));
        assertNull(drafts.find(ANN).orElseThrow().draft().phone());
    }

    @Test
    void aDraftAnOlderVersionWroteInPlainTextIsStillReadAndSealedForTheUpgrade() {
        String plain = "{\"step\":\"SUMMARY\",\"serviceId\":13700211,\"phone\":\"" + PHONE + "\",\"name\":\"" + NAME + "\"}";
        states.start(ANN, plain);
        assertEquals(PHONE, drafts.find(ANN).orElseThrow().draft().phone());

        String sealed = BookingDrafts.sealStored(plain, box);
        assertFalse(sealed.contains(PHONE) || sealed.contains("Анна"), sealed);
        states.start(ANN, sealed);
        BookingDraft read = drafts.find(ANN).orElseThrow().draft();
        assertEquals(PHONE, read.phone());
        assertEquals(NAME, read.name());
        assertSame(sealed, BookingDrafts.sealStored(sealed, box), "sealed once, left alone after");
        assertNull(BookingDrafts.sealStored("not json", box), "an unreadable draft is dropped");
    }

    @Test
    void aDraftThatCannotBeDecryptedAnyMoreStartsAgain() {
        drafts.start(ANN, atSummary());
        BookingDrafts withAnotherKey = new BookingDrafts(states, new SecretBox(key(2)));

        assertTrue(withAnotherKey.find(ANN).isEmpty(), "the secret key changed: the customer books again");
        assertTrue(states.find(ANN).isEmpty());
    }
}
