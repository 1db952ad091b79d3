package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code bot_admin}: a Telegram user who claimed the bot in chat. */
@Entity
@Table(name = "bot_admin")
class BotAdminEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_how", length = 100, nullable = false)
    private String addedHow;

    protected BotAdminEntity() {
        // for Hibernate
    }

    BotAdminEntity(long userId, Instant addedAt, String addedHow) {
        this.userId = userId;
        this.addedAt = addedAt;
        this.addedHow = addedHow;
    }

    long userId() {
        return userId;
    }
}
