package io.github.yclientsbot.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Source;
import io.github.yclientsbot.health.AttendanceStats;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "I'll come" against the fake YCLIENTS: the record re-read right before, written back whole with attendance 2 and no
 * SMS only while it is still waiting and at the time the customer was told of; never over "came" or "did not come".
 */
class AttendanceConfirmationTest {
    private static final long COMPANY = 502817;
    private static final long RECORD = 784512093;
    private static final String PATH = "/api/v1/record/" + COMPANY + "/" + RECORD;
    private static final String PARTNER = "partner-token-0123";
    private static final String USER = "user-token-4567";

    private final FakeYclientsServer yclients = new FakeYclientsServer();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final Settings settings = mock(Settings.class);
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Attendance.Result> told = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AttendanceStats stats = new AttendanceStats(clock, registry);
    private Database database;
    private AttendanceConfirmation attendance;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.H2.prepare(AttendanceConfirmationTest.class, "jdbc:h2:mem:attendance-" + System.nanoTime())
                .open(clock);
        tokens(USER, false);
        when(settings.companyId()).thenReturn(OptionalLong.of(COMPANY));
        when(settings.enabled()).thenReturn(true);
        YclientsClient client = YclientsClient.builder(YclientsClient.defaultHttpClient(), mapper, yclients.url())
                .time(clock, System::nanoTime, Sleeper.real()).build();
        YclientsDirectory directory = new YclientsDirectory(client, settings, clock, Duration.ofMinutes(5));
        attendance = new AttendanceConfirmation(new StaffRecords(settings, directory, new CallerScope()),
                database.bookingReferences(), clock, result -> {
                    told.add(result);
                    stats.record(result.name());
                });
        yclients.on("PUT", PATH).respondWithFixture(200, "record-put.json");
    }

    @AfterEach
    void close() {
        yclients.close();
        database.close();
    }

    private void tokens(String user, boolean undecryptable) {
        when(settings.get(SettingKey.YCLIENTS_API_TOKEN)).thenReturn(new Settings.Value(PARTNER, Source.CHAT, false));
        when(settings.get(SettingKey.YCLIENTS_USER_TOKEN))
                .thenReturn(new Settings.Value(user, user == null ? Source.DEFAULT : Source.CHAT, undecryptable));
        when(settings.credentials()).thenReturn(Optional.of(new YclientsCredentials(PARTNER, user)));
    }

    /** The record as YCLIENTS has it, with its attendance and deleted flag replaced. */
    private void record(String attendanceCode, boolean deleted) {
        yclients.on("GET", PATH).respond(200, FakeYclientsServer.fixture("record.json")
                .replace("\"attendance\":\"0\"", "\"attendance\":\"" + attendanceCode + "\"")
                .replace("\"deleted\":false", "\"deleted\":" + deleted));
    }

    private int puts() {
        return yclients.requests("PUT", PATH).size();
    }

    @Test
    void aWaitingVisitIsConfirmedWithEveryFieldSentBackAndNoSms() throws Exception {
        record("0", false);

        assertTrue(attendance.possible());
        assertEquals(Attendance.Result.CONFIRMED, attendance.confirm(COMPANY, RECORD));

        List<FakeYclientsServer.RecordedRequest> calls = yclients.requests();
        assertEquals(List.of("GET", "PUT"), calls.stream().map(FakeYclientsServer.RecordedRequest::method).toList(),
                "read right before the write");
        FakeYclientsServer.RecordedRequest put = calls.get(1);
        assertEquals("Bearer " + PARTNER + ", User " + USER, put.header("Authorization"));
        JsonNode body = mapper.readTree(put.body());
        assertEquals(2, body.path("attendance").asInt());
        assertTrue(body.path("send_sms").isBoolean() && !body.path("send_sms").asBoolean(), "no SMS about it");
        JsonNode read = mapper.readTree(FakeYclientsServer.fixture("record.json")).path("data");
        assertEquals(read.path("datetime"), body.path("datetime"), "the time goes back as read");
        assertEquals(2290341, body.path("staff_id").asLong());
        assertEquals(3600, body.path("seance_length").asLong());
        assertEquals(13700211, body.path("services").path(0).path("id").asLong());
        assertEquals(3000, body.path("services").path(0).path("cost").asInt());
        assertEquals(read.path("client").path("phone"), body.path("client").path("phone"));
        assertEquals(read.path("client").path("name"), body.path("client").path("name"));
        assertEquals(read.path("comment"), body.path("comment"));
        assertEquals(read.path("sms_remain_hours"), body.path("sms_remain_hours"));
        assertEquals(read.path("custom_color"), body.path("custom_color"));
        assertEquals(67345, body.path("record_labels").path(0).asLong());
        assertEquals(List.of(Attendance.Result.CONFIRMED), told);
    }

    @Test
    void aVisitConfirmedAlreadyIsNotWrittenAgain() {
        record("2", false);

        assertEquals(Attendance.Result.ALREADY, attendance.confirm(COMPANY, RECORD));
        assertEquals(0, puts());
    }

    @Test
    void cameAndDidNotComeAreNeverOverwritten() {
        record("1", false);
        assertEquals(Attendance.Result.CHANGED, attendance.confirm(COMPANY, RECORD));
        record("-1", false);
        assertEquals(Attendance.Result.CHANGED, attendance.confirm(COMPANY, RECORD));
        record("7", false);
        assertEquals(Attendance.Result.CHANGED, attendance.confirm(COMPANY, RECORD), "a code YCLIENTS does not document");

        assertEquals(0, puts());
    }

    @Test
    void aDeletedOrVanishedOrPastVisitIsNotConfirmed() {
        record("0", true);
        assertEquals(Attendance.Result.CHANGED, attendance.confirm(COMPANY, RECORD));

        yclients.on("GET", PATH).respondWithFixture(404, "error-404-record.json");
        assertEquals(Attendance.Result.CHANGED, attendance.confirm(COMPANY, RECORD));

        record("0", false);
        clock.set(Instant.parse("2026-12-01T08:30:00Z"));
        assertEquals(Attendance.Result.CHANGED, attendance.confirm(COMPANY, RECORD), "the visit has begun");

        assertEquals(0, puts());
    }

    @Test
    void aVisitTheSalonMovedSinceTheCustomerWasToldIsNotConfirmed() {
        database.bookingReferences().add(3003, COMPANY, RECORD, "h4sh", "2026-12-01T10:00:00+03:00");
        record("0", false);

        assertEquals(Attendance.Result.CHANGED, attendance.confirm(COMPANY, RECORD), "booked for 10:00, now 11:30");
        assertEquals(0, puts());
    }

    @Test
    void aVisitAtTheTimeTheBotKnowsIsConfirmedWhateverOffsetItIsWrittenIn() {
        database.bookingReferences().add(3003, COMPANY, RECORD, "h4sh", "2026-12-01T08:30:00Z");
        record("0", false);

        assertEquals(Attendance.Result.CONFIRMED, attendance.confirm(COMPANY, RECORD));
        assertEquals(1, puts());
    }

    @Test
    void aRefusalOrSilenceOfYclientsIsAFailureCountedForStatus() {
        record("0", false);
        yclients.on("PUT", PATH).respondWithFixture(422, "error-422-record.json");
        assertEquals(Attendance.Result.FAILED, attendance.confirm(COMPANY, RECORD));

        yclients.on("GET", PATH).respond(503, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"down\"}}");
        assertEquals(Attendance.Result.FAILED, attendance.confirm(COMPANY, RECORD));

        assertEquals(2, stats.failedToday());
        assertEquals(2.0, registry.get("yclients.bot.attendance").tag("result", "failed").counter().count());
        clock.set(Instant.parse("2026-11-28T00:00:01Z"));
        assertEquals(0, stats.failedToday(), "a new day");
    }

    @Test
    void withoutAReadableUserTokenNothingIsPossibleAndNothingIsSent() {
        tokens(null, false);
        assertFalse(attendance.possible());
        assertEquals(Attendance.Result.NOT_POSSIBLE, attendance.confirm(COMPANY, RECORD));

        tokens(null, true);
        assertFalse(attendance.possible(), "stored, but it cannot be decrypted");
        assertEquals(Attendance.Result.NOT_POSSIBLE, attendance.confirm(COMPANY, RECORD));

        assertTrue(yclients.requests().isEmpty());
        assertEquals(List.of(Attendance.Result.NOT_POSSIBLE, Attendance.Result.NOT_POSSIBLE), told);
    }

    @Test
    void aDatabaseFailureWritesNothingAndIsAFailure() {
        record("0", false);
        io.github.yclientsbot.storage.BookingReferences broken = org.mockito.Mockito.mock(
                io.github.yclientsbot.storage.BookingReferences.class);
        when(broken.byRecord(COMPANY, RECORD)).thenThrow(new IllegalStateException("database down"));
        YclientsClient client = YclientsClient.builder(YclientsClient.defaultHttpClient(), mapper, yclients.url())
                .time(clock, System::nanoTime, Sleeper.real()).build();
        Attendance withBrokenDatabase = new AttendanceConfirmation(new StaffRecords(settings,
                new YclientsDirectory(client, settings, clock, Duration.ofMinutes(5)), new CallerScope()), broken, clock,
                told::add);

        assertEquals(Attendance.Result.FAILED, withBrokenDatabase.confirm(COMPANY, RECORD));
        assertEquals(0, puts());
        assertEquals(List.of(Attendance.Result.FAILED), told);
    }
}
