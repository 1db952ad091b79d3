package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code booking_consent}: when a customer accepted which privacy policy. */
@Entity
@Table(name = "booking_consent")
class BookingConsentEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    @Column(name = "policy_url", length = 1000, nullable = false)
    private String policyUrl;

    protected BookingConsentEntity() {
        // for Hibernate
    }

    BookingConsentEntity(long userId, Instant consentedAt, String policyUrl) {
        this.userId = userId;
        this.consentedAt = consentedAt;
        this.policyUrl = policyUrl;
    }

    Instant consentedAt() {
        return consentedAt;
    }

    void renew(Instant at, String url) {
        this.consentedAt = at;
        this.policyUrl = url;
    }
}
