package io.github.yclientsbot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** booking.reminders and booking.reminders.quiet-hours as a salon writes them. */
class ReminderConfigTest {
    @TempDir
    Path dir;

    private ReminderConfig load(String... envNamesAndValues) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", ConfigLoaderTest.TOKEN);
        for (int i = 0; i < envNamesAndValues.length; i += 2) {
            env.put(envNamesAndValues[i], envNamesAndValues[i + 1]);
        }
        return new ConfigLoader(env, dir).load(null).reminders();
    }

    @Test
    void theDefaultIsADayAndTwoHoursBeforeAndNotAtNight() throws Exception {
        ReminderConfig c = load();
        assertEquals(List.of(Duration.ofHours(24), Duration.ofHours(2)), c.offsets());
        assertEquals(Optional.of(new ReminderConfig.QuietHours(LocalTime.of(22, 0), LocalTime.of(9, 0))), c.quietHours());
        assertTrue(c.enabled());
    }

    @Test
    void durationsInDaysHoursAndMinutesLongestFirstWithoutRepeats() throws Exception {
        ReminderConfig c = load("BOOKING_REMINDERS", " 5m, 1d ,1h30m,24h, 90m");
        assertEquals(List.of(Duration.ofDays(1), Duration.ofMinutes(90), Duration.ofMinutes(5)), c.offsets());
    }

    @Test
    void emptyTurnsThemOffAndEmptyQuietHoursMeanAnyHour() throws Exception {
        ReminderConfig c = load("BOOKING_REMINDERS", "", "BOOKING_REMINDERS_QUIET_HOURS", "");
        assertFalse(c.enabled());
        assertEquals(Optional.empty(), c.quietHours());
        assertFalse(load("BOOKING_REMINDERS", "off").enabled());
        assertEquals(Optional.empty(), load("BOOKING_REMINDERS_QUIET_HOURS", "none").quietHours());
        assertEquals("₽", new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", ConfigLoaderTest.TOKEN, "BOT_CURRENCY", ""), dir)
                .load(null).locale().currency(), "elsewhere an empty value still means the default");
    }

    @Test
    void aBadValueStopsTheStartNamingItsKey() {
        for (String bad : List.of("24", "2x", "0m", "15d", "-2h", "24h,,2h", "1m,2m,3m,4m,5m,6m,7m")) {
            ConfigException e = assertThrows(ConfigException.class, () -> load("BOOKING_REMINDERS", bad), bad);
            assertEquals("booking.reminders", e.key(), bad);
            assertTrue(e.getMessage().contains("BOOKING_REMINDERS"), e.getMessage());
        }
        for (String bad : List.of("22-9", "22:00", "09:00-09:00", "25:00-09:00", "night")) {
            ConfigException e = assertThrows(ConfigException.class, () -> load("BOOKING_REMINDERS_QUIET_HOURS", bad), bad);
            assertEquals("booking.reminders.quiet-hours", e.key(), bad);
        }
    }

    @Test
    void quietHoursSpanMidnightOrNot() throws Exception {
        ReminderConfig.QuietHours night = load().quietHours().orElseThrow();
        assertTrue(night.contains(LocalTime.of(22, 0)));
        assertTrue(night.contains(LocalTime.of(3, 0)));
        assertTrue(night.contains(LocalTime.of(8, 59)));
        assertFalse(night.contains(LocalTime.of(9, 0)));
        assertFalse(night.contains(LocalTime.of(21, 59)));
        ReminderConfig.QuietHours lunch = load("BOOKING_REMINDERS_QUIET_HOURS", "13:00 - 14:30").quietHours().orElseThrow();
        assertTrue(lunch.contains(LocalTime.of(13, 30)));
        assertFalse(lunch.contains(LocalTime.of(14, 30)));
        assertFalse(lunch.contains(LocalTime.of(3, 0)));
        assertEquals(LocalTime.of(7, 0), load("BOOKING_REMINDERS_QUIET_HOURS", "23:00-7:00").quietHours().orElseThrow().to());
    }
}
