package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code customer_branch}: the branch (a YCLIENTS company) a customer of a chain chose, and when. */
@Entity
@Table(name = "customer_branch")
class CustomerBranchEntity {

    @Id
    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Column(name = "chosen_at", nullable = false)
    private Instant chosenAt;

    protected CustomerBranchEntity() {
        // for Hibernate
    }

    CustomerBranchEntity(long userId, long companyId, Instant chosenAt) {
        this.userId = userId;
        this.companyId = companyId;
        this.chosenAt = chosenAt;
    }

    long companyId() {
        return companyId;
    }

    void choose(long company, Instant at) {
        this.companyId = company;
        this.chosenAt = at;
    }
}
