package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code customer_contact}: a customer's remembered phone and name, both encrypted. */
@Entity
@Table(name = "customer_contact")
class CustomerContactEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "phone_secret", length = 200, nullable = false)
    private String phoneSecret;

    @Column(name = "name_secret", length = 600, nullable = false)
    private String nameSecret;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected CustomerContactEntity() {
        // for Hibernate
    }

    CustomerContactEntity(long userId, String phoneSecret, String nameSecret, Instant savedAt) {
        this.userId = userId;
        this.phoneSecret = phoneSecret;
        this.nameSecret = nameSecret;
        this.savedAt = savedAt;
    }

    String phoneSecret() {
        return phoneSecret;
    }

    String nameSecret() {
        return nameSecret;
    }

    void replace(String phone, String name, Instant at) {
        this.phoneSecret = phone;
        this.nameSecret = name;
        this.savedAt = at;
    }

    /** Never prints the (encrypted) phone or name. */
    @Override
    public String toString() {
        return "CustomerContactEntity[user=" + userId + "]";
    }
}
