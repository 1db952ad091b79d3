package io.github.yclientsbot.yclients;

/**
 * A free time from {@code GET /book_times/...}: {@code time} as shown ("12:00"), {@code datetime} exactly as
 * YCLIENTS sent it (to be sent back unchanged when booking), {@code seanceLength} in seconds.
 */
public record BookTime(String time, String datetime, long seanceLength) {
}
