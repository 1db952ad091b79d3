package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.BookingLimits;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.YclientsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.github.yclientsbot.booking.BookingFixture.ANN;
import static io.github.yclientsbot.booking.BookingFixture.ANNA;
import static io.github.yclientsbot.booking.BookingFixture.COMPANY;
import static io.github.yclientsbot.booking.BookingFixture.DEC_1;
import static io.github.yclientsbot.booking.BookingFixture.RECORD;
import static io.github.yclientsbot.booking.BookingFixture.SERVICE;
import static io.github.yclientsbot.booking.BookingFixture.TEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Another time for a known visit, over the booking fixture: a booking made in the chat moved by its hash, a visit
 * without one (booked elsewhere) moved with the user token and refused without it; after a move the reminders are
 * planned anew, after a refusal nothing changed.
 */
class VisitMovesTest {
    private static final String ELEVEN_THIRTY = "2026-12-01T11:30:00+03:00";
    private static final long ELSEWHERE = 77;

    private final BookingFixture f = new BookingFixture(new BookingLimits(0, 0, 0), true);

    VisitMovesTest() throws Exception {
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long bookOne() throws Exception {
        f.walkToSummary();
        f.flow.press(ANN, new Choice.Confirm(null));
        f.flow.press(ANN, new Choice.Remember(false));
        when(f.yclients.record(COMPANY, RECORD, "h4sh")).thenReturn(new RecordInfo(RECORD, TEN, 5400,
                List.of("Женская стрижка"), "Анна Соколова", false, List.of(SERVICE), ANNA));
        return f.references.forUser(ANN).get(0).id();
    }

    /** A visit booked elsewhere, known without a hash (how R2's records watch keeps them). */
    private void elsewhere() {
        doReturn(Optional.of(new BookingReference(ELSEWHERE, ANN, COMPANY, RECORD, null, TEN, Instant.EPOCH, true)))
                .when(f.references).find(ANN, ELSEWHERE);
    }

    /** 🔁 → 1 December → 11:30 (the visit's own 10:00 is not offered); returns the "move?" outcome. */
    private BookingOutcome.MoveAsked walkToMove(long referenceId) {
        BookingOutcome.Calendar calendar = assertInstanceOf(BookingOutcome.Calendar.class, f.moves.start(ANN, referenceId));
        assertEquals(new BookingDraft.Moving(referenceId, TEN), calendar.draft().moving());
        assertEquals(List.of(SERVICE, ANNA), List.of(calendar.draft().serviceId(), calendar.draft().staffId()));
        BookingOutcome.TimeList times = assertInstanceOf(BookingOutcome.TimeList.class,
                f.flow.press(ANN, new Choice.Day(DEC_1)));
        assertEquals(List.of(ELEVEN_THIRTY), times.draft().times().stream().map(t -> t.get(1)).toList());
        return assertInstanceOf(BookingOutcome.MoveAsked.class, f.flow.press(ANN, new Choice.Time(DEC_1, 0)));
    }

    @Test
    void aBookingMadeHereIsMovedByItsHashAndItsRemindersArePlannedAgain() throws Exception {
        long id = bookOne();
        when(f.yclients.move(COMPANY, RECORD, ELEVEN_THIRTY)).thenReturn(ELEVEN_THIRTY);

        BookingOutcome.MoveAsked asked = walkToMove(id);
        BookingOutcome.Moved moved = assertInstanceOf(BookingOutcome.Moved.class,
                f.flow.press(ANN, new Choice.Confirm(asked.stamp())));

        assertEquals(ELEVEN_THIRTY, moved.datetime());
        assertTrue(moved.calendar().isPresent(), "a booking made here got a calendar file, so it gets the new one");
        assertEquals(ELEVEN_THIRTY, f.references.forUser(ANN).get(0).startsAt());
        verify(f.plan).replan(id);
        verify(f.yclients, atLeastOnce()).availabilityChanged(ANNA, DEC_1);
        assertEquals(null, f.step(), "the move's conversation is over");
    }

    @Test
    void aTakenTimeChangesNothingAndPlansNothing() throws Exception {
        long id = bookOne();
        when(f.yclients.move(COMPANY, RECORD, ELEVEN_THIRTY))
                .thenThrow(YclientsException.http("PUT", "/api/v1/book_record/" + COMPANY + "/" + RECORD, 422, 433, "занято"));

        BookingOutcome.MoveRefused refused = assertInstanceOf(BookingOutcome.MoveRefused.class,
                f.flow.press(ANN, new Choice.Confirm(walkToMove(id).stamp())));

        assertEquals(BookingOutcome.MoveTrouble.TAKEN, refused.trouble());
        assertEquals(TEN, refused.from());
        assertInstanceOf(BookingOutcome.TimeList.class, refused.then(), "another time to pick");
        assertEquals(BookingDraft.Step.TIME, f.step());
        assertEquals(TEN, f.references.forUser(ANN).get(0).startsAt());
        verify(f.plan, never()).replan(anyLong());
    }

    @Test
    void aDatabaseFailureBeforeTheMoveDoesNotLeaveItBeingMade() throws Exception {
        long id = bookOne();
        BookingOutcome.MoveAsked asked = walkToMove(id);
        doThrow(new IllegalStateException("database down")).when(f.references).find(ANN, id);

        assertThrows(IllegalStateException.class, () -> f.flow.press(ANN, new Choice.Confirm(asked.stamp())));

        assertEquals(null, f.step(), "not stuck at 'being moved' for half an hour");
        verify(f.yclients, never()).move(anyLong(), anyLong(), anyString());
    }

    @Test
    void aVisitWithoutAHashIsMovedWithTheUserToken() throws Exception {
        elsewhere();
        when(f.yclients.hasUserToken()).thenReturn(true);
        RecordDetails current = record(TEN);
        RecordDetails after = record(ELEVEN_THIRTY);
        when(f.yclients.recordDetails(COMPANY, RECORD)).thenReturn(current);
        when(f.yclients.moveRecord(current, ELEVEN_THIRTY)).thenReturn(after);

        BookingOutcome.Moved moved = assertInstanceOf(BookingOutcome.Moved.class,
                f.flow.press(ANN, new Choice.Confirm(walkToMove(ELSEWHERE).stamp())));

        assertEquals(ELEVEN_THIRTY, moved.datetime());
        assertTrue(moved.calendar().isEmpty(), "no calendar file for a visit booked elsewhere (none was sent)");
        verify(f.yclients).moveRecord(current, ELEVEN_THIRTY);
        verify(f.yclients, never()).move(anyLong(), anyLong(), anyString());
        verify(f.references).moved(ELSEWHERE, ELEVEN_THIRTY);
        verify(f.plan).replan(ELSEWHERE);
    }

    @Test
    void aVisitWithoutAHashAndNoUserTokenIsTheSalonsToMove() throws Exception {
        elsewhere();
        when(f.yclients.hasUserToken()).thenReturn(false);

        BookingOutcome.MoveRefused refused = assertInstanceOf(BookingOutcome.MoveRefused.class, f.moves.start(ANN, ELSEWHERE));

        assertEquals(BookingOutcome.MoveTrouble.NEEDS_SALON, refused.trouble());
        assertEquals("+7 495 000-00-00", refused.salonPhone());
        verify(f.yclients, never()).recordDetails(anyLong(), anyLong());
        verify(f.yclients, never()).moveRecord(any(), anyString());
    }

    @Test
    void aVisitWithoutAHashIsCancelledWithTheUserTokenAndItsRemindersDropped() throws Exception {
        elsewhere();
        MyBookings mine = new MyBookings(f.yclients, f.references, mock(StaffRecords.class), f.changes, f.plan);
        when(f.yclients.hasUserToken()).thenReturn(false);
        assertEquals(new MyBookings.Cancellation.NeedsSalon(TEN, "+7 495 000-00-00"), mine.cancel(ANN, ELSEWHERE));
        verify(f.yclients, never()).deleteRecord(anyLong(), anyLong());

        when(f.yclients.hasUserToken()).thenReturn(true);
        assertEquals(Optional.empty(), mine.cannotCancel(ANN, ELSEWHERE));
        assertEquals(new MyBookings.Cancellation.Cancelled(TEN), mine.cancel(ANN, ELSEWHERE));
        verify(f.yclients).deleteRecord(COMPANY, RECORD);
        verify(f.yclients, never()).cancel(anyLong(), any());
        verify(f.plan).drop(COMPANY, RECORD);
    }

    @Test
    void cancellingTooCloseToTheVisitIsNotAllowedAndCallsNobody() throws Exception {
        long id = bookOne();
        VisitChanges never = mock(VisitChanges.class);
        MyBookings mine = new MyBookings(f.yclients, f.references, mock(StaffRecords.class), never, f.plan);

        assertEquals(new MyBookings.Cancellation.NotAllowed(TEN, "+7 495 000-00-00"), mine.cancel(ANN, id));
        verify(f.yclients, never()).cancel(anyLong(), any());
        verify(f.plan, never()).drop(anyLong(), anyLong());
        assertEquals(1, f.references.forUser(ANN).size());
    }

    private static RecordDetails record(String datetime) {
        RecordDetails r = mock(RecordDetails.class);
        when(r.datetime()).thenReturn(datetime);
        when(r.staffId()).thenReturn(ANNA);
        when(r.staffName()).thenReturn("Анна Соколова");
        when(r.services()).thenReturn(List.of(new RecordDetails.Service(SERVICE, "Женская стрижка", null, null, null, null)));
        when(r.companyId()).thenReturn(COMPANY);
        return r;
    }
}
