package io.github.yclientsbot.yclients;

import java.util.List;

/** Services and their categories from {@code GET /book_services/{company_id}}. */
public record BookServices(List<BookService> services, List<ServiceCategory> categories) {

  public BookServices {
    services = services == null ? List.of() : List.copyOf(services);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
