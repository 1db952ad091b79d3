package io.github.yclientsbot.yclients;

/** A specialist from the admin catalog, {@code GET /company/{id}/staff} (partner + user token). */
public record CatalogStaff(long id, String name, String specialization, boolean fired) {
}
