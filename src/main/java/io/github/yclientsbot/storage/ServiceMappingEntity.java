package io.github.yclientsbot.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Row of {@code service_mapping}: one customer button. */
@Entity
@Table(name = "service_mapping")
class ServiceMappingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Column(name = "service_id", nullable = false)
    private long serviceId;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Column(name = "title", length = 255, nullable = false)
    private String title;

    @Column(name = "custom_title", nullable = false)
    private boolean customTitle;

    @Column(name = "price_min", precision = 12, scale = 2)
    private BigDecimal priceMin;

    @Column(name = "price_max", precision = 12, scale = 2)
    private BigDecimal priceMax;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ServiceMappingEntity() {
        // for Hibernate
    }

    ServiceMappingEntity(long companyId, long serviceId, long staffId, int position, Instant createdAt) {
        this.companyId = companyId;
        this.serviceId = serviceId;
        this.staffId = staffId;
        this.sortOrder = position;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    long companyId() {
        return companyId;
    }

    long serviceId() {
        return serviceId;
    }

    long staffId() {
        return staffId;
    }

    String title() {
        return title;
    }

    boolean customTitle() {
        return customTitle;
    }

    BigDecimal priceMin() {
        return priceMin;
    }

    BigDecimal priceMax() {
        return priceMax;
    }

    void setTitle(String title, boolean customTitle) {
        this.title = title;
        this.customTitle = customTitle;
    }

    void setPrices(BigDecimal priceMin, BigDecimal priceMax) {
        this.priceMin = priceMin;
        this.priceMax = priceMax;
    }

    void moveTo(long companyId) {
        this.companyId = companyId;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    ServiceMapping toRecord() {
        return new ServiceMapping(id, serviceId, staffId, title, customTitle, priceMin, priceMax, sortOrder,
                createdAt, updatedAt, companyId);
    }
}
