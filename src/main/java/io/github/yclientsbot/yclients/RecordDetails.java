package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A record as the staff side of YCLIENTS reads it ({@code GET /record/{company_id}/{record_id}}, partner + user token):
 * when the visit starts ({@code datetime} exactly as YCLIENTS sent it), how long it lasts, the specialist, the
 * services, the client, its attendance, whether it is confirmed or deleted, and when it last changed. The whole
 * answer is kept (package-private) so that {@code PUT /record}, a full update, can send the record's fields back.
 *
 * <p>The client's phone and e-mail never appear in {@link #toString()}.
 */
public final class RecordDetails {
  private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

  /** A service of the record; the amounts are null when YCLIENTS leaves them out. */
  public record Service(long id, String title, BigDecimal cost, BigDecimal firstCost, BigDecimal discount,
      BigDecimal amount) {
  }

  /** The record's client; any field may be null (a record without a client has none at all). */
  public record Client(Long id, String name, String phone, String email) {
    @Override
    public String toString() {
      return "Client[id=" + id + ", name=" + name + ", phone=" + (phone == null ? "none" : "(masked)")
          + ", email=" + (email == null ? "none" : "(masked)") + "]";
    }
  }

  private final long id;
  private final long companyId;
  private final String datetime;
  private final long lengthSeconds;
  private final long staffId;
  private final String staffName;
  private final List<Service> services;
  private final Client client;
  private final int attendance;
  private final int visitAttendance;
  private final boolean confirmed;
  private final boolean deleted;
  private final String lastChangeDate;
  private final String comment;
  private final ObjectNode raw;

  private RecordDetails(ObjectNode node, long fallbackId, long fallbackCompany) {
    this.raw = node.deepCopy();
    this.id = TolerantJson.longValue(node, "id", fallbackId);
    this.companyId = TolerantJson.longValue(node, "company_id", fallbackCompany);
    String when = TolerantJson.nonBlank(node, "datetime");
    this.datetime = when == null ? null : when.strip();
    long length = TolerantJson.longValue(node, "seance_length", 0);
    this.lengthSeconds = length > 0 ? length : TolerantJson.longValue(node, "length", 0);
    JsonNode staff = node.path("staff");
    long staffFromObject = staff.isObject() ? TolerantJson.longValue(staff, "id", 0) : 0;
    this.staffId = TolerantJson.longValue(node, "staff_id", staffFromObject);
    String name = staff.isObject() ? TolerantJson.nonBlank(staff, "name") : null;
    this.staffName = name == null ? null : name.strip();
    this.services = services(node.path("services"));
    this.client = client(node.path("client"));
    this.attendance = TolerantJson.intValue(node, "attendance", 0);
    this.visitAttendance = TolerantJson.intValue(node, "visit_attendance", attendance);
    this.confirmed = TolerantJson.bool(node, "confirmed", false);
    this.deleted = TolerantJson.bool(node, "deleted", false);
    String changed = TolerantJson.nonBlank(node, "last_change_date");
    this.lastChangeDate = changed == null ? null : changed.strip();
    this.comment = TolerantJson.text(node, "comment");
  }

  /**
   * The record in {@code node} (an object of a YCLIENTS answer).
   *
   * @param fallbackId      the id asked for, when the answer leaves it out
   * @param fallbackCompany the company asked for, when the answer leaves it out
   */
  static RecordDetails of(JsonNode node, long fallbackId, long fallbackCompany) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a record is an object");
    }
    return new RecordDetails((ObjectNode) node, fallbackId, fallbackCompany);
  }

  /** The answer as YCLIENTS sent it (a copy): what a full update sends back. */
  ObjectNode raw() {
    return raw.deepCopy();
  }

  public long id() {
    return id;
  }

  public long companyId() {
    return companyId;
  }

  /** When the visit starts, exactly as YCLIENTS sent it (null when it did not): send this string back unchanged. */
  public String datetime() {
    return datetime;
  }

  /** How long the visit lasts, in seconds ({@code seance_length}, else {@code length}); 0 when unknown. */
  public long lengthSeconds() {
    return lengthSeconds;
  }

  /** The specialist ({@code staff_id}, else {@code staff.id}); 0 when unknown. */
  public long staffId() {
    return staffId;
  }

  /** The specialist's name, or null. */
  public String staffName() {
    return staffName;
  }

  public List<Service> services() {
    return services;
  }

  /** The client, or null when the record has none. */
  public Client client() {
    return client;
  }

  /** {@code attendance} as YCLIENTS sent it (0 when absent). */
  public int attendance() {
    return attendance;
  }

  /** {@link #attendance()} as a status; empty for a code YCLIENTS does not document. */
  public Optional<VisitAttendance> attendanceStatus() {
    return VisitAttendance.of(attendance);
  }

  /** {@code visit_attendance}: the attendance of the whole visit (the record's own when absent). */
  public int visitAttendance() {
    return visitAttendance;
  }

  /** The salon confirmed the record ({@code confirmed}); unconfirmed online bookings wait for it. */
  public boolean confirmed() {
    return confirmed;
  }

  public boolean deleted() {
    return deleted;
  }

  /** {@code last_change_date} as YCLIENTS sent it, or null. */
  public String lastChangeDate() {
    return lastChangeDate;
  }

  /** The record's comment, or null. */
  public String comment() {
    return comment;
  }

  /** When the visit starts; a date-time without an offset is read in {@code zone} (the company's). */
  public Optional<Instant> startsAt(ZoneId zone) {
    return instant(datetime, zone);
  }

  /** When the record last changed; a date-time without an offset is read in {@code zone} (the company's). */
  public Optional<Instant> lastChangedAt(ZoneId zone) {
    return instant(lastChangeDate, zone);
  }

  /**
   * A YCLIENTS date-time as an instant, whatever form it came in: {@code 2026-12-01T11:30:00+03:00} (also with
   * milliseconds, {@code Z} or an offset without a colon, {@code +0300}), {@code 2026-12-01 11:30:00} or
   * {@code 2026-12-01T11:30:00} in {@code zone}, or unix seconds.
   */
  static Optional<Instant> instant(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
      }
      String iso = OFFSET_WITHOUT_COLON.matcher(value.replace(' ', 'T')).replaceFirst("$1:$2");
      try {
        return Optional.of(OffsetDateTime.parse(iso).toInstant());
      } catch (DateTimeException noOffset) {
        return Optional.of(LocalDateTime.parse(iso).atZone(Objects.requireNonNull(zone, "zone")).toInstant());
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<Service> services(JsonNode list) {
    List<Service> out = new ArrayList<>();
    if (list.isArray()) {
      for (JsonNode s : list) {
        Long id = s.isObject() ? TolerantJson.longValue(s, "id") : TolerantJson.toLong(s);
        if (id == null) {
          continue;
        }
        String title = s.isObject() ? TolerantJson.nonBlank(s, "title") : null;
        out.add(new Service(id, title == null ? "" : title.strip(), TolerantJson.decimal(s, "cost"),
            TolerantJson.decimal(s, "first_cost"), TolerantJson.decimal(s, "discount"),
            TolerantJson.decimal(s, "amount")));
      }
    }
    return List.copyOf(out);
  }

  private static Client client(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    return new Client(TolerantJson.longValue(node, "id"), TolerantJson.nonBlank(node, "name"),
        TolerantJson.nonBlank(node, "phone"), TolerantJson.nonBlank(node, "email"));
  }

  @Override
  public String toString() {
    return "RecordDetails[id=" + id + ", company=" + companyId + ", datetime=" + datetime + ", length="
        + lengthSeconds + ", staff=" + staffId + ", services=" + services.stream().map(Service::id).toList()
        + ", attendance=" + attendance + ", visitAttendance=" + visitAttendance + ", confirmed=" + confirmed
        + ", deleted=" + deleted + ", lastChange=" + lastChangeDate + ", client=" + client + "]";
  }
}
