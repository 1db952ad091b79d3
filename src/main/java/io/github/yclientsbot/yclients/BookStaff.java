package io.github.yclientsbot.yclients;

/** A specialist from {@code GET /book_staff/{company_id}}. {@code name} is never null; {@code specialization} may be. */
public record BookStaff(long id, String name, String specialization, boolean bookable) {
}
