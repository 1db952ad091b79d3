package io.github.yclientsbot.yclients;

/** One appointment of a {@code book_check} / {@code book_record} request; {@code staffId} 0 = any specialist. */
public record Appointment(long serviceId, long staffId, String datetime) {
}
