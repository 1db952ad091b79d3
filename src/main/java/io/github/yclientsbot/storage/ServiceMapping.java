package io.github.yclientsbot.storage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One customer button of one branch ({@code companyId}; {@link #UNASSIGNED} until the bot knows its company): a
 * YCLIENTS service, optionally with one specialist ({@code staffId == 0} means none).
 * Unique on ({@code companyId}, {@code serviceId}, {@code staffId}). Prices are stored with scale 2 and may be {@code null}
 * (unknown). Buttons are shown ordered by {@code position}, then {@code id}.
 */
public record ServiceMapping(long id, long serviceId, long staffId, String title, boolean customTitle,
                             BigDecimal priceMin, BigDecimal priceMax, int position,
                             Instant createdAt, Instant updatedAt, long companyId) {

    /** {@code companyId} of a button that belongs to no branch yet (before any company was set). */
    public static final long UNASSIGNED = 0L;

    /** A button of no branch yet. */
    public ServiceMapping(long id, long serviceId, long staffId, String title, boolean customTitle, BigDecimal priceMin,
                          BigDecimal priceMax, int position, Instant createdAt, Instant updatedAt) {
        this(id, serviceId, staffId, title, customTitle, priceMin, priceMax, position, createdAt, updatedAt, UNASSIGNED);
    }

    /** {@code staffId} meaning "any specialist". */
    public static final long NO_STAFF = 0L;
}
