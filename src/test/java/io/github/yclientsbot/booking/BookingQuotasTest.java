package io.github.yclientsbot.booking;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.config.BookingLimits;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits over a real (in-memory) database: per phone, per user, per bookings, the 24-hour window, 0 = off. */
class BookingQuotasTest {
    private static final long ANN = 11;
    private static final long BOB = 22;
    private static final String PHONE = "79161234567";
    private static final String OTHER = "79035550011";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private Database database;

    private BookingQuotas quotas(int smsPerPhone, int smsPerUser, int bookingsPerUser) throws Exception {
        if (database == null) {
            database = TestDatabase.H2.prepare(getClass(), "jdbc:h2:mem:quotas-" + System.nanoTime()).open(clock);
        }
        return new BookingQuotas(new BookingLimits(smsPerPhone, smsPerUser, bookingsPerUser),
                database.bookingLimitEvents(), phone -> "h:" + new StringBuilder(phone).reverse(), clock);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theSmsLimitPerPhoneCountsEveryoneAndComesBeforeTheUsersOwn() throws Exception {
        BookingQuotas q = quotas(2, 1, 0);
        q.smsSent(ANN, PHONE);
        assertEquals(Optional.of(new BookingQuotas.Over(BookingQuotas.Exceeded.SMS_PER_USER, 1)), q.checkSms(ANN, OTHER));
        assertEquals(Optional.empty(), q.checkSms(BOB, PHONE));
        q.smsSent(BOB, PHONE);
        assertEquals(Optional.of(new BookingQuotas.Over(BookingQuotas.Exceeded.SMS_PER_PHONE, 2)), q.checkSms(BOB, PHONE));
        assertEquals(Optional.of(new BookingQuotas.Over(BookingQuotas.Exceeded.SMS_PER_PHONE, 2)), q.checkSms(ANN, PHONE));
        assertEquals(Optional.empty(), q.checkSms(22_222, OTHER), "another user, another number");
    }

    @Test
    void theWindowRollsOver24Hours() throws Exception {
        BookingQuotas q = quotas(1, 0, 1);
        q.smsSent(ANN, PHONE);
        q.booked(ANN, PHONE);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertTrue(q.checkSms(ANN, PHONE).isPresent());
        assertTrue(q.checkBooking(ANN).isPresent());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), q.checkSms(ANN, PHONE));
        assertEquals(Optional.empty(), q.checkBooking(ANN));
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        BookingQuotas q = quotas(0, 0, 0);
        for (int i = 0; i < 20; i++) {
            q.smsSent(ANN, PHONE);
            q.booked(ANN, PHONE);
        }
        assertEquals(Optional.empty(), q.checkSms(ANN, PHONE));
        assertEquals(Optional.empty(), q.checkBooking(ANN));
    }

    @Test
    void bookingsAreCountedPerUser() throws Exception {
        BookingQuotas q = quotas(0, 0, 2);
        q.booked(ANN, PHONE);
        assertEquals(Optional.empty(), q.checkBooking(ANN));
        q.booked(ANN, OTHER);
        assertEquals(Optional.of(new BookingQuotas.Over(BookingQuotas.Exceeded.BOOKINGS_PER_USER, 2)), q.checkBooking(ANN));
        assertEquals(Optional.empty(), q.checkBooking(BOB));
    }

    @Test
    void wrongCodesCountSinceTheLatestCodeAndANewCodeWaitsAMinute() throws Exception {
        BookingQuotas q = quotas(0, 0, 0);
        assertEquals(Duration.ZERO, q.resendWait(ANN), "no code yet");
        q.smsSent(ANN, PHONE);
        q.wrongCode(ANN, PHONE);
        clock.advance(Duration.ofSeconds(1));
        q.wrongCode(ANN, PHONE);
        assertEquals(2, q.wrongCodes(ANN));
        assertEquals(0, q.wrongCodes(BOB));
        assertEquals(Duration.ofSeconds(59), q.resendWait(ANN));

        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ZERO, q.resendWait(ANN));
        q.smsSent(ANN, PHONE);
        assertEquals(0, q.wrongCodes(ANN), "a new code gives new tries");
    }
}
