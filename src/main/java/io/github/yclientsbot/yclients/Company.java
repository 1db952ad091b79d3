package io.github.yclientsbot.yclients;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company (branch) from {@code GET /company/{id}?showBookforms=1}. {@code title} is never null;
 * the other strings are null when YCLIENTS leaves them out. {@code timezoneName} is an IANA name
 * such as "Europe/Moscow", or null when only a numeric offset was given. {@code changes}: whether, and until how
 * close to the visit, customers may move or cancel a booking online. {@code latitude} and {@code longitude}
 * ({@code coordinate_lat}, {@code coordinate_lon}) are null when not given, or given as 0 (not placed on the map).
 */
public record Company(long id, String title, String publicTitle, String city, String address, String phone,
    String timezoneName, boolean phoneConfirmation, List<BookformRef> bookforms, Changes changes, Double latitude,
    Double longitude) {

  /**
   * The company's rules for customers' own changes: {@code allow_change_record} / {@code allow_delete_record}, and
   * {@code allow_change_record_delay_step} / {@code allow_delete_record_delay_step} — how long before the visit
   * (seconds in YCLIENTS's answers, e.g. 10800 for three hours) the last move or cancel may be made.
   */
  public record Changes(boolean moveAllowed, Duration moveUntilBefore, boolean cancelAllowed,
      Duration cancelUntilBefore) {
    /** YCLIENTS said nothing (an older answer): every change allowed up to the visit, as before these rules. */
    public static final Changes UNSTATED = new Changes(true, Duration.ZERO, true, Duration.ZERO);

    public Changes {
      moveUntilBefore = nonNegative(moveUntilBefore);
      cancelUntilBefore = nonNegative(cancelUntilBefore);
    }

    private static Duration nonNegative(Duration d) {
      return d == null || d.isNegative() ? Duration.ZERO : d;
    }
  }

  public Company {
    bookforms = bookforms == null ? List.of() : List.copyOf(bookforms);
    changes = Objects.requireNonNullElse(changes, Changes.UNSTATED);
  }

  /** A company whose answer carried no rules for customers' changes. */
  public Company(long id, String title, String publicTitle, String city, String address, String phone,
      String timezoneName, boolean phoneConfirmation, List<BookformRef> bookforms) {
    this(id, title, publicTitle, city, address, phone, timezoneName, phoneConfirmation, bookforms, Changes.UNSTATED);
  }

  /** A company without coordinates (as most fixtures and the old shape give it). */
  public Company(long id, String title, String publicTitle, String city, String address, String phone,
      String timezoneName, boolean phoneConfirmation, List<BookformRef> bookforms, Changes changes) {
    this(id, title, publicTitle, city, address, phone, timezoneName, phoneConfirmation, bookforms, changes, null, null);
  }

  /** A company whose answer carried no rules for customers' changes, placed on the map. */
  public Company(long id, String title, String publicTitle, String city, String address, String phone,
      String timezoneName, boolean phoneConfirmation, List<BookformRef> bookforms, Double latitude, Double longitude) {
    this(id, title, publicTitle, city, address, phone, timezoneName, phoneConfirmation, bookforms, Changes.UNSTATED,
        latitude, longitude);
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
