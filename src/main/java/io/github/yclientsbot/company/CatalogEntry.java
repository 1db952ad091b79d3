package io.github.yclientsbot.company;

import java.math.BigDecimal;

/** One YCLIENTS service as the bot knows it; {@code onlineBookable=false}: found only in the admin catalog. */
public record CatalogEntry(long id, String title, BigDecimal priceMin, BigDecimal priceMax, boolean onlineBookable) {}
