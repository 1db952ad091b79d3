package io.github.yclientsbot.company;

import io.github.yclientsbot.storage.ServiceMapping;

import java.math.BigDecimal;

/**
 * One customer button as customers and admins read it: a YCLIENTS service, optionally with one specialist
 * ({@code staffId == 0}: any), its title and price range (either may be {@code null}: unknown). {@code id} is the
 * stored button's id, the one the in-chat booking's service buttons carry.
 *
 * @param customTitle the title was typed by an admin or names a specialist, so the catalog refresh keeps it
 */
public record ServiceButton(long id, long serviceId, long staffId, String title, boolean customTitle,
                            BigDecimal priceMin, BigDecimal priceMax) {

    /** {@code staffId} meaning "any specialist". */
    public static final long NO_STAFF = ServiceMapping.NO_STAFF;

    /** The button of a stored row. */
    public static ServiceButton of(ServiceMapping row) {
        return new ServiceButton(row.id(), row.serviceId(), row.staffId(), row.title(), row.customTitle(), row.priceMin(),
                row.priceMax());
    }

    /** The button names its specialist. */
    public boolean hasStaff() {
        return staffId != NO_STAFF;
    }
}
