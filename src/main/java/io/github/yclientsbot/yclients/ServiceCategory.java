package io.github.yclientsbot.yclients;

/** A service category from {@code book_services} ({@code data.category} or {@code data.categories}). */
public record ServiceCategory(long id, String title, int weight) {
}
