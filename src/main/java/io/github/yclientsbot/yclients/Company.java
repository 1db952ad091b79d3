package io.github.yclientsbot.yclients;

import java.util.List;
import java.util.Optional;

/**
 * A company (branch) from {@code GET /company/{id}?showBookforms=1}. {@code title} is never null;
 * the other strings are null when YCLIENTS leaves them out. {@code timezoneName} is an IANA name
 * such as "Europe/Moscow", or null when only a numeric offset was given. {@code latitude} and {@code longitude}
 * ({@code coordinate_lat}, {@code coordinate_lon}) are null when not given, or given as 0 (not placed on the map).
 */
public record Company(long id, String title, String publicTitle, String city, String address, String phone,
    String timezoneName, boolean phoneConfirmation, List<BookformRef> bookforms, Double latitude, Double longitude) {

  public Company {
    bookforms = bookforms == null ? List.of() : List.copyOf(bookforms);
  }

  /** A company without coordinates (as most fixtures and the old shape give it). */
  public Company(long id, String title, String publicTitle, String city, String address, String phone,
      String timezoneName, boolean phoneConfirmation, List<BookformRef> bookforms) {
    this(id, title, publicTitle, city, address, phone, timezoneName, phoneConfirmation, bookforms, null, null);
  }

  /** The title to show customers: {@code publicTitle} when non-blank, else {@code title}. */
  public String displayTitle() {
    return publicTitle != null && !publicTitle.isBlank() ? publicTitle : title;
  }

  /** The {@code is_default} form, else the first form; forms without a url are skipped. */
  public Optional<BookformRef> defaultBookform() {
    List<BookformRef> usable = bookforms.stream().filter(form -> !form.url().isBlank()).toList();
    return usable.stream().filter(BookformRef::isDefault).findFirst().or(() -> usable.stream().findFirst());
  }
}
