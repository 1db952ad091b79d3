package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code booking_state}: one customer's booking conversation as JSON. */
@Entity
@Table(name = "booking_state")
class BookingStateEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "state_json", length = 32000, nullable = false)
    private String stateJson;

    @Column(name = "version", nullable = false)
    private Integer version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BookingStateEntity() {
        // for Hibernate
    }

    BookingStateEntity(long userId, String stateJson, int version, Instant updatedAt) {
        this.userId = userId;
        this.stateJson = stateJson;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    String stateJson() {
        return stateJson;
    }

    int version() {
        return version;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void update(String json, Instant at) {
        this.stateJson = json;
        this.version = version + 1;
        this.updatedAt = at;
    }
}
