package io.github.yclientsbot.storage;

import java.time.Instant;

/** One line of the admin audit log. {@code detail} may be {@code null}. */
public record AuditEntry(long id, Instant at, long userId, String action, String detail) {
}
