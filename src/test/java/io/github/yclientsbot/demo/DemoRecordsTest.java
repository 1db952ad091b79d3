package io.github.yclientsbot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.CoreServices;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.yclients.Appointment;
import io.github.yclientsbot.yclients.BookedRecord;
import io.github.yclientsbot.yclients.BookingRequest;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordsApi;
import io.github.yclientsbot.yclients.RecordsQuery;
import io.github.yclientsbot.yclients.VisitAttendance;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo YCLIENTS answers the staff side's calls on the bookings made in the demo — one record read and written
 * back, the records changed since a moment — so the console walks "I'll come" and the record poll.
 */
class DemoRecordsTest {
    private static final YclientsCredentials BOTH = new YclientsCredentials(DemoYclients.PARTNER_TOKEN,
            DemoYclients.USER_TOKEN);
    private static final long COMPANY = DemoYclients.COMPANY_ID;
    private static final String AT = "2026-12-02T10:00:00+03:00";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final DemoYclients demo;
    private final YclientsClient client;

    DemoRecordsTest() throws Exception {
        demo = DemoYclients.start(CoreServices.objectMapper(), clock);
        client = YclientsClient.builder(YclientsClient.defaultHttpClient(), CoreServices.objectMapper(), demo.url())
                .time(clock, System::nanoTime, Sleeper.real()).build();
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    private long book() throws Exception {
        List<BookedRecord> booked = client.booking().bookRecord(BOTH.withoutUserToken(), COMPANY,
                new BookingRequest("79161234567", "Анна", null, null, List.of(new Appointment(9100002, 9200002, AT))));
        return booked.get(0).recordId();
    }

    @Test
    void aBookingIsReadAndWrittenBackByTheStaffSide() throws Exception {
        long id = book();
        RecordsApi records = client.records();

        RecordDetails read = records.record(BOTH, COMPANY, id);
        assertEquals(AT, read.datetime());
        assertEquals(9200002, read.staffId());
        assertEquals(9100002, read.services().get(0).id());
        assertEquals("+79161234567", read.client().phone());
        assertEquals(Optional.of(VisitAttendance.WAITING), read.attendanceStatus());

        clock.advance(Duration.ofMinutes(5));
        records.update(BOTH, COMPANY, RecordsApi.Update.attendance(read, VisitAttendance.CONFIRMED));
        RecordDetails again = records.record(BOTH, COMPANY, id);
        assertEquals(Optional.of(VisitAttendance.CONFIRMED), again.attendanceStatus());
        assertEquals(AT, again.datetime(), "the time as it was");
        assertEquals(Optional.of(Instant.parse("2026-11-27T10:05:00Z")), again.lastChangedAt(ZoneOffset.UTC));

        YclientsException noUser = assertThrows(YclientsException.class, () -> client.records().record(
                new YclientsCredentials(DemoYclients.PARTNER_TOKEN, "not-the-user-token"), COMPANY, id));
        assertEquals(401, noUser.httpStatus());
        assertEquals(404, assertThrows(YclientsException.class, () -> records.record(BOTH, COMPANY, 1)).httpStatus());
    }

    @Test
    void theRecordsChangedSinceAMomentAreListedDeletedOnesOnlyWhenAsked() throws Exception {
        long first = book();
        clock.advance(Duration.ofMinutes(10));
        long elsewhere = demo.visitBookedElsewhere("79990001122", "Ольга", "2026-12-03T12:00:00+03:00");
        OffsetDateTime between = OffsetDateTime.parse("2026-11-27T13:05:00+03:00");

        List<RecordDetails> all = client.records().records(BOTH, COMPANY, RecordsQuery.page(1, 50)).records();
        assertEquals(List.of(800001L, elsewhere, first), all.stream().map(RecordDetails::id).toList(),
                "the visit booked by phone the demo starts with, then these two");
        assertEquals("+79000000000", all.get(0).client().phone());
        assertEquals("2026-11-30T12:00:00+03:00", all.get(0).datetime(), "three days ahead");
        List<RecordDetails> since = client.records().records(BOTH, COMPANY,
                RecordsQuery.page(1, 50).changed(between, null)).records();
        assertEquals(List.of(elsewhere), since.stream().map(RecordDetails::id).toList());
        assertEquals("+79990001122", since.get(0).client().phone());

        List<RecordDetails> thirdOn = client.records().records(BOTH, COMPANY, RecordsQuery.page(1, 50)
                .visitDays(java.time.LocalDate.of(2026, 12, 3), java.time.LocalDate.of(2026, 12, 31))).records();
        assertEquals(List.of(elsewhere), thirdOn.stream().map(RecordDetails::id).toList(), "by the day of the visit");

        client.booking().cancelRecord(BOTH.withoutUserToken(), first, "demo" + first);
        assertFalse(client.records().records(BOTH, COMPANY, RecordsQuery.page(1, 50)).records().stream()
                .anyMatch(r -> r.id() == first), "deleted: left out");
        List<RecordDetails> withDeleted = client.records().records(BOTH, COMPANY,
                RecordsQuery.page(1, 50).changed(between, null).includingDeleted()).records();
        assertTrue(withDeleted.stream().anyMatch(r -> r.id() == first && r.deleted()), "cancelled after the moment");
    }
}
