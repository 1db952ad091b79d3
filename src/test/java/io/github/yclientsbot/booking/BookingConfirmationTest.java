package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.BookingLimits;
import static io.github.yclientsbot.booking.BookingFixture.ANN;
import static io.github.yclientsbot.booking.BookingFixture.ANNA;
import static io.github.yclientsbot.booking.BookingFixture.COMPANY;
import static io.github.yclientsbot.booking.BookingFixture.DEC_1;
import static io.github.yclientsbot.booking.BookingFixture.DEC_9;
import static io.github.yclientsbot.booking.BookingFixture.PHONE;
import static io.github.yclientsbot.booking.BookingFixture.RECORD;
import static io.github.yclientsbot.booking.BookingFixture.SERVICE;
import static io.github.yclientsbot.booking.BookingFixture.TEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingOutcome.CodeTrouble;
import io.github.yclientsbot.booking.BookingOutcome.Why;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.yclients.BookTime;
import io.github.yclientsbot.yclients.YclientsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Confirm and after: the booking, the SMS code, the limits, and where each refusal of YCLIENTS leads. */
class BookingConfirmationTest {
    private final BookingFixture f = new BookingFixture(new BookingLimits(3, 5, 2));
    private final BookingFlow flow = f.flow;

    BookingConfirmationTest() throws Exception {
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static YclientsException refusal(int code) {
        return YclientsException.http("POST", "/api/v1/book_record/" + COMPANY, 422, code, "refused");
    }

    @Test
    void confirmBooksKeepsTheReferenceAndGivesTheCalendarFileThenAsksToRemember() throws Exception {
        BookingOutcome.Summary summary = f.walkToSummary();
        BookingOutcome.Booked booked = (BookingOutcome.Booked) flow.press(ANN, new Choice.Confirm(summary.stamp()));

        assertEquals(RECORD, booked.recordId());
        verify(f.yclients).book(any(), isNull());
        CalendarInvite ics = booked.calendar().orElseThrow();
        assertEquals("booking-784512093.ics", ics.fileName());
        String text = new String(ics.content(), StandardCharsets.UTF_8);
        assertTrue(text.contains("DTSTART:20261201T070000Z") && text.contains("DTEND:20261201T083000Z"), text);
        assertTrue(text.contains("Салон «Лён»") && text.contains("Тверская\\, 1"), text);
        BookingReference kept = f.references.forUser(ANN).get(0);
        assertEquals(List.of(COMPANY, RECORD, TEN), List.of(kept.companyId(), kept.recordId(), kept.startsAt()));

        assertTrue(booked.askToRemember());
        assertEquals(Step.REMEMBER, f.step(), "the phone stays only until the customer answers");
        assertEquals(new BookingOutcome.Ignored(Why.ALREADY_BOOKED), flow.press(ANN, new Choice.Confirm(summary.stamp())));
        assertEquals(new BookingOutcome.RememberAnswered(BookingOutcome.Remembering.SAVED, PHONE),
                flow.press(ANN, new Choice.Remember(true)));
        assertNull(f.step());

        BookingOutcome.Summary next = f.walkToSummary();
        assertTrue(next.contactRemembered(), "the next booking goes from the time straight to the summary");
        assertFalse(((BookingOutcome.Booked) flow.press(ANN, new Choice.Confirm(null))).askToRemember(),
                "the same number and name are not asked about again");
        assertNull(f.step());
    }

    @Test
    void aSummaryLeftOnScreenBooksNothingAfterTheCustomerChoseAgain() throws Exception {
        BookingOutcome.Summary first = f.walkToSummary();
        flow.press(ANN, new Choice.Back());
        BookingOutcome.Summary other = (BookingOutcome.Summary) flow.press(ANN, new Choice.Time(DEC_1, 1));
        assertFalse(first.stamp().equals(other.stamp()));
        assertEquals(new BookingOutcome.Ignored(Why.OUTDATED_SUMMARY), flow.press(ANN, new Choice.Confirm(first.stamp())));
        verify(f.yclients, never()).book(any(), any());
        assertEquals(BookingOutcome.Booked.class, flow.press(ANN, new Choice.Confirm(other.stamp())).getClass());
        assertEquals(new BookingOutcome.Ignored(Why.ALREADY_BOOKED), flow.press(ANN, new Choice.Confirm(other.stamp())),
                "a second tap while \"remember?\" is open");
    }

    @Test
    void aTakenTimeOffersTheNearestFreeTimesThatDayOrTheNextBookableOne() throws Exception {
        f.walkToSummary();
        when(f.yclients.book(any(), any())).thenThrow(refusal(433));
        BookingOutcome.Refused taken = (BookingOutcome.Refused) flow.press(ANN, new Choice.Confirm(null));
        assertEquals(RefusalPolicy.Reason.TIME_TAKEN, taken.reason());
        assertTrue(taken.nearest());
        BookingOutcome.TimeList times = (BookingOutcome.TimeList) taken.then();
        assertEquals(List.of("11:30"), times.draft().times().stream().map(t -> t.get(0)).toList(), "not the time just taken");
        assertEquals(Step.TIME, f.step());

        flow.press(ANN, new Choice.Time(DEC_1, 0));
        when(f.yclients.times(SERVICE, ANNA, DEC_1)).thenReturn(List.of(new BookTime("11:30", "2026-12-01T11:30:00+03:00", 0)));
        BookingOutcome.TimeList nextDay = (BookingOutcome.TimeList) ((BookingOutcome.Refused) flow.press(ANN,
                new Choice.Confirm(null))).then();
        assertEquals(DEC_9.toString(), nextDay.draft().date());
    }

    @Test
    void eachRefusalLeadsWhereThePolicySays() throws Exception {
        f.walkToSummary();
        when(f.yclients.book(any(), any())).thenThrow(refusal(431));
        BookingOutcome.Refused phone = (BookingOutcome.Refused) flow.press(ANN, new Choice.Confirm(null));
        assertEquals(BookingOutcome.TimeList.class, phone.then().getClass());
        assertEquals(Step.TIME, f.step());
        assertNull(f.drafts.find(ANN).orElseThrow().draft().phone(), "the refused number is dropped");

        flow.press(ANN, new Choice.Time(DEC_1, 0));
        flow.typed(ANN, "+7 916 123-45-67", "Анна");
        doThrow(refusal(435)).when(f.yclients).book(any(), any());
        BookingOutcome.Refused name = (BookingOutcome.Refused) flow.press(ANN, new Choice.Confirm(null));
        assertEquals(BookingOutcome.Summary.class, name.then().getClass());
        assertEquals(Step.SUMMARY, f.step(), "Confirm works again");

        doThrow(refusal(438)).when(f.yclients).book(any(), any());
        BookingOutcome.Refused gone = (BookingOutcome.Refused) flow.press(ANN, new Choice.Confirm(null));
        assertEquals(RefusalPolicy.Reason.NOT_ONLINE, gone.reason());
        assertNull(gone.then(), "only the form is left");
        assertNull(f.step());
    }

    @Test
    void noUsableAnswerToBookRecordEndsTheConversationWithoutConfirmAgain() throws Exception {
        f.walkToSummary();
        when(f.yclients.book(any(), any())).thenThrow(new BookingOutcomeUnknown(
                YclientsException.http("POST", "/api/v1/book_record/" + COMPANY, 504, null, "gateway timeout")));
        assertEquals(new BookingOutcome.OutcomeUnknown("+7 495 000-00-00"), flow.press(ANN, new Choice.Confirm(null)));
        assertNull(f.step());
        assertEquals(new BookingOutcome.Ended(true), flow.press(ANN, new Choice.Confirm(null)));
    }

    @Test
    void aDatabaseHiccupAfterConfirmLeavesConfirmWorking() throws Exception {
        f.walkToSummary();
        when(f.yclients.book(any(), any())).thenThrow(new IllegalStateException("connection reset"));
        assertThrows(IllegalStateException.class, () -> flow.press(ANN, new Choice.Confirm(null)));
        assertEquals(Step.SUMMARY, f.step(), "not stuck at 'being booked'");
    }

    @Test
    void theSmsCodeIsSentTypedCheckedAndResentNotTooSoon() throws Exception {
        when(f.yclients.phoneConfirmation()).thenReturn(true);
        f.walkToSummary();
        BookingOutcome.CodeAsked sent = (BookingOutcome.CodeAsked) flow.press(ANN, new Choice.Confirm(null));
        assertEquals(BookingOutcome.CodeSent.SENT, sent.how());
        verify(f.yclients).check(any());
        verify(f.yclients).sendCode(any());
        assertEquals(Step.CODE, f.step());
        assertTrue(flow.wantsText(ANN));

        assertEquals(CodeTrouble.INVALID, ((BookingOutcome.CodeProblem) flow.typed(ANN, "code?", "Анна")).trouble());
        when(f.yclients.book(any(), eq("1111"))).thenThrow(refusal(432));
        BookingOutcome.CodeProblem wrong = (BookingOutcome.CodeProblem) flow.typed(ANN, "11-11", "Анна");
        assertEquals(CodeTrouble.WRONG, wrong.trouble());
        assertEquals(2, wrong.triesLeft());

        assertEquals(new BookingOutcome.ResendTooSoon(60), flow.press(ANN, new Choice.ResendCode()));
        f.clock.advance(Duration.ofSeconds(61));
        assertEquals(BookingOutcome.CodeSent.RESENT, ((BookingOutcome.CodeAsked) flow.press(ANN, new Choice.ResendCode())).how());
        verify(f.yclients, times(2)).sendCode(any());

        BookingOutcome.Booked booked = (BookingOutcome.Booked) flow.typed(ANN, "2 2 2 2", "Анна");
        assertEquals(RECORD, booked.recordId());
        verify(f.yclients).book(any(), eq("2222"));
    }

    @Test
    void aCodeYclientsAsksForUnannouncedIsSent() throws Exception {
        f.walkToSummary();
        when(f.yclients.book(any(), isNull())).thenThrow(refusal(432));
        assertEquals(BookingOutcome.CodeSent.SENT, ((BookingOutcome.CodeAsked) flow.press(ANN, new Choice.Confirm(null))).how());
        assertEquals(Step.CODE, f.step());
    }

    @Test
    void aReachedLimitIsSaidAndNothingReachesYclients() throws Exception {
        for (int i = 0; i < 2; i++) {
            f.walkToSummary();
            flow.press(ANN, new Choice.Confirm(null));
            flow.press(ANN, new Choice.Remember(false));
        }
        f.walkToSummary();
        BookingOutcome.OverLimit over = (BookingOutcome.OverLimit) flow.press(ANN, new Choice.Confirm(null));
        assertEquals(new BookingQuotas.Over(BookingQuotas.Exceeded.BOOKINGS_PER_USER, 2), over.over());
        assertFalse(over.codeStillValid());
        assertEquals(Step.SUMMARY, f.step());
        verify(f.yclients, times(2)).book(any(), any());
    }
}
