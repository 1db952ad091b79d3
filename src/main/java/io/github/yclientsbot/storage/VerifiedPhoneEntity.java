package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code verified_phone}: a keyed hash of a phone a customer proved is theirs, how, and when. */
@Entity
@Table(name = "verified_phone")
class VerifiedPhoneEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "phone_hash", length = 64, nullable = false)
    private String phoneHash;

    @Column(name = "verified_how", length = 16, nullable = false)
    private String verifiedHow;

    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    protected VerifiedPhoneEntity() {
        // for Hibernate
    }

    VerifiedPhoneEntity(long userId, String phoneHash, String verifiedHow, Instant verifiedAt) {
        this.userId = userId;
        this.phoneHash = phoneHash;
        this.verifiedHow = verifiedHow;
        this.verifiedAt = verifiedAt;
    }

    long userId() {
        return userId;
    }

    void renew(String how, Instant at) {
        this.verifiedHow = how;
        this.verifiedAt = at;
    }
}
