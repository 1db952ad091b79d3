package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.BookingLimits;
import static io.github.yclientsbot.booking.BookingFixture.ANN;
import static io.github.yclientsbot.booking.BookingFixture.COMPANY;
import static io.github.yclientsbot.booking.BookingFixture.RECORD;
import static io.github.yclientsbot.booking.BookingFixture.TEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.YclientsException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /mybookings: what is read back from YCLIENTS, and a cancellation that counts only once YCLIENTS accepted it. */
class MyBookingsTest {
    private final BookingFixture f = new BookingFixture(new BookingLimits(0, 0, 0));
    private final MyBookings mine = new MyBookings(f.yclients, f.references, org.mockito.Mockito.mock(StaffRecords.class),
            VisitChanges.always(), ReminderPlan.none());

    MyBookingsTest() throws Exception {
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long bookOne() {
        f.walkToSummary();
        f.flow.press(ANN, new Choice.Confirm(null));
        f.flow.press(ANN, new Choice.Remember(false));
        return f.references.forUser(ANN).get(0).id();
    }

    @Test
    void upcomingBookingsAreReadBackAndCancelledOnlyWhenYclientsAccepts() throws Exception {
        long id = bookOne();
        when(f.yclients.record(COMPANY, RECORD, "h4sh"))
                .thenReturn(new RecordInfo(RECORD, TEN, 5400, List.of("Женская стрижка"), "Анна Соколова", false));
        MyBookings.Listing.Found found = (MyBookings.Listing.Found) mine.list(ANN);
        assertEquals(1, found.upcoming().size());
        assertEquals(List.of(id, TEN, "Анна Соколова"), List.of(found.upcoming().get(0).id(), found.upcoming().get(0).datetime(),
                found.upcoming().get(0).staffName()));
        assertEquals(new MyBookings.Kept(id, TEN), mine.find(ANN, id).orElseThrow());

        doThrow(YclientsException.http("DELETE", "/api/v1/user/records/" + RECORD, 422, null, "too late"))
                .when(f.yclients).cancel(RECORD, "h4sh");
        assertEquals(new MyBookings.Cancellation.Refused(TEN, false, "+7 495 000-00-00"), mine.cancel(ANN, id));
        assertEquals(1, f.references.forUser(ANN).size(), "kept: YCLIENTS did not cancel");

        doThrow(YclientsException.http("DELETE", "/api/v1/user/records/" + RECORD, 503, null, "down"))
                .when(f.yclients).cancel(RECORD, "h4sh");
        assertEquals(new MyBookings.Cancellation.Refused(TEN, true, "+7 495 000-00-00"), mine.cancel(ANN, id));

        doNothing().when(f.yclients).cancel(RECORD, "h4sh");
        assertEquals(new MyBookings.Cancellation.Cancelled(TEN), mine.cancel(ANN, id));
        assertEquals(new MyBookings.Cancellation.Gone(), mine.cancel(ANN, id), "a second Yes");
        assertEquals(new MyBookings.Listing.Found(List.of()), mine.list(ANN));
    }

    @Test
    void aBookingYclientsNoLongerKnowsIsLeftOutButARefusalToShowIsNotNone() throws Exception {
        bookOne();
        when(f.yclients.record(eq(COMPANY), anyLong(), anyString()))
                .thenThrow(YclientsException.http("GET", "/api/v1/book_record/" + COMPANY, 404, null, "not found"));
        assertEquals(new MyBookings.Listing.Found(List.of()), mine.list(ANN));

        doThrow(YclientsException.http("GET", "/api/v1/book_record/" + COMPANY, 403, null, "no rights"))
                .when(f.yclients).record(eq(COMPANY), anyLong(), anyString());
        assertEquals(new MyBookings.Listing.Unreadable(), mine.list(ANN));
    }
}
