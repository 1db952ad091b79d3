package io.github.yclientsbot.company;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Source;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What customers can book, read through the directory's short cache: kept 45 s, and after a booking or a refusal of
 * a taken time only what that specialist's day changed is dropped. The company's title is kept once per load.
 */
class YclientsDirectoryTest {
    private static final long COMPANY = 502817;
    private static final long SERVICE = 13700211;
    private static final long ANNA = 2290341;
    private static final long ILYA = 2290355;
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate DEC_2 = LocalDate.of(2026, 12, 2);

    private final FakeYclientsServer yclients = new FakeYclientsServer();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final Settings settings = mock(Settings.class);
    private YclientsDirectory directory;

    @BeforeEach
    void setUp() {
        when(settings.get(SettingKey.YCLIENTS_API_TOKEN)).thenReturn(new Settings.Value("partner-token-0123", Source.ENVIRONMENT, false));
        when(settings.get(SettingKey.YCLIENTS_USER_TOKEN)).thenReturn(new Settings.Value(null, Source.DEFAULT, false));
        when(settings.companyId()).thenReturn(OptionalLong.of(COMPANY));
        when(settings.enabled()).thenReturn(true);
        when(settings.credentials()).thenReturn(Optional.of(new YclientsCredentials("partner-token-0123", null)));
        YclientsClient client = YclientsClient.builder(YclientsClient.defaultHttpClient(), new ObjectMapper(), yclients.url())
                .time(clock, System::nanoTime, Sleeper.real()).build();
        directory = new YclientsDirectory(client, settings, clock, Duration.ofMinutes(5));
        yclients.on("GET", "/api/v1/company/" + COMPANY).respondWithFixture(200, "company.json");
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respondWithFixture(200, "book_dates.json");
        for (long staff : new long[] {0, ANNA, ILYA}) {
            for (LocalDate day : new LocalDate[] {DEC_1, DEC_2}) {
                yclients.on("GET", times(staff, day)).respondWithFixture(200, "book_times.json");
            }
        }
    }

    @AfterEach
    void close() {
        yclients.close();
    }

    private static String times(long staff, LocalDate day) {
        return "/api/v1/book_times/" + COMPANY + "/" + staff + "/" + day;
    }

    private int reads(long staff, LocalDate day) {
        return yclients.requests("GET", times(staff, day)).size();
    }

    private void readAll() throws Exception {
        for (long staff : new long[] {0, ANNA, ILYA}) {
            for (LocalDate day : new LocalDate[] {DEC_1, DEC_2}) {
                directory.freeTimes(SERVICE, staff, day);
            }
            directory.bookableDays(SERVICE, staff, DEC_1, DEC_1.plusDays(92));
        }
    }

    @Test
    void aBookingWithASpecialistDropsTheirDayAndAnySpecialistsDayAndNothingElse() throws Exception {
        readAll();
        readAll();
        assertEquals(1, reads(ANNA, DEC_1), "kept while fresh");

        directory.availabilityChanged(ANNA, DEC_1);
        readAll();

        assertEquals(2, reads(ANNA, DEC_1), "Анна's 1 December");
        assertEquals(2, reads(0, DEC_1), "anyone's 1 December includes hers");
        assertEquals(1, reads(ILYA, DEC_1), "Илья's day did not change");
        assertEquals(1, reads(ANNA, DEC_2), "nor her other days");
        assertEquals(3 + 2, yclients.requests("GET", "/api/v1/book_dates/" + COMPANY).size(),
                "her days and anyone's are read again (a day may be full now), Илья's are not");
    }

    @Test
    void aBookingWithAnySpecialistDropsEveryonesDay() throws Exception {
        readAll();
        directory.availabilityChanged(0, DEC_1);
        readAll();
        assertEquals(2, reads(ILYA, DEC_1), "YCLIENTS chose someone: any of them may be taken now");
        assertEquals(2, reads(ANNA, DEC_1));
        assertEquals(1, reads(ANNA, DEC_2));
    }

    @Test
    void whatCanBeBookedIsKeptFortyFiveSecondsAndTheViewOfAnotherCallerSharesIt() throws Exception {
        directory.freeTimes(SERVICE, ANNA, DEC_1);
        directory.forCaller(Caller.customer(7)).freeTimes(SERVICE, ANNA, DEC_1);
        assertEquals(1, reads(ANNA, DEC_1));
        clock.advance(Duration.ofSeconds(45));
        directory.forCaller(Caller.customer(7)).freeTimes(SERVICE, ANNA, DEC_1);
        assertEquals(2, reads(ANNA, DEC_1));
        assertSame(directory, directory.forCaller(Caller.BACKGROUND), "the directory already calls as background work");
    }

    @Test
    void theCompanyTitleIsKeptOncePerLoadNotOnEveryRead() throws Exception {
        for (int i = 0; i < 5; i++) {
            directory.company();
        }
        verify(settings, org.mockito.Mockito.times(1)).rememberCompanyTitle(anyLong(), anyString());
    }
}
