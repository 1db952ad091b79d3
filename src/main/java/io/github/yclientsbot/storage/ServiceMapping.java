package io.github.yclientsbot.storage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One customer button: a YCLIENTS service, optionally with one specialist ({@code staffId == 0} means none).
 * Unique on ({@code serviceId}, {@code staffId}). Prices are stored with scale 2 and may be {@code null}
 * (unknown). Buttons are shown ordered by {@code position}, then {@code id}.
 */
public record ServiceMapping(long id, long serviceId, long staffId, String title, boolean customTitle,
                             BigDecimal priceMin, BigDecimal priceMax, int position,
                             Instant createdAt, Instant updatedAt) {

    /** {@code staffId} meaning "any specialist". */
    public static final long NO_STAFF = 0L;
}
