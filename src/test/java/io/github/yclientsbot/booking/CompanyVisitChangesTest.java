package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What a customer may change at this distance from a visit, by the company's rules and /disable. */
class CompanyVisitChangesTest {
    private static final long COMPANY = 502817;
    private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");

    private final BookingService booking = mock(BookingService.class);
    private final VisitChanges changes = new CompanyVisitChanges(booking);

    CompanyVisitChangesTest() {
        when(booking.now()).thenReturn(NOW);
        when(booking.bookingEnabled()).thenReturn(true);
        try {
            when(booking.company()).thenReturn(COMPANY);
        } catch (NotReadyException e) {
            throw new AssertionError(e);
        }
    }

    private void rules(Company.Changes rules) throws Exception {
        when(booking.companyInfo()).thenReturn(new Company(COMPANY, "Лён", null, null, null, null, null, false, List.of(),
                rules));
    }

    @Test
    void aChangeIsAllowedUntilTheCompanysDelayBeforeTheVisit() throws Exception {
        rules(new Company.Changes(true, Duration.ofHours(3), true, Duration.ofHours(1)));
        Instant inThreeHours = NOW.plus(Duration.ofHours(3));

        assertTrue(changes.canMove(COMPANY, inThreeHours), "exactly the delay before: still allowed");
        assertFalse(changes.canMove(COMPANY, inThreeHours.minusSeconds(1)));
        assertTrue(changes.canCancel(COMPANY, NOW.plus(Duration.ofMinutes(61))));
        assertFalse(changes.canCancel(COMPANY, NOW.plus(Duration.ofMinutes(59))));
        assertFalse(changes.canCancel(COMPANY, NOW.minusSeconds(1)), "a visit that has begun");
    }

    @Test
    void aChangeTheCompanyDoesNotAllowIsNeverOffered() throws Exception {
        rules(new Company.Changes(false, Duration.ZERO, false, Duration.ZERO));

        assertFalse(changes.canMove(COMPANY, NOW.plus(Duration.ofDays(10))));
        assertFalse(changes.canCancel(COMPANY, NOW.plus(Duration.ofDays(10))));
    }

    @Test
    void disabledBookingTakesAwayMovingButNotCancelling() throws Exception {
        rules(Company.Changes.UNSTATED);
        when(booking.bookingEnabled()).thenReturn(false);

        assertFalse(changes.canMove(COMPANY, NOW.plus(Duration.ofDays(1))));
        assertTrue(changes.canCancel(COMPANY, NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void aVisitAtAnotherBranchIsNotMovedHereButMayBeCancelled() throws Exception {
        rules(Company.Changes.UNSTATED);

        assertFalse(changes.canMove(COMPANY + 1, NOW.plus(Duration.ofDays(1))), "its free times are not this company's");
        assertTrue(changes.canCancel(COMPANY + 1, NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void rulesThatCannotBeReadAreNotGuessedAsARefusal() throws Exception {
        doThrow(YclientsException.http("GET", "/api/v1/company/" + COMPANY, 503, null, "down")).when(booking).companyInfo();
        assertTrue(changes.canMove(COMPANY, NOW.plus(Duration.ofMinutes(5))), "YCLIENTS decides when pressed");

        doThrow(new NotReadyException(new Readiness(true, List.of(Readiness.Missing.COMPANY_ID)))).when(booking).companyInfo();
        assertTrue(changes.canCancel(COMPANY, NOW.plus(Duration.ofMinutes(5))));
    }
}
