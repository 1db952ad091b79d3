package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code bot_setting}. Secret values are stored encrypted; this class never sees the plain text. */
@Entity
@Table(name = "bot_setting")
class BotSettingEntity {

    @Id
    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "setting_value", length = 4000, nullable = false)
    private String storedValue;

    @Column(name = "is_secret", nullable = false)
    private boolean secret;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    protected BotSettingEntity() {
        // for Hibernate
    }

    BotSettingEntity(String name) {
        this.name = name;
    }

    void update(String storedValue, boolean secret, Instant updatedAt, Long updatedBy) {
        this.storedValue = storedValue;
        this.secret = secret;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    String name() {
        return name;
    }

    String storedValue() {
        return storedValue;
    }

    boolean secret() {
        return secret;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Long updatedBy() {
        return updatedBy;
    }

    @Override
    public String toString() {
        return "BotSettingEntity[name=" + name + ", secret=" + secret + "]";
    }
}
