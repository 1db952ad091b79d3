package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code record_poll}: a company's record-poll watermark and when the poll last finished. */
@Entity
@Table(name = "record_poll")
class RecordPollEntity {

    @Id
    @Column(name = "company_id", nullable = false)
    private Long companyId;

    @Column(name = "changed_up_to", nullable = false)
    private Instant changedUpTo;

    @Column(name = "polled_at", nullable = false)
    private Instant polledAt;

    protected RecordPollEntity() {
        // for Hibernate
    }

    RecordPollEntity(long companyId, Instant changedUpTo, Instant polledAt) {
        this.companyId = companyId;
        this.changedUpTo = changedUpTo;
        this.polledAt = polledAt;
    }

    Instant changedUpTo() {
        return changedUpTo;
    }

    void update(Instant upTo, Instant at) {
        this.changedUpTo = upTo;
        this.polledAt = at;
    }

    RecordPollMarks.Mark toMark() {
        return new RecordPollMarks.Mark(companyId, changedUpTo, polledAt);
    }
}
