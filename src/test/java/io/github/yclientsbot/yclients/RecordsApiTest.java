package io.github.yclientsbot.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.yclients.FakeYclientsServer.RecordedRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The records area with the user token: one record read, a page of records, a record written back in full. */
class RecordsApiTest {
  private static final YclientsCredentials PARTNER = new YclientsCredentials("partner-token-0001", null);
  private static final YclientsCredentials BOTH = new YclientsCredentials("partner-token-0001", "user-token-0002");
  private static final String RECORD = "/api/v1/record/502817/784512093";
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final FakeYclientsServer yclients = new FakeYclientsServer();
  private final ObjectMapper mapper = new ObjectMapper();
  private final RecordsApi records = TestClients.plain(yclients.url()).records();

  @AfterEach
  void stop() {
    yclients.close();
  }

  @Test
  void aRecordIsReadWithBothTokensWhateverTypesItsFieldsCameIn() throws Exception {
    yclients.on("GET", RECORD).respondWithFixture(200, "record.json");

    RecordDetails r = records.record(BOTH, 502817, 784512093);

    RecordedRequest request = yclients.lastRequest();
    assertEquals("Bearer partner-token-0001, User user-token-0002", request.header("Authorization"));
    assertEquals("application/vnd.yclients.v2+json", request.header("Accept"));
    assertNull(request.query());
    assertEquals(784512093, r.id());
    assertEquals(502817, r.companyId());
    assertEquals("2026-12-01T11:30:00+03:00", r.datetime(), "kept as sent, to be sent back");
    assertEquals(Optional.of(Instant.parse("2026-12-01T08:30:00Z")), r.startsAt(MOSCOW));
    assertEquals(3600, r.lengthSeconds());
    assertEquals(2290341, r.staffId());
    assertEquals("Анна Соколова", r.staffName());
    assertEquals(List.of(new RecordDetails.Service(13700211, "Женская стрижка", new BigDecimal("3000"),
        new BigDecimal("3000"), BigDecimal.ZERO, BigDecimal.ONE)), r.services());
    assertEquals(new RecordDetails.Client(18936825L, "Ольга", "+79990001122", "olga@example.com"), r.client());
    assertEquals(Optional.of(VisitAttendance.WAITING), r.attendanceStatus(), "\"0\" as a string");
    assertEquals(0, r.visitAttendance());
    assertTrue(r.confirmed());
    assertFalse(r.deleted());
    assertEquals("Просит «без чёлки» & <тихо>", r.comment());
    assertEquals("2026-11-18T14:02:11+0300", r.lastChangeDate());
    assertEquals(Optional.of(Instant.parse("2026-11-18T11:02:11Z")), r.lastChangedAt(MOSCOW), "+0300, no colon");
  }

  @Test
  void anOlderShapeIsReadToo() throws Exception {
    yclients.on("GET", "/api/v1/record/502817/784512094").respondWithFixture(200, "record-old-shape.json");

    RecordDetails r = records.record(BOTH, 502817, 784512094);

    assertEquals(784512094, r.id(), "id as a string");
    assertEquals(2700, r.lengthSeconds(), "length when there is no seance_length");
    assertEquals(2290355, r.staffId(), "the staff object's id when there is no staff_id");
    assertFalse(r.deleted(), "0");
    assertTrue(r.confirmed(), "\"1\"");
    assertEquals(Optional.of(VisitAttendance.CAME), r.attendanceStatus());
    assertEquals("2026-12-02 15:00:00", r.datetime());
    assertEquals(Optional.of(Instant.parse("2026-12-02T12:00:00Z")), r.startsAt(MOSCOW),
        "a date-time without an offset is the company's local time");
    assertNull(r.comment());
  }

  @Test
  void datesComeInEveryFormYclientsUses() {
    Instant visit = Instant.parse("2026-12-01T08:30:00Z");
    for (String text : List.of("2026-12-01T11:30:00+03:00", "2026-12-01T11:30:00.000+03:00", "2026-12-01T11:30:00+0300",
        "2026-12-01T08:30:00Z", "2026-12-01 11:30:00", "2026-12-01T11:30:00", "1796113800")) {
      assertEquals(Optional.of(visit), RecordDetails.instant(text, MOSCOW), text);
    }
    assertEquals(Optional.empty(), RecordDetails.instant("завтра", MOSCOW));
    assertEquals(Optional.empty(), RecordDetails.instant(" ", MOSCOW));
  }

  @Test
  void aPageOfRecordsIsAskedWithItsFiltersAndReadItemByItem() throws Exception {
    yclients.on("GET", "/api/v1/records/502817").respondWithFixture(200, "records.json");
    RecordsQuery query = RecordsQuery.page(2, 50).staff(2290341).client(18936825)
        .visitDays(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))
        .changed(OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.ofHours(3)), null)
        .includingDeleted();

    RecordsPage page = records.records(BOTH, 502817, query);

    RecordedRequest request = yclients.lastRequest();
    assertEquals("Bearer partner-token-0001, User user-token-0002", request.header("Authorization"));
    Map<String, List<String>> params = request.queryParams();
    assertEquals(List.of("2"), params.get("page"));
    assertEquals(List.of("50"), params.get("count"));
    assertEquals(List.of("2290341"), params.get("staff_id"));
    assertEquals(List.of("18936825"), params.get("client_id"));
    assertEquals(List.of("2026-12-01"), params.get("start_date"));
    assertEquals(List.of("2026-12-31"), params.get("end_date"));
    assertEquals(List.of("2026-11-20T09:00:00+03:00"), params.get("changed_after"), "the + is encoded, not a space");
    assertFalse(params.containsKey("changed_before"));
    assertEquals(List.of("1"), params.get("with_deleted"));

    assertEquals(3, page.received());
    assertEquals(List.of(784512093L, 784512095L), page.records().stream().map(RecordDetails::id).toList(),
        "the item without an id is skipped");
    assertFalse(page.mayHaveMore(), "3 of 50");
    RecordDetails cancelled = page.records().get(1);
    assertTrue(cancelled.deleted());
    assertNull(cancelled.client(), "client: null");
    assertEquals(Optional.of(VisitAttendance.CONFIRMED), page.records().get(0).attendanceStatus());
    assertEquals(502817, cancelled.companyId());

    assertTrue(records.records(BOTH, 502817, RecordsQuery.page(1, 3)).mayHaveMore(), "a full page");
    assertEquals("page=1&count=3", yclients.lastRequest().query(), "no filter: page and count only");
  }

  @Test
  void aWriteSendsEveryFieldOfTheRecordBackWithTheNewAttendanceAndNoSms() throws Exception {
    yclients.on("GET", RECORD).respondWithFixture(200, "record.json");
    yclients.on("PUT", RECORD).respondWithFixture(200, "record-put.json");
    RecordDetails read = records.record(BOTH, 502817, 784512093);

    RecordDetails written = records.update(BOTH, 502817, RecordsApi.Update.attendance(read, VisitAttendance.CONFIRMED));

    RecordedRequest put = yclients.lastRequest();
    assertEquals("PUT", put.method());
    assertEquals(RECORD, put.path());
    assertEquals("Bearer partner-token-0001, User user-token-0002", put.header("Authorization"));
    assertEquals("application/json", put.header("Content-Type"));
    JsonNode body = mapper.readTree(put.body());
    assertEquals(2, body.path("attendance").asInt());
    assertFalse(body.path("send_sms").asBoolean(true), "no SMS about it");
    assertTrue(body.path("send_sms").isBoolean());
    assertTrue(body.path("save_if_busy").asBoolean(false));
    assertEquals(2290341, body.path("staff_id").asLong());
    assertEquals("2026-12-01T11:30:00+03:00", body.path("datetime").asText(), "the datetime string as read");
    assertEquals(3600, body.path("seance_length").asLong());
    assertEquals(mapper.readTree("[{\"id\":13700211,\"first_cost\":3000,\"discount\":0,\"cost\":3000}]"),
        body.path("services"));
    assertEquals(mapper.readTree("{\"phone\":\"+79990001122\",\"name\":\"Ольга\",\"email\":\"olga@example.com\"}"),
        body.path("client"));
    assertEquals("Просит «без чёлки» & <тихо>", body.path("comment").asText());
    assertEquals(5, body.path("sms_remain_hours").asInt());
    assertEquals("1", body.path("email_remain_hours").asText(), "as read");
    assertEquals("", body.path("api_id").asText());
    assertEquals("f44336", body.path("custom_color").asText());
    assertEquals(mapper.readTree("[67345]"), body.path("record_labels"), "the labels kept, by id");
    assertFalse(body.has("custom_fields"), "[] read: none to keep");
    assertFalse(body.has("documents") || body.has("visit_attendance") || body.has("goods_transactions"),
        "only what the Edit Appointment method takes: " + body);

    assertEquals(Optional.of(VisitAttendance.CONFIRMED), written.attendanceStatus());
    assertEquals("2026-11-20T12:00:01+03:00", written.lastChangeDate());
  }

  @Test
  void anOlderShapeIsWrittenBackWithWhatItHas() throws Exception {
    yclients.on("GET", "/api/v1/record/502817/784512094").respondWithFixture(200, "record-old-shape.json");
    yclients.on("PUT", "/api/v1/record/502817/784512094").respond(200, "{\"success\":true,\"data\":null,\"meta\":[]}");
    RecordDetails read = records.record(BOTH, 502817, 784512094);

    RecordDetails written = records.update(BOTH, 502817, RecordsApi.Update.attendance(read, VisitAttendance.CONFIRMED));

    JsonNode body = mapper.readTree(yclients.lastRequest().body());
    assertEquals(2290355, body.path("staff_id").asLong());
    assertEquals(2700, body.path("seance_length").asLong());
    assertEquals("2026-12-02 15:00:00", body.path("datetime").asText());
    assertEquals("", body.path("comment").asText(), "null read: an empty comment, not the text \"null\"");
    assertEquals(mapper.readTree("{}"), body.path("custom_fields"));
    assertEquals(784512094, written.id(), "no record in the answer: the one sent");
    assertEquals(Optional.of(VisitAttendance.CONFIRMED), written.attendanceStatus());
  }

  @Test
  void everyRecordsCallNeedsTheUserTokenAndRefusesToRunWithoutIt() throws Exception {
    yclients.on("GET", RECORD).respondWithFixture(200, "record.json");
    RecordDetails read = records.record(BOTH, 502817, 784512093);
    int before = yclients.requests().size();

    assertThrows(IllegalArgumentException.class, () -> records.record(PARTNER, 502817, 784512093));
    assertThrows(IllegalArgumentException.class, () -> records.records(PARTNER, 502817, RecordsQuery.page(1, 50)));
    assertThrows(IllegalArgumentException.class,
        () -> records.update(PARTNER, 502817, RecordsApi.Update.attendance(read, VisitAttendance.CONFIRMED)));
    assertEquals(before, yclients.requests().size(), "nothing sent");
  }

  @Test
  void refusalsAreTypedAndAWriteIsNotRetriedNorDoesItsMessageShowThePhone() throws Exception {
    yclients.on("GET", RECORD).respondWithFixture(200, "record.json");
    yclients.on("GET", "/api/v1/record/502817/1").respondWithFixture(404, "error-404-record.json");
    yclients.on("PUT", RECORD).respond(422,
        "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Клиент +79990001122 в чёрном списке\"}}");

    YclientsException missing = assertThrows(YclientsException.class, () -> records.record(BOTH, 502817, 1));
    assertTrue(missing.isNotFound());
    assertEquals("Запись не найдена", missing.apiMessage());

    RecordDetails read = records.record(BOTH, 502817, 784512093);
    YclientsException refused = assertThrows(YclientsException.class,
        () -> records.update(BOTH, 502817, RecordsApi.Update.attendance(read, VisitAttendance.CONFIRMED)));
    assertEquals(422, refused.httpStatus());
    assertEquals("PUT", refused.method());
    assertFalse(refused.getMessage().contains("79990001122"), refused.getMessage());
    assertFalse(refused.getMessage().contains("user-token-0002"), refused.getMessage());
    assertEquals(1, yclients.requests("PUT", RECORD).size());
  }

  @Test
  void aRecordShownAnywhereHidesTheClientsPhoneAndEmail() throws Exception {
    yclients.on("GET", RECORD).respondWithFixture(200, "record.json");

    String shown = records.record(BOTH, 502817, 784512093).toString();

    assertFalse(shown.contains("79990001122") || shown.contains("olga@"), shown);
    assertTrue(shown.contains("784512093"), shown);
  }

  @Test
  void aQueryKeepsToOnePageOfAFewRecords() {
    assertThrows(IllegalArgumentException.class, () -> RecordsQuery.page(0, 50));
    assertThrows(IllegalArgumentException.class, () -> RecordsQuery.page(1, 0));
    assertThrows(IllegalArgumentException.class, () -> RecordsQuery.page(1, RecordsQuery.MAX_COUNT + 1));
    assertEquals(3, RecordsQuery.page(1, 50).includingDeleted().withPage(3).page());
  }
}
