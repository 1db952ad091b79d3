package io.github.yclientsbot.yclients;

import java.util.Optional;

/**
 * A record's {@code attendance} (and {@code visit_attendance}) in YCLIENTS: 2 the client confirmed, 1 came, 0 waiting,
 * −1 did not come.
 */
public enum VisitAttendance {
  DID_NOT_COME(-1),
  WAITING(0),
  CAME(1),
  CONFIRMED(2);

  private final int code;

  VisitAttendance(int code) {
    this.code = code;
  }

  /** The number YCLIENTS uses. */
  public int code() {
    return code;
  }

  /** The status of a code; empty for a code YCLIENTS does not document. */
  public static Optional<VisitAttendance> of(int code) {
    for (VisitAttendance a : values()) {
      if (a.code == code) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
