package io.github.yclientsbot.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Source;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordFixtures;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsCredentials;
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
 * A record the poll or a webhook saw becomes a known visit of the customer whose verified phone it carries — only with
 * their yes to "remind me of all my visits", not by an unverified phone, not after they took the yes back.
 */
class VisitsElsewhereTest {
    private static final long ANN = 7_000_000_001L;
    private static final long BOB = 7_000_000_002L;
    private static final long COMPANY = 502817;
    private static final long RECORD = 784512093;
    /** The phone of record.json's client, as the chat keeps it. */
    private static final String OLGA = "79990001122";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final Settings settings = mock(Settings.class);
    private final SecretBox box = new SecretBox(new byte[32]);
    private final List<String> planned = new ArrayList<>();
    private final FakeYclientsServer yclients = new FakeYclientsServer();
    private Database database;
    private VisitsElsewhere visits;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.H2.prepare(VisitsElsewhereTest.class, "jdbc:h2:mem:elsewhere-" + System.nanoTime())
                .open(clock);
        when(settings.get(SettingKey.YCLIENTS_API_TOKEN)).thenReturn(new Settings.Value("partner-token-0123", Source.CHAT, false));
        userToken("user-token-4567");
        when(settings.companyId()).thenReturn(OptionalLong.of(COMPANY));
        when(settings.companyTitle()).thenReturn(Optional.of("Студия «Лён»"));
        YclientsClient client = YclientsClient.builder(YclientsClient.defaultHttpClient(), new ObjectMapper(),
                yclients.url()).time(clock, System::nanoTime, Sleeper.real()).build();
        StaffRecords records = new StaffRecords(settings,
                new YclientsDirectory(client, settings, clock, Duration.ofMinutes(5)), new CallerScope());
        ReminderPlan plan = new ReminderPlan() {
            @Override
            public void replan(long referenceId) {
                planned.add("replan " + referenceId);
            }

            @Override
            public void drop(long companyId, long recordId) {
                planned.add("drop " + companyId + "/" + recordId);
            }
        };
        visits = new VisitsElsewhere(settings, records, database.visitWatch(), database.bookingReferences(),
                phone -> box.fingerprint("verified phone", phone), plan, clock);
    }

    @AfterEach
    void close() {
        database.close();
        yclients.close();
    }

    private void userToken(String token) {
        when(settings.get(SettingKey.YCLIENTS_USER_TOKEN))
                .thenReturn(new Settings.Value(token, token == null ? Source.DEFAULT : Source.CHAT, false));
        when(settings.credentials()).thenReturn(Optional.of(new YclientsCredentials("partner-token-0123", token)));
    }

    private static RecordDetails olgasVisit() {
        return RecordFixtures.record("record.json");
    }

    private List<BookingReference> known(long userId) {
        return database.bookingReferences().forUser(userId);
    }

    @Test
    void aRecordIsMatchedByAPhoneVerifiedWithAnSmsCodeOnceTheCustomerAgreed() {
        visits.codeAccepted(ANN, OLGA);
        assertTrue(visits.askAfterBooking(ANN));
        assertEquals(VisitsElsewhere.Offer.ASK, visits.offer(ANN));
        assertEquals(VisitsElsewhere.Answered.AGREED, visits.answer(ANN, true));
        assertFalse(visits.askAfterBooking(ANN), "asked once");
        assertEquals(VisitsElsewhere.Offer.WITHDRAW, visits.offer(ANN));

        visits.seen(COMPANY, olgasVisit());
        visits.seen(COMPANY, olgasVisit());

        List<BookingReference> found = known(ANN);
        assertEquals(1, found.size(), "known once");
        BookingReference ref = found.get(0);
        assertEquals(RECORD, ref.recordId());
        assertNull(ref.recordHash(), "no hash: read back with the user token");
        assertTrue(ref.elsewhere());
        assertEquals("2026-12-01T11:30:00+03:00", ref.startsAt());
        assertEquals(List.of("replan " + ref.id()), planned);
    }

    @Test
    void aRecordIsMatchedByTheCustomersOwnSharedContactToo() {
        visits.contactShared(ANN, "79990001122");
        visits.answer(ANN, true);

        visits.seen(COMPANY, RecordFixtures.record("record.json", "{\"client\":{\"phone\":\"8 (999) 000-11-22\"}}"));

        assertEquals(1, known(ANN).size(), "the same number written another way");
    }

    @Test
    void anUnverifiedPhoneMatchesNothing() {
        visits.codeAccepted(ANN, "79161234567");
        visits.answer(ANN, true);
        assertEquals(VisitsElsewhere.Answered.NOT_POSSIBLE, visits.answer(BOB, true), "BOB proved no phone");

        visits.seen(COMPANY, olgasVisit());

        assertTrue(known(ANN).isEmpty());
        assertTrue(known(BOB).isEmpty());
        assertTrue(planned.isEmpty());
    }

    @Test
    void withoutAYesNothingIsMatched() {
        visits.codeAccepted(ANN, OLGA);
        visits.seen(COMPANY, olgasVisit());
        assertTrue(known(ANN).isEmpty(), "not asked yet");

        assertEquals(VisitsElsewhere.Answered.DECLINED, visits.answer(ANN, false));
        assertFalse(visits.askAfterBooking(ANN), "a no is an answer too");
        visits.seen(COMPANY, olgasVisit());
        assertTrue(known(ANN).isEmpty());

        visits.answer(ANN, true);
        when(settings.companyId()).thenReturn(OptionalLong.of(404404));
        visits.seen(404404, olgasVisit());
        assertTrue(known(ANN).isEmpty(), "the yes named another salon");
        assertTrue(visits.askAfterBooking(ANN));
    }

    @Test
    void afterTheYesIsTakenBackTheFoundVisitsGoAndNoneIsMatched() {
        visits.codeAccepted(ANN, OLGA);
        visits.answer(ANN, true);
        visits.seen(COMPANY, olgasVisit());
        assertEquals(1, known(ANN).size());

        assertTrue(visits.withdraw(ANN));
        assertFalse(visits.withdraw(ANN), "nothing left to take back");
        assertTrue(known(ANN).isEmpty());
        assertEquals("drop " + COMPANY + "/" + RECORD, planned.get(planned.size() - 1));
        assertEquals(VisitsElsewhere.Offer.ASK, visits.offer(ANN), "they may say yes again later");
        visits.seen(COMPANY, olgasVisit());
        assertTrue(known(ANN).isEmpty());

        visits.answer(ANN, true);
        assertTrue(visits.forget(ANN));
        visits.seen(COMPANY, olgasVisit());
        assertTrue(known(ANN).isEmpty(), "/forgetme: the verified phone is gone");
        assertEquals(VisitsElsewhere.Offer.NONE, visits.offer(ANN));
    }

    @Test
    void deletedPastAndKnownRecordsAreLeftAlone() {
        visits.codeAccepted(ANN, OLGA);
        visits.answer(ANN, true);

        visits.seen(COMPANY, RecordFixtures.record("record.json", "{\"deleted\":true}"));
        visits.seen(COMPANY, RecordFixtures.record("record.json", "{\"datetime\":\"2026-11-26T11:30:00+03:00\"}"));
        visits.seen(COMPANY, RecordFixtures.record("record.json", "{\"client\":null}"));
        database.bookingReferences().add(BOB, COMPANY, RECORD, "h4sh", "2026-12-01T11:30:00+03:00");
        visits.seen(COMPANY, olgasVisit());

        assertTrue(known(ANN).isEmpty());
        assertTrue(planned.isEmpty());
    }

    @Test
    void withoutTheUserTokenNothingIsOfferedNorMatched() {
        visits.codeAccepted(ANN, OLGA);
        visits.answer(ANN, true);
        userToken(null);

        assertEquals(VisitsElsewhere.Offer.NONE, visits.offer(ANN));
        assertFalse(visits.askAfterBooking(ANN));
        visits.seen(COMPANY, olgasVisit());
        assertTrue(known(ANN).isEmpty());
    }

    /** A page of {@code GET /records} with these records (JSON objects). */
    private static String page(List<String> records) {
        return "{\"success\":true,\"data\":[" + String.join(",", records) + "],\"meta\":{\"total_count\":"
                + records.size() + "}}";
    }

    @Test
    void theVisitsAlreadyBookedElsewhereAreLookedForWhenTheCustomerSaysYes() {
        String records = "/api/v1/records/" + COMPANY;
        List<String> others = new ArrayList<>();
        for (int i = 0; i < VisitsElsewhere.PAGE; i++) {
            others.add(RecordFixtures.json("record.json", "{\"id\":" + (500 + i) + ",\"client\":{\"phone\":\"+7916000"
                    + String.format("%04d", i) + "\"}}"));
        }
        yclients.on("GET", records).withQueryParam("page", "1").respond(200, page(others));
        yclients.on("GET", records).withQueryParam("page", "2").respond(200, page(List.of(
                RecordFixtures.json("record.json", "{}"),
                RecordFixtures.json("record.json", "{\"id\":784512094,\"deleted\":true}"))));
        visits.codeAccepted(ANN, OLGA);
        assertEquals(0, visits.lookForVisits(ANN), "no yes yet");
        assertTrue(yclients.requests().isEmpty(), "nothing read without a yes");

        visits.answer(ANN, true);
        assertEquals(1, visits.lookForVisits(ANN));

        assertEquals(List.of(RECORD), known(ANN).stream().map(BookingReference::recordId).toList());
        FakeYclientsServer.RecordedRequest first = yclients.requests().get(0);
        assertEquals(List.of("2026-11-26"), first.queryParams().get("start_date"), "from yesterday (any zone)");
        assertEquals(List.of("2027-02-27"), first.queryParams().get("end_date"), "as far ahead as booking goes");
        assertEquals(List.of(String.valueOf(VisitsElsewhere.PAGE)), first.queryParams().get("count"));
        assertEquals("Bearer partner-token-0123, User user-token-4567", first.header("Authorization"));
        assertEquals(2, yclients.requests().size(), "a full page, then the last");
        assertEquals(0, visits.lookForVisits(ANN), "known already");
    }

    @Test
    void aFailureToLookForThemOnlyLeavesThemToThePoll() {
        yclients.on("GET", "/api/v1/records/" + COMPANY).respond(503, "{\"success\":false,\"data\":null,"
                + "\"meta\":{\"message\":\"down\"}}");
        visits.codeAccepted(ANN, OLGA);
        visits.answer(ANN, true);

        assertEquals(0, visits.lookForVisits(ANN));
        assertTrue(known(ANN).isEmpty());
    }
}
