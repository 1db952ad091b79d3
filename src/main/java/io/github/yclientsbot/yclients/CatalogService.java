package io.github.yclientsbot.yclients;

import java.math.BigDecimal;
import java.util.List;

/**
 * A service from the admin catalog, {@code GET /company/{id}/services} (partner + user token).
 * {@code online} is {@code is_online} (true when absent); {@code staffIds} lists who performs it.
 */
public record CatalogService(long id, String title, BigDecimal priceMin, BigDecimal priceMax, boolean active,
    boolean online, List<Long> staffIds) {

  public CatalogService {
    staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
  }
}
