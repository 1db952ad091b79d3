package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code audit_entry}. Append-only. */
@Entity
@Table(name = "audit_entry")
class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "action", length = 100, nullable = false)
    private String action;

    @Column(name = "detail", length = 1000)
    private String detail;

    protected AuditEntryEntity() {
        // for Hibernate
    }

    AuditEntryEntity(Instant at, long userId, String action, String detail) {
        this.createdAt = at;
        this.userId = userId;
        this.action = action;
        this.detail = detail;
    }

    AuditEntry toRecord() {
        return new AuditEntry(id, createdAt, userId, action, detail);
    }
}
