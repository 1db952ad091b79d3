package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.BookingLimits;
import static io.github.yclientsbot.booking.BookingFixture.ANN;
import static io.github.yclientsbot.booking.BookingFixture.ANNA;
import static io.github.yclientsbot.booking.BookingFixture.ANNA_BUTTON;
import static io.github.yclientsbot.booking.BookingFixture.ANY_BUTTON;
import static io.github.yclientsbot.booking.BookingFixture.COMPANY;
import static io.github.yclientsbot.booking.BookingFixture.DEC_1;
import static io.github.yclientsbot.booking.BookingFixture.DEC_9;
import static io.github.yclientsbot.booking.BookingFixture.PHONE;
import static io.github.yclientsbot.booking.BookingFixture.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingOutcome.ContactProblem;
import io.github.yclientsbot.booking.BookingOutcome.Why;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.yclients.YclientsException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The booking's steps up to the summary, as outcomes: what the customer sees next and where the draft is. */
class BookingFlowTest {
    private final BookingFixture f = new BookingFixture(new BookingLimits(0, 0, 0));
    private final BookingFlow flow = f.flow;

    BookingFlowTest() throws Exception {
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aCustomerWalksServiceSpecialistDayTimeConsentAndPhoneToTheSummary() {
        BookingOutcome.ServiceList services = (BookingOutcome.ServiceList) flow.start(ANN);
        assertEquals(2, services.services().size());
        assertEquals(Step.SERVICE, f.step());

        BookingOutcome.SpecialistList staff = (BookingOutcome.SpecialistList) flow.press(ANN, new Choice.Service(ANY_BUTTON));
        assertEquals(List.of(new BookingOutcome.Specialist(ANNA, "Анна Соколова", "стилист"),
                new BookingOutcome.Specialist(2290355, "Мария", null)), staff.specialists());
        assertEquals("Europe/Moscow", staff.draft().zone());

        BookingOutcome.Calendar days = (BookingOutcome.Calendar) flow.press(ANN, new Choice.Staff(ANNA));
        assertEquals(List.of(DEC_1, DEC_9), days.days());
        assertEquals("Анна Соколова", days.draft().staffName());
        assertEquals("2027-01", ((BookingOutcome.Calendar) flow.press(ANN, new Choice.Month(YearMonth.of(2027, 1))))
                .draft().month(), "the month asked for is kept for the calendar");

        BookingOutcome.TimeList times = (BookingOutcome.TimeList) flow.press(ANN, new Choice.Day(DEC_1));
        assertEquals(List.of("10:00", "11:30"), times.draft().times().stream().map(t -> t.get(0)).toList());
        assertEquals(Step.TIME, f.step());

        BookingOutcome.ConsentAsked consent = (BookingOutcome.ConsentAsked) flow.press(ANN, new Choice.Time(DEC_1, 0));
        assertEquals(Optional.of("https://salon.example/privacy"), consent.policyUrl());
        assertFalse(f.consent.given(ANN), "nothing stored before the customer agrees");

        BookingOutcome.ContactAsked contact = (BookingOutcome.ContactAsked) flow.press(ANN, new Choice.Agree());
        assertTrue(f.consent.given(ANN));
        assertEquals("10:00", contact.draft().time());
        assertTrue(flow.wantsText(ANN), "the number may be typed");

        assertEquals(new BookingOutcome.ContactRefused(ContactProblem.INVALID), flow.typed(ANN, "my number", "Анна"));
        BookingOutcome.Summary summary = ((BookingOutcome.ContactTaken) flow.typed(ANN, "8 916 123-45-67", "Анна")).summary();
        assertEquals(PHONE, summary.draft().phone());
        assertEquals("Анна", summary.draft().name(), "the profile's name when none was typed or shared");
        assertEquals(BookingSteps.stamp(summary.draft()), summary.stamp());
        assertFalse(summary.contactRemembered());
        assertEquals(Step.SUMMARY, f.step());
        assertFalse(flow.wantsText(ANN));
    }

    @Test
    void theSummaryStampIsTheOneOnButtonsAlreadyShown() {
        BookingDraft d = BookingDraft.start().service(SERVICE, "Стрижка", null, null, 0, false, null).staff(ANNA, "Анна")
                .day("2026-12-01", List.of()).time("10:00", "2026-12-01T10:00:00+03:00").contact(PHONE, "Анна");
        // String.hashCode of "13700211|2290341|2026-12-01T10:00:00+03:00|79161234567|Анна", as bk:ok:<stamp> always had it
        assertEquals("33247670", BookingSteps.stamp(d));
        assertFalse(BookingSteps.stamp(d).equals(BookingSteps.stamp(d.contact(PHONE, "Аня"))), "another name, another stamp");
    }

    @Test
    void aServiceButtonNamingItsSpecialistSkipsTheSpecialistStep() {
        flow.start(ANN);
        BookingOutcome.Calendar days = (BookingOutcome.Calendar) flow.press(ANN, new Choice.Service(ANNA_BUTTON));
        assertTrue(days.draft().staffFixed());
        assertEquals("Анна Соколова", days.draft().staffName());
        assertEquals(Step.DAY, f.step());
        flow.press(ANN, new Choice.Back());
        assertEquals(Step.SERVICE, f.step(), "Back from the days goes to the services, not to a specialist list");
    }

    @Test
    void nothingToBookAndAServiceGoneAreSaid() {
        when(f.menu.linksUnavailable()).thenReturn(Optional.of(ServiceMenu.Unavailable.NOT_CONFIGURED));
        assertEquals(new BookingOutcome.NoBooking(ServiceMenu.Unavailable.NOT_CONFIGURED), flow.start(ANN));
        assertEquals(new BookingOutcome.ServiceGone(), flow.press(ANN, new Choice.Service(99)));
        when(f.yclients.mode()).thenReturn(BookingService.Mode.FORM);
        assertFalse(flow.inChatEnabled());
        assertEquals(new BookingOutcome.ServiceGone(), flow.press(ANN, new Choice.Service(ANY_BUTTON)));
        assertNull(f.step());
    }

    @Test
    void aFailedReadOfAStepIsShownInsteadOfTheStep() throws Exception {
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        when(f.yclients.days(SERVICE, ANNA, "Europe/Moscow"))
                .thenThrow(YclientsException.http("GET", "/api/v1/book_dates/" + COMPANY, 503, null, "down"));
        BookingOutcome.StepFailed failed = (BookingOutcome.StepFailed) flow.press(ANN, new Choice.Staff(ANNA));
        assertEquals(RefusalPolicy.Reason.UNAVAILABLE, failed.reason());
        assertEquals(SERVICE, failed.draft().serviceId(), "the form of this service is the way out");

        assertEquals(Step.STAFF, f.step(), "the draft moves only once the next screen was read: the same specialist"
                + " can be pressed again");
        when(f.yclients.staff(SERVICE)).thenThrow(new NotReadyException(new Readiness(true, List.of(Readiness.Missing.COMPANY_ID))));
        BookingOutcome.StepNotReady notReady = (BookingOutcome.StepNotReady) flow.press(ANN, new Choice.StaffPage(0));
        assertEquals(Step.STAFF, notReady.draft().step());
    }

    @Test
    void aStepThatWaitedInVainForItsTurnAtYclientsLeavesTheCustomerWhereTheyWereToPressAgain() throws Exception {
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        when(f.yclients.days(SERVICE, ANNA, "Europe/Moscow"))
                .thenThrow(new YclientsException(YclientsException.Kind.BUSY, "GET", "/api/v1/book_dates/" + COMPANY, 0,
                        null, "not sent: too many requests to YCLIENTS right now", null, null))
                .thenReturn(List.of(DEC_1, DEC_9));

        BookingOutcome.StepFailed busy = (BookingOutcome.StepFailed) flow.press(ANN, new Choice.Staff(ANNA));
        assertEquals(RefusalPolicy.Reason.BUSY, busy.reason());
        assertEquals(Step.STAFF, f.step(), "still at the specialists, as on screen");

        BookingOutcome.Calendar days = (BookingOutcome.Calendar) flow.press(ANN, new Choice.Staff(ANNA));
        assertEquals(List.of(DEC_1, DEC_9), days.days(), "the same button, pressed again, works");
        assertEquals(Step.DAY, f.step());
    }

    @Test
    void aButtonOfAStepLeftBehindIsStaleAndOfAnEndedConversationSaysSo() {
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        assertEquals(new BookingOutcome.Ignored(Why.STALE), flow.press(ANN, new Choice.Day(DEC_1)), "a day at the specialist step");
        flow.press(ANN, new Choice.Staff(ANNA));
        flow.press(ANN, new Choice.Day(DEC_1));
        assertEquals(new BookingOutcome.Ignored(Why.STALE), flow.press(ANN, new Choice.Time(DEC_9, 0)), "a time of another day");
        assertEquals(new BookingOutcome.Ignored(Why.STALE), flow.press(ANN, new Choice.Time(DEC_1, 2)), "no third time");

        assertEquals(new BookingOutcome.Cancelled(false), flow.press(ANN, new Choice.Cancel()));
        assertEquals(new BookingOutcome.Ended(false), flow.press(ANN, new Choice.Back()));
        assertEquals(new BookingOutcome.Ended(true), flow.press(ANN, new Choice.Confirm("abc")));
        assertEquals(new BookingOutcome.RememberAnswered(BookingOutcome.Remembering.EXPIRED, null),
                flow.press(ANN, new Choice.Remember(true)));
        assertEquals(new BookingOutcome.Ignored(Why.TEXT_NOT_EXPECTED), flow.typed(ANN, "+7 916 123-45-67", "Анна"));
    }

    @Test
    void backFromThePhoneStepDropsTheShareKeyboardAndCancelThereToo() {
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        flow.press(ANN, new Choice.Staff(ANNA));
        flow.press(ANN, new Choice.Day(DEC_1));
        flow.press(ANN, new Choice.Time(DEC_1, 1));
        flow.press(ANN, new Choice.Agree());
        assertEquals(Step.CONTACT, f.step());
        BookingOutcome.ContactDropped dropped = (BookingOutcome.ContactDropped) flow.press(ANN, new Choice.Back());
        assertEquals(Step.TIME, dropped.times().draft().step());

        flow.press(ANN, new Choice.Time(DEC_1, 1));
        assertEquals(Step.CONTACT, f.step(), "the consent is asked once");
        assertEquals(new BookingOutcome.Cancelled(true), flow.press(ANN, new Choice.Cancel()));
        assertNull(f.step());
    }

    @Test
    void declinedConsentStoresNothingAndEndsTheConversation() {
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        flow.press(ANN, new Choice.Staff(ANNA));
        flow.press(ANN, new Choice.Day(DEC_1));
        flow.press(ANN, new Choice.Time(DEC_1, 0));
        BookingOutcome.ConsentDeclined declined = (BookingOutcome.ConsentDeclined) flow.press(ANN, new Choice.Cancel());
        assertEquals(SERVICE, declined.draft().serviceId());
        assertFalse(f.consent.given(ANN));
        assertNull(f.step());
    }

    @Test
    void onlyTheSendersOwnContactIsTakenWithItsName() {
        assertEquals(new BookingOutcome.ContactRefused(ContactProblem.NOT_ASKED),
                flow.contactShared(ANN, new BookingFlow.SharedContact(ANN, PHONE, "Анна", null), "Анна"));
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        flow.press(ANN, new Choice.Staff(ANNA));
        flow.press(ANN, new Choice.Day(DEC_1));
        flow.press(ANN, new Choice.Time(DEC_1, 0));
        flow.press(ANN, new Choice.Agree());
        assertEquals(new BookingOutcome.ContactRefused(ContactProblem.FOREIGN),
                flow.contactShared(ANN, new BookingFlow.SharedContact(42L, PHONE, "Боб", null), "Анна"));
        assertEquals(new BookingOutcome.ContactRefused(ContactProblem.FOREIGN),
                flow.contactShared(ANN, new BookingFlow.SharedContact(null, PHONE, "Боб", null), "Анна"));
        BookingOutcome.ContactTaken taken = (BookingOutcome.ContactTaken) flow.contactShared(ANN,
                new BookingFlow.SharedContact(ANN, "380501234567", " Анна ", "Соколова"), "Profile");
        assertEquals("380501234567", taken.summary().draft().phone(), "a shared number is international even without +");
        assertEquals("Анна Соколова", taken.summary().draft().name());
    }

    @Test
    void aNameIsTypedFromTheSummaryAndChecked() {
        f.walkToSummary();
        BookingOutcome.NameAsked asked = (BookingOutcome.NameAsked) flow.press(ANN, new Choice.EditName());
        assertEquals("Анна", asked.draft().name());
        assertTrue(flow.wantsText(ANN));
        assertEquals(new BookingOutcome.NameRefused(CustomerName.Problem.LINK), flow.typed(ANN, "t.me/spam", "Анна"));
        BookingOutcome.Summary summary = (BookingOutcome.Summary) flow.typed(ANN, "  Анна   Соколова ", "Анна");
        assertEquals("Анна Соколова", summary.draft().name());
        assertEquals(PHONE, summary.draft().phone());

        BookingOutcome.ContactAsked again = (BookingOutcome.ContactAsked) flow.press(ANN, new Choice.OtherPhone());
        assertNull(again.draft().phone());
        BookingOutcome.ContactTaken taken = (BookingOutcome.ContactTaken) flow.typed(ANN, "+7 903 555-00-11", "Profile");
        assertEquals("Анна Соколова", taken.summary().draft().name(), "a typed name stays with another number");
    }

    @Test
    void forgetMeDeletesTheConversationConsentContactAndReferences() {
        f.walkToSummary();
        flow.press(ANN, new Choice.Confirm(null));
        flow.press(ANN, new Choice.Remember(true));
        assertTrue(f.remembered.forNextBooking(ANN).isPresent());
        assertEquals(1, f.references.forUser(ANN).size());

        assertEquals(new BookingOutcome.Forgotten(), flow.forget(ANN));
        assertFalse(f.consent.given(ANN));
        assertTrue(f.remembered.forNextBooking(ANN).isEmpty());
        assertEquals(List.of(), f.references.forUser(ANN));
        assertInstanceOf(BookingOutcome.ConsentAsked.class, afterTimeOfANewBooking(), "consent is asked again");
    }

    private BookingOutcome afterTimeOfANewBooking() {
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        flow.press(ANN, new Choice.Staff(ANNA));
        flow.press(ANN, new Choice.Day(DEC_1));
        return flow.press(ANN, new Choice.Time(DEC_1, 0));
    }
}
