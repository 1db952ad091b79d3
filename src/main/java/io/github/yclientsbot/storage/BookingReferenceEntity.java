package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of {@code booking_reference}: a booking made in chat, with the customer's proof (record_hash), or a visit booked
 * elsewhere that the bot found by the customer's verified phone (no hash; {@code booked_via} ELSEWHERE).
 */
@Entity
@Table(name = "booking_reference")
class BookingReferenceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Column(name = "record_id", nullable = false)
    private long recordId;

    @Column(name = "record_hash", length = 100)
    private String recordHash;

    @Column(name = "booked_via", length = 16, nullable = false)
    private String bookedVia;

    @Column(name = "starts_at", length = 64, nullable = false)
    private String startsAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BookingReferenceEntity() {
        // for Hibernate
    }

    BookingReferenceEntity(long userId, long companyId, long recordId, String recordHash, String startsAt, Instant createdAt) {
        this.bookedVia = recordHash == null ? BookingReference.ELSEWHERE : BookingReference.CHAT;
        this.userId = userId;
        this.companyId = companyId;
        this.recordId = recordId;
        this.recordHash = recordHash;
        this.startsAt = startsAt;
        this.createdAt = createdAt;
    }

    BookingReference toReference() {
        return new BookingReference(id, userId, companyId, recordId, recordHash, startsAt, createdAt,
                BookingReference.ELSEWHERE.equals(bookedVia));
    }
}
