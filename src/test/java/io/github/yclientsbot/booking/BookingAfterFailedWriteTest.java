package io.github.yclientsbot.booking;

import static io.github.yclientsbot.booking.BookingFixture.ANN;
import static io.github.yclientsbot.booking.BookingFixture.COMPANY;
import static io.github.yclientsbot.booking.BookingFixture.RECORD;
import static io.github.yclientsbot.booking.BookingFixture.TEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingOutcome.Why;
import io.github.yclientsbot.config.BookingLimits;
import io.github.yclientsbot.storage.BookingLimitEvents;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.yclients.BookedRecord;
import io.github.yclientsbot.yclients.YclientsException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;

/**
 * The database fails right after YCLIENTS accepted a booking: the customer still gets the booking's number, no path
 * offers Confirm again (a second tap books nothing — with "any specialist" it could have taken another person's time),
 * and what was not written (the conversation closed, the count, the reference for /mybookings) is written once the
 * database answers.
 */
class BookingAfterFailedWriteTest {
    private final BookingFixture f = new BookingFixture(new BookingLimits(3, 5, 3), true);
    private final BookingFlow flow = f.flow;
    /** How many more writes fail: the database is down while this is above zero. */
    private final AtomicInteger failing = new AtomicInteger();

    BookingAfterFailedWriteTest() throws Exception {
        Answer<Object> unlessDown = inv -> {
            if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("database down");
            }
            return inv.callRealMethod();
        };
        doAnswer(unlessDown).when(f.states).transition(anyLong(), anyInt(), anyString());
        doAnswer(unlessDown).when(f.states).delete(anyLong());
        doAnswer(unlessDown).when(f.states).delete(anyLong(), anyInt());
        doAnswer(unlessDown).when(f.references).add(anyLong(), anyLong(), anyLong(), anyString(), anyString());
        doAnswer(unlessDown).when(f.limitEvents).record(any(), anyLong(), anyString());
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** YCLIENTS accepts, and then the next {@code writes} database writes fail. */
    private void databaseFailsAfterBooking(int writes) throws Exception {
        when(f.yclients.book(any(), any())).thenAnswer(i -> {
            failing.set(writes);
            return List.of(new BookedRecord(RECORD, "h4sh"));
        });
    }

    private int bookingsCounted() {
        return f.database.bookingLimitEvents().countForUser(BookingLimitEvents.Kind.BOOKING, ANN, Instant.EPOCH);
    }

    @Test
    void aWriteThatFailsOnceAfterTheBookingNeitherHidesTheNumberNorOffersConfirmAgain() throws Exception {
        BookingOutcome.Summary summary = f.walkToSummary();
        databaseFailsAfterBooking(1);

        BookingOutcome first = flow.press(ANN, new Choice.Confirm(summary.stamp()));
        BookingOutcome.Booked booked = assertInstanceOf(BookingOutcome.Booked.class, first);
        assertEquals(RECORD, booked.recordId(), "the customer is told the booking's number");
        assertTrue(booked.calendar().isPresent());
        assertFalse(booked.askToRemember(), "the conversation could not be moved on to the question");
        assertEquals(Step.BOOKING, f.step(), "not back at the summary");

        BookingOutcome again = flow.press(ANN, new Choice.Confirm(summary.stamp()));
        assertFalse(again instanceof BookingOutcome.Booked, "a second tap books nothing: " + again);
        verify(f.yclients, times(1)).book(any(), any());
        assertNull(f.step(), "the database answers again: the conversation is closed before the tap is read");
        assertEquals(new BookingOutcome.Ended(true), again);
        List<BookingReference> mine = f.references.forUser(ANN);
        assertEquals(List.of(RECORD), mine.stream().map(BookingReference::recordId).toList());
        assertEquals(COMPANY, mine.get(0).companyId());
        assertEquals(1, bookingsCounted());
        assertEquals(0, f.accepted.waiting());
    }

    @Test
    void whileTheDatabaseStaysDownEveryButtonSaysBookedAndTheRestIsStoredWhenItAnswers() throws Exception {
        BookingOutcome.Summary summary = f.walkToSummary();
        databaseFailsAfterBooking(Integer.MAX_VALUE);

        BookingOutcome.Booked booked = (BookingOutcome.Booked) flow.press(ANN, new Choice.Confirm(summary.stamp()));
        assertEquals(RECORD, booked.recordId());
        assertEquals(1, f.accepted.waiting());

        for (Choice c : List.of(new Choice.Confirm(summary.stamp()), new Choice.Confirm(null), new Choice.Back(),
                new Choice.Cancel())) {
            assertEquals(new BookingOutcome.Ignored(Why.ALREADY_BOOKED), flow.press(ANN, c), c.toString());
        }
        assertEquals(Step.BOOKING, f.step());
        assertEquals(1, f.accepted.retry(), "the background job tries, the database still fails");
        verify(f.yclients, times(1)).book(any(), any());

        failing.set(0);
        assertEquals(0, f.accepted.retry(), "the background job stores it once the database answers");
        assertNull(f.step());
        assertEquals(List.of(RECORD), f.references.forUser(ANN).stream().map(BookingReference::recordId).toList());
        assertEquals(1, bookingsCounted());
        assertEquals(new BookingOutcome.Ended(true), flow.press(ANN, new Choice.Confirm(summary.stamp())));
        verify(f.yclients, times(1)).book(any(), any());
    }

    @Test
    void aConversationStartedAgainMeanwhileIsNotClosedByTheLateWrite() throws Exception {
        BookingOutcome.Summary summary = f.walkToSummary();
        databaseFailsAfterBooking(Integer.MAX_VALUE);
        flow.press(ANN, new Choice.Confirm(summary.stamp()));
        failing.set(0);
        // the customer starts again before the background job ran: /book replaces the draft
        flow.start(ANN);
        assertEquals(Step.SERVICE, f.step());

        assertEquals(0, f.accepted.retry());
        assertEquals(Step.SERVICE, f.step(), "the new conversation stays");
    }

    @Test
    void anUnknownOutcomeFollowedByAFailedWriteDoesNotGoBackToTheSummary() throws Exception {
        BookingOutcome.Summary summary = f.walkToSummary();
        when(f.yclients.book(any(), any())).thenAnswer(i -> {
            failing.set(Integer.MAX_VALUE);
            throw new BookingOutcomeUnknown(YclientsException.http("POST", "/api/v1/book_record/" + COMPANY, 504, null,
                    "gateway timeout"));
        });

        assertInstanceOf(BookingOutcome.OutcomeUnknown.class, flow.press(ANN, new Choice.Confirm(summary.stamp())));
        assertEquals(new BookingOutcome.Ignored(Why.ALREADY_BOOKED), flow.press(ANN, new Choice.Confirm(summary.stamp())));
        failing.set(0);
        assertEquals(new BookingOutcome.Ended(true), flow.press(ANN, new Choice.Confirm(summary.stamp())));
        verify(f.yclients, times(1)).book(any(), any());
        assertEquals(1, bookingsCounted(), "counted: it may well exist");
    }
}
