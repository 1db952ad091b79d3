package io.github.yclientsbot.yclients;

/** An online-booking form from {@code GET /bookform/{id}}. {@code groupId != 0} means a network form. */
public record Bookform(long id, long companyId, long groupId, boolean phoneConfirmation) {
}
