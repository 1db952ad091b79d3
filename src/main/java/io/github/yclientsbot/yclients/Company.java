package io.github.yclientsbot.yclients;

import java.util.List;
import java.util.Optional;

/**
 * A company (branch) from {@code GET /company/{id}?showBookforms=1}. {@code title} is never null;
 * the other strings are null when YCLIENTS leaves them out. {@code timezoneName} is an IANA name
 * such as "Europe/Moscow", or null when only a numeric offset was given.
 */
public record Company(long id, String title, String publicTitle, String city, String address, String phone,
    String timezoneName, boolean phoneConfirmation, List<BookformRef> bookforms) {

  public Company {
    bookforms = bookforms == null ? List.of() : List.copyOf(bookforms);
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
