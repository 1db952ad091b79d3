package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The company's records as its staff sees them, with the partner and the user token: one record read
 * ({@code GET /record}), a page of records ({@code GET /records}, by visit day, last change, specialist or client),
 * and a record written back ({@code PUT /record}).
 *
 * <p>{@code PUT /record} is a full update, not a partial one (a field left out may be cleared, a required one missing
 * is refused with 422) and YCLIENTS has no version check: {@link #update} sends back every field the Edit Appointment
 * method takes, as they were read, with the change applied. Read the record right before writing it.
 */
public final class RecordsApi {
  private static final Logger log = LoggerFactory.getLogger(RecordsApi.class);
  private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  /** Fields of the record the Edit Appointment method takes, sent back as they were read when present. */
  private static final List<String> KEPT = List.of("comment", "sms_remain_hours", "email_remain_hours", "api_id",
      "custom_color", "technical_break_duration");

  private final YclientsHttp http;

  RecordsApi(YclientsHttp http) {
    this.http = http;
  }

  /** What to write: the record as read right before, the attendance it should get, and the body's two switches. */
  public record Update(RecordDetails current, VisitAttendance attendance, boolean saveIfBusy, boolean sendSms) {
    public Update {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(attendance, "attendance");
    }

    /**
     * The record with another attendance, and nothing else changed. No SMS about it ({@code send_sms} off), and
     * {@code save_if_busy} on: the time and specialist are sent back as they are, so a time the salon itself filled
     * twice, or took out of the working hours since, does not refuse a change of attendance.
     */
    public static Update attendance(RecordDetails current, VisitAttendance attendance) {
      return new Update(current, attendance, true, false);
    }
  }

  /**
   * {@code GET /api/v1/record/{company_id}/{record_id}}, partner + user token.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public RecordDetails record(YclientsCredentials c, long companyId, long recordId) throws YclientsException {
    String path = "/api/v1/record/" + companyId + "/" + recordId;
    Answer answer = http.get(c, true, path, http.url(path).build());
    JsonNode data = answer.data().isArray() ? answer.data().path(0) : answer.data();
    RecordDetails record = answer.withData(data).object(node -> RecordDetails.of(node, recordId, companyId));
    if (record.datetime() == null) {
      throw answer.badResponse("unexpected JSON: no datetime");
    }
    return record;
  }

  /**
   * {@code GET /api/v1/records/{company_id}} with the query's filters, partner + user token: one page. Items without
   * an id or a datetime are skipped (and counted in {@link RecordsPage#received()}).
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public RecordsPage records(YclientsCredentials c, long companyId, RecordsQuery query) throws YclientsException {
    String path = "/api/v1/records/" + companyId;
    HttpUrl.Builder url = http.url(path)
        .addQueryParameter("page", Integer.toString(query.page()))
        .addQueryParameter("count", Integer.toString(query.count()));
    if (query.staffId() != null) {
      url.addQueryParameter("staff_id", query.staffId().toString());
    }
    if (query.clientId() != null) {
      url.addQueryParameter("client_id", query.clientId().toString());
    }
    if (query.startDate() != null) {
      url.addQueryParameter("start_date", query.startDate().toString());
    }
    if (query.endDate() != null) {
      url.addQueryParameter("end_date", query.endDate().toString());
    }
    addTime(url, "changed_after", query.changedAfter());
    addTime(url, "changed_before", query.changedBefore());
    if (query.includeDeleted()) {
      url.addQueryParameter("with_deleted", "1");
    }
    Answer answer = http.get(c, true, path, url.build());
    if (!answer.data().isArray()) {
      throw answer.badResponse("unexpected JSON: data is not an array");
    }
    List<RecordDetails> records = new ArrayList<>();
    for (JsonNode item : answer.data()) {
      if (!item.isObject() || TolerantJson.longValue(item, "id") == null
          || TolerantJson.nonBlank(item, "datetime") == null) {
        log.debug("YCLIENTS: skipped a record without an id or a datetime");
        continue;
      }
      records.add(RecordDetails.of(item, 0, companyId));
    }
    return new RecordsPage(query.page(), query.count(), answer.data().size(), records);
  }

  /**
   * {@code PUT /api/v1/record/{company_id}/{record_id}}, partner + user token: the record read right before, with
   * the update's attendance, every field of the Edit Appointment method sent back as read (specialist, services with
   * their prices, client, the datetime string as YCLIENTS sent it, length, comment, reminders' hours, API id, colour,
   * labels, custom fields), and the update's {@code save_if_busy} and {@code send_sms}. Returns the record as
   * YCLIENTS answers it, or the one sent when the answer carries none.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public RecordDetails update(YclientsCredentials c, long companyId, Update update) throws YclientsException {
    RecordDetails current = update.current();
    String path = "/api/v1/record/" + companyId + "/" + current.id();
    ObjectNode body = body(update);
    String phone = current.client() == null ? null : current.client().phone();
    Redactor redactor = new Redactor(c.partnerToken(), c.userToken(), phone);
    Answer answer = http.send("PUT", path, http.url(path).build(), YclientsHttp.authorization(c, true, "PUT", path),
        http.json(body, path), redactor, false);
    JsonNode data = answer.data().isArray() ? answer.data().path(0) : answer.data();
    return data.isObject() ? RecordDetails.of(data, current.id(), companyId)
        : RecordDetails.of(body.put("id", current.id()), current.id(), companyId);
  }

  private ObjectNode body(Update update) {
    RecordDetails current = update.current();
    ObjectNode read = current.raw();
    ObjectNode body = http.object();
    body.put("staff_id", current.staffId());
    ArrayNode services = body.putArray("services");
    for (JsonNode s : read.path("services")) {
      Long id = s.isObject() ? TolerantJson.longValue(s, "id") : TolerantJson.toLong(s);
      if (id == null) {
        continue;
      }
      ObjectNode service = services.addObject().put("id", id);
      for (String field : List.of("first_cost", "discount", "cost")) {
        if (s.isObject() && TolerantJson.decimal(s, field) != null) {
          service.put(field, TolerantJson.decimal(s, field));
        }
      }
    }
    JsonNode client = read.path("client");
    if (client.isObject()) {
      ObjectNode sent = body.putObject("client");
      for (String field : List.of("phone", "name", "email")) {
        sent.put(field, TolerantJson.textOrEmpty(client, field));
      }
    }
    body.put("datetime", current.datetime());
    body.put("seance_length", current.lengthSeconds());
    for (String field : KEPT) {
      JsonNode value = read.path(field);
      if (value.isValueNode() && !value.isNull()) {
        body.set(field, value);
      }
    }
    if (!body.has("comment")) {
      body.put("comment", "");
    }
    ArrayNode labels = body.putArray("record_labels");
    for (JsonNode label : read.path("record_labels")) {
      Long id = label.isObject() ? TolerantJson.longValue(label, "id") : TolerantJson.toLong(label);
      if (id != null) {
        labels.add(id);
      }
    }
    if (read.path("custom_fields").isObject()) {
      body.set("custom_fields", read.path("custom_fields"));
    }
    body.put("attendance", update.attendance().code());
    body.put("save_if_busy", update.saveIfBusy());
    body.put("send_sms", update.sendSms());
    return body;
  }

  private static void addTime(HttpUrl.Builder url, String name, OffsetDateTime time) {
    if (time != null) {
      url.addQueryParameter(name, CHANGED.format(time));
    }
  }
}
