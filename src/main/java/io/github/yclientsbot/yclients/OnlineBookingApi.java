package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online booking as a customer does it, with the partner token only: services, specialists, days and times open for
 * booking, the check and the booking itself (with an SMS code when the company wants one), a booking read back
 * or cancelled by its id and hash, and moved to another free time.
 */
public final class OnlineBookingApi {
  private static final Logger log = LoggerFactory.getLogger(OnlineBookingApi.class);

  private final YclientsHttp http;

  OnlineBookingApi(YclientsHttp http) {
    this.http = http;
  }

  /** {@code GET /api/v1/book_services/{company_id}}, partner token only. */
  public BookServices bookServices(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/book_services/" + companyId;
    return http.get(c, false, path, http.url(path).build()).object(node -> {
      List<BookService> services = Answer.items(node.path("services"), item -> new BookService(
          Answer.requiredId(item),
          TolerantJson.textOrEmpty(item, "title"),
          TolerantJson.longValue(item, "category_id", 0),
          TolerantJson.decimal(item, "price_min"),
          TolerantJson.decimal(item, "price_max"),
          TolerantJson.longValue(item, "seance_length", 0),
          TolerantJson.bool(item, "active", true)));
      JsonNode categoryNode = node.path("category").isArray() ? node.path("category") : node.path("categories");
      List<ServiceCategory> categories = Answer.items(categoryNode, item -> new ServiceCategory(
          Answer.requiredId(item),
          TolerantJson.textOrEmpty(item, "title"),
          TolerantJson.intValue(item, "weight", 0)));
      return new BookServices(services, categories);
    });
  }

  /** {@code GET /api/v1/book_staff/{company_id}[?service_ids[]=X]}, partner token only. */
  public List<BookStaff> bookStaff(YclientsCredentials c, long companyId, Long serviceIdOrNull)
      throws YclientsException {
    String path = "/api/v1/book_staff/" + companyId;
    HttpUrl.Builder url = http.url(path);
    if (serviceIdOrNull != null) {
      url.addEncodedQueryParameter("service_ids[]", String.valueOf(serviceIdOrNull));
    }
    return http.get(c, false, path, url.build()).array(item -> new BookStaff(
        Answer.requiredId(item),
        TolerantJson.textOrEmpty(item, "name"),
        TolerantJson.nonBlank(item, "specialization"),
        TolerantJson.bool(item, "bookable", true)));
  }

  /**
   * {@code GET /api/v1/book_dates/{company_id}?service_ids[]=X&staff_id=Y&date_from=..&date_to=..}, partner token
   * only: the bookable days ({@code booking_dates}) in that range, sorted.
   */
  public List<LocalDate> bookDates(YclientsCredentials c, long companyId, long serviceId, long staffId,
      LocalDate from, LocalDate to) throws YclientsException {
    String path = "/api/v1/book_dates/" + companyId;
    HttpUrl.Builder url = http.url(path)
        .addEncodedQueryParameter("service_ids[]", String.valueOf(serviceId))
        .addQueryParameter("date_from", from.toString())
        .addQueryParameter("date_to", to.toString());
    if (staffId > 0) {
      url.addQueryParameter("staff_id", String.valueOf(staffId));
    }
    return http.get(c, false, path, url.build()).object(node -> {
      TreeSet<LocalDate> days = new TreeSet<>();
      for (JsonNode d : node.path("booking_dates")) {
        try {
          days.add(LocalDate.parse(d.asText().strip()));
        } catch (DateTimeParseException e) {
          log.debug("YCLIENTS: skipped a booking date that is not YYYY-MM-DD");
        }
      }
      return List.copyOf(days);
    });
  }

  /** {@code GET /api/v1/book_times/{company_id}/{staff_id}/{date}?service_ids[]=X} (staff 0 = any), partner only. */
  public List<BookTime> bookTimes(YclientsCredentials c, long companyId, long staffId, LocalDate date,
      long serviceId) throws YclientsException {
    String path = "/api/v1/book_times/" + companyId + "/" + Math.max(0, staffId) + "/" + date;
    HttpUrl url = http.url(path).addEncodedQueryParameter("service_ids[]", String.valueOf(serviceId)).build();
    Answer answer = http.get(c, false, path, url);
    if (!answer.data().isArray()) {
      throw answer.badResponse("unexpected JSON: data is not an array");
    }
    List<BookTime> times = new ArrayList<>();
    for (JsonNode item : answer.data()) {
      String time = TolerantJson.nonBlank(item, "time");
      String datetime = item.path("datetime").isMissingNode() || item.path("datetime").isNull() ? null
          : item.path("datetime").asText();
      if (time != null && datetime != null && !datetime.isBlank()) {
        times.add(new BookTime(time.strip(), datetime, TolerantJson.longValue(item, "seance_length", 0)));
      }
    }
    return List.copyOf(times);
  }

  /** {@code POST /api/v1/book_check/{company_id}}: returns when the appointments can be booked, else throws (433…). */
  public void bookCheck(YclientsCredentials c, long companyId, List<Appointment> appointments) throws YclientsException {
    String path = "/api/v1/book_check/" + companyId;
    ObjectNode body = http.object();
    body.set("appointments", appointmentsNode(appointments));
    http.post(c, path, body, false);
  }

  /** {@code POST /api/v1/book_code/{company_id}} {@code {phone, fullname}}: YCLIENTS texts the customer a code. */
  public void bookCode(YclientsCredentials c, long companyId, String phone, String fullname) throws YclientsException {
    String path = "/api/v1/book_code/" + companyId;
    http.post(c, path, http.object().put("phone", phone).put("fullname", fullname), false);
  }

  /** {@code POST /api/v1/book_record/{company_id}}: books; one record per appointment. */
  public List<BookedRecord> bookRecord(YclientsCredentials c, long companyId, BookingRequest request)
      throws YclientsException {
    String path = "/api/v1/book_record/" + companyId;
    ObjectNode body = http.object()
        .put("phone", request.phone())
        .put("fullname", request.fullname())
        .put("email", "");
    if (request.code() != null) {
      body.put("code", request.code());
    }
    if (request.comment() != null) {
      body.put("comment", request.comment());
    }
    body.set("appointments", appointmentsNode(request.appointments()));
    Answer answer = http.post(c, path, body, true);
    JsonNode data = answer.data().isObject() ? http.array().add(answer.data()) : answer.data();
    List<BookedRecord> records = new ArrayList<>();
    for (JsonNode item : data) {
      Long id = TolerantJson.longValue(item, "record_id");
      String hash = TolerantJson.nonBlank(item, "record_hash");
      if (id != null && hash != null) {
        records.add(new BookedRecord(id, hash.strip()));
      }
    }
    if (records.isEmpty()) {
      throw answer.badResponse("unexpected JSON: no record_id/record_hash");
    }
    return List.copyOf(records);
  }

  /** {@code GET /api/v1/book_record/{company_id}/{record_id}/{record_hash}}: a booking read back, partner token only. */
  public RecordInfo readRecord(YclientsCredentials c, long companyId, long recordId, String recordHash)
      throws YclientsException {
    String path = "/api/v1/book_record/" + companyId + "/" + recordId + "/"
        + Objects.requireNonNull(recordHash, "recordHash");
    Redactor redactor = new Redactor(c.partnerToken(), c.userToken(), recordHash);
    String logged = "/api/v1/book_record/" + companyId + "/" + recordId;
    Answer answer = http.send("GET", logged, http.url(path).build(), YclientsHttp.partner(c.partnerToken()), null,
        redactor, true);
    JsonNode node = answer.data().isArray() ? answer.data().path(0) : answer.data();
    if (!node.isObject()) {
      throw answer.badResponse("unexpected JSON: data is not an object");
    }
    String datetime = TolerantJson.nonBlank(node, "datetime");
    if (datetime == null) {
      throw answer.badResponse("unexpected JSON: no datetime");
    }
    List<String> services = new ArrayList<>();
    List<Long> serviceIds = new ArrayList<>();
    for (JsonNode s : node.path("services")) {
      String title = TolerantJson.nonBlank(s, "title");
      if (title != null) {
        services.add(title.strip());
      }
      Long serviceId = s.isObject() ? TolerantJson.longValue(s, "id") : TolerantJson.toLong(s);
      if (serviceId != null) {
        serviceIds.add(serviceId);
      }
    }
    long length = TolerantJson.longValue(node, "seance_length", 0);
    if (length <= 0) {
      length = TolerantJson.longValue(node, "length", 0);
    }
    String staff = node.path("staff").isObject() ? TolerantJson.nonBlank(node.path("staff"), "name") : null;
    boolean deleted = TolerantJson.bool(node, "deleted", false);
    long staffId = TolerantJson.longValue(node, "staff_id",
        node.path("staff").isObject() ? TolerantJson.longValue(node.path("staff"), "id", 0) : 0);
    // the online read documents no attendance; when YCLIENTS sends one anyway (as the staff read does), it is kept
    long attendance = TolerantJson.longValue(node, "attendance", TolerantJson.longValue(node, "visit_attendance", 0));
    return new RecordInfo(TolerantJson.longValue(node, "id", recordId), datetime.strip(), length, services,
        staff == null ? null : staff.strip(), deleted, serviceIds, staffId, (int) attendance);
  }

  /** {@code DELETE /api/v1/user/records/{record_id}/{record_hash}}: cancels a booking (200/204), partner token only. */
  public void cancelRecord(YclientsCredentials c, long recordId, String recordHash) throws YclientsException {
    String path = "/api/v1/user/records/" + recordId + "/" + Objects.requireNonNull(recordHash, "recordHash");
    Redactor redactor = new Redactor(c.partnerToken(), c.userToken(), recordHash);
    http.send("DELETE", "/api/v1/user/records/" + recordId, http.url(path).build(),
        YclientsHttp.partner(c.partnerToken()), null, redactor, false);
  }

  /**
   * {@code PUT /api/v1/book_record/{company_id}/{record_id}} {@code {"datetime": …}}: an online booking moved to
   * another time ("change online booking date/time"), which must be one {@code book_times} offered for its specialist
   * and service. The docs disagree on the tokens (partner only, or partner + user): the user token goes along when
   * there is one. Returns the record's datetime as YCLIENTS answers it, else {@code datetime} as sent. A time taken
   * meanwhile or a change the company does not allow comes back as an HTTP error (4xx) and nothing moved.
   */
  public String moveRecord(YclientsCredentials c, long companyId, long recordId, String datetime)
      throws YclientsException {
    String path = "/api/v1/book_record/" + companyId + "/" + recordId;
    ObjectNode body = http.object().put("datetime", Objects.requireNonNull(datetime, "datetime"));
    Answer answer = http.send("PUT", path, http.url(path).build(),
        YclientsHttp.authorization(c, c.hasUserToken(), "PUT", path), http.json(body, path), Redactor.of(c), false);
    JsonNode node = answer.data().isArray() ? answer.data().path(0) : answer.data();
    String now = node.isObject() ? TolerantJson.nonBlank(node, "datetime") : null;
    return now == null ? datetime : now.strip();
  }

  private ArrayNode appointmentsNode(List<Appointment> appointments) {
    ArrayNode list = http.array();
    int id = 1;
    for (Appointment a : appointments) {
      ObjectNode item = list.addObject().put("id", id++);
      item.putArray("services").add(a.serviceId());
      item.put("staff_id", Math.max(0, a.staffId()));
      item.put("datetime", a.datetime());
    }
    return list;
  }
}
