package io.github.yclientsbot.yclients;

/** One online-booking form of a company, from {@code GET /company/{id}?showBookforms=1}. {@code url} is never null. */
public record BookformRef(long id, String title, boolean isDefault, String url) {
}
