package io.github.yclientsbot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** booking.followup and booking.review-url as a salon writes them. */
class FollowupConfigTest {
    @TempDir
    Path dir;

    private FollowupConfig load(String... envNamesAndValues) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", ConfigLoaderTest.TOKEN);
        for (int i = 0; i < envNamesAndValues.length; i += 2) {
            env.put(envNamesAndValues[i], envNamesAndValues[i + 1]);
        }
        return new ConfigLoader(env, dir).load(null).followup();
    }

    @Test
    void theDefaultIsThreeHoursAfterTheVisitWithoutAReviewLink() throws Exception {
        FollowupConfig c = load();
        assertEquals(Optional.of(Duration.ofHours(3)), c.after());
        assertEquals(Optional.empty(), c.reviewUrl());
        assertTrue(c.enabled());
    }

    @Test
    void aDurationInDaysHoursMinutesEmptyOrOffTurnsItOff() throws Exception {
        assertEquals(Optional.of(Duration.ofMinutes(90)), load("BOOKING_FOLLOWUP", "1h30m").after());
        assertEquals(Optional.of(Duration.ofDays(1)), load("BOOKING_FOLLOWUP", "1d").after());
        assertFalse(load("BOOKING_FOLLOWUP", "").enabled(), "empty is a value here: off");
        assertFalse(load("BOOKING_FOLLOWUP", "off").enabled());
    }

    @Test
    void theReviewLinkIsAnHttpAddressAndMayCarryAQuery() throws Exception {
        String yandex = "https://yandex.ru/maps/org/len/123/reviews/?add-review=true";
        assertEquals(Optional.of(yandex), load("BOOKING_REVIEW_URL", yandex).reviewUrl());
        assertEquals(Optional.of("http://2gis.ru/firm/1"), load("BOOKING_REVIEW_URL", " http://2gis.ru/firm/1 ").reviewUrl());
    }

    @Test
    void aBadValueStopsTheStartNamingItsKey() {
        for (String bad : List.of("3", "0m", "4d", "-1h", "3h,1d", "soon")) {
            ConfigException e = assertThrows(ConfigException.class, () -> load("BOOKING_FOLLOWUP", bad), bad);
            assertEquals("booking.followup", e.key(), bad);
            assertTrue(e.getMessage().contains("BOOKING_FOLLOWUP"), e.getMessage());
        }
        for (String bad : List.of("yandex.ru/reviews", "ftp://example.com/r", "https://user:pw@example.com/r",
                "javascript:alert(1)", "https:///nohost", "https://example.com/" + "x".repeat(600),
                "https://example.com/a b")) {
            ConfigException e = assertThrows(ConfigException.class, () -> load("BOOKING_REVIEW_URL", bad), bad);
            assertEquals("booking.review-url", e.key(), bad);
        }
    }
}
