package io.github.yclientsbot.yclients;

import java.math.BigDecimal;

/**
 * A service offered for online booking. Prices are normalized ({@code "2500.00"} and {@code 2500}
 * both become {@code 2500}) and null when YCLIENTS leaves them out. {@code title} is never null.
 */
public record BookService(long id, String title, long categoryId, BigDecimal priceMin, BigDecimal priceMax,
    long seanceLengthSeconds, boolean active) {
}
