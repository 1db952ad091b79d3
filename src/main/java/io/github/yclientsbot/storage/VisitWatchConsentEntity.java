package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code visit_watch_consent}: a customer's answer to "remind me of all my visits at <salon>", and when. */
@Entity
@Table(name = "visit_watch_consent")
class VisitWatchConsentEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Column(name = "agreed", nullable = false)
    private boolean agreed;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected VisitWatchConsentEntity() {
        // for Hibernate
    }

    VisitWatchConsentEntity(long userId, long companyId, boolean agreed, Instant answeredAt) {
        this.userId = userId;
        this.answer(companyId, agreed, answeredAt);
    }

    void answer(long company, boolean yes, Instant at) {
        this.companyId = company;
        this.agreed = yes;
        this.answeredAt = at;
    }

    VisitWatch.Answer toAnswer() {
        return new VisitWatch.Answer(userId, companyId, agreed, answeredAt);
    }
}
