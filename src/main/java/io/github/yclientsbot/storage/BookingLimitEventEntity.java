package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code booking_limit_event}: one counted event of the in-chat booking (SMS sent, booking made, wrong code). */
@Entity
@Table(name = "booking_limit_event")
class BookingLimitEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "event_kind", length = 16, nullable = false)
    private String eventKind;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "phone_hash", length = 64, nullable = false)
    private String phoneHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BookingLimitEventEntity() {
        // for Hibernate
    }

    BookingLimitEventEntity(String eventKind, long userId, String phoneHash, Instant createdAt) {
        this.eventKind = eventKind;
        this.userId = userId;
        this.phoneHash = phoneHash;
        this.createdAt = createdAt;
    }
}
