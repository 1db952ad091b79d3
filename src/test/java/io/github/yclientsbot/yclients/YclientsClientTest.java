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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests as sent and answers as parsed, against the fixtures in their real shapes. */
class YclientsClientTest {

  private static final YclientsCredentials PARTNER = new YclientsCredentials("partner-token-0001", null);
  private static final YclientsCredentials BOTH = new YclientsCredentials("partner-token-0001", "user-token-0002");

  private final FakeYclientsServer yclients = new FakeYclientsServer();
  private final ObjectMapper mapper = new ObjectMapper();
  private final YclientsClient client = TestClients.plain(yclients.url());

  @AfterEach
  void stop() {
    yclients.close();
  }

  @Test
  void partnerOnlyCallsSendTheV2AcceptAndThePartnerToken() throws Exception {
    yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");

    client.companies().company(BOTH, 502817);

    RecordedRequest request = yclients.lastRequest();
    assertEquals("GET", request.method());
    assertEquals("/api/v1/company/502817", request.path());
    assertEquals("showBookforms=1", request.query());
    assertEquals("application/vnd.yclients.v2+json", request.header("Accept"));
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals("Bearer partner-token-0001", request.header("Authorization"));
  }

  @Test
  void readRecordAndCancelRecordUseThePartnerTokenAndTheHash() throws Exception {
    yclients.on("GET", "/api/v1/book_record/502817/784512093/9f2c4e1ab07d").respond(200,
        "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"2026-12-01T10:00:00+03:00\",\"seance_length\":\"3600\","
            + "\"services\":[{\"id\":1,\"title\":\"Стрижка\"},{\"id\":2,\"title\":\" \"}],\"staff\":{\"id\":5,\"name\":\"Анна\"},"
            + "\"deleted\":false},\"meta\":[]}");
    yclients.on("DELETE", "/api/v1/user/records/784512093/9f2c4e1ab07d").respond(204, "");

    RecordInfo r = client.booking().readRecord(BOTH, 502817, 784512093, "9f2c4e1ab07d");
    assertEquals(new RecordInfo(784512093, "2026-12-01T10:00:00+03:00", 3600, List.of("Стрижка"), "Анна", false,
        List.of(1L, 2L), 5), r);
    assertEquals("Bearer partner-token-0001", yclients.lastRequest().header("Authorization"));

    client.booking().cancelRecord(BOTH, 784512093, "9f2c4e1ab07d");
    RecordedRequest cancel = yclients.lastRequest();
    assertEquals("DELETE", cancel.method());
    assertEquals("Bearer partner-token-0001", cancel.header("Authorization"));
  }

  @Test
  void aRefusedCancellationIsThrownAndNotRetried() {
    yclients.on("DELETE", "/api/v1/user/records/1/abcdef").respond(422,
        "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"too late to cancel\"}}");
    YclientsException e = assertThrows(YclientsException.class, () -> client.booking().cancelRecord(PARTNER, 1, "abcdef"));
    assertEquals(422, e.httpStatus());
    assertFalse(e.isUnavailable());
    assertFalse(e.getMessage().contains("abcdef"), "the hash stays out of messages: " + e.getMessage());
    assertEquals(1, yclients.requests().size());
  }

  @Test
  void catalogCallsSendPartnerAndUserTokens() throws Exception {
    yclients.on("GET", "/api/v1/company/502817/services").respondWithFixture(200, "company_services.json");

    client.catalog().companyServices(BOTH, 502817);

    RecordedRequest request = yclients.lastRequest();
    assertEquals("Bearer partner-token-0001, User user-token-0002", request.header("Authorization"));
    assertEquals("application/vnd.yclients.v2+json", request.header("Accept"));
  }

  @Test
  void catalogCallsRefuseToRunWithoutAUserToken() {
    assertThrows(IllegalArgumentException.class, () -> client.catalog().companyServices(PARTNER, 502817));
    assertThrows(IllegalArgumentException.class, () -> client.catalog().companyStaff(new YclientsCredentials("p-token", " "), 1));
    assertTrue(yclients.requests().isEmpty());
  }

  @Test
  void missingOrUnsafePartnerTokenIsRefusedBeforeAnyRequest() {
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> client.companies().company(new YclientsCredentials(" ", null), 1));
    IllegalArgumentException injected = assertThrows(IllegalArgumentException.class,
        () -> client.companies().company(new YclientsCredentials("abc\r\nX-Evil: 1", null), 1));
    assertFalse(injected.getMessage().contains("Evil"), injected.getMessage());
    assertTrue(blank.getMessage().contains("partner token"));
    assertTrue(yclients.requests().isEmpty());
  }

  @Test
  void tokensPastedWithSpacesAreTrimmed() throws Exception {
    yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");

    client.companies().company(new YclientsCredentials("  partner-token-0001\n", null), 502817);

    assertEquals("Bearer partner-token-0001", yclients.lastRequest().header("Authorization"));
  }

  @Test
  void baseUrlWithTrailingSlashOrPathPrefix() throws Exception {
    yclients.on("GET", "/api/v1/bookform/611204").respondWithFixture(200, "bookform.json");
    yclients.on("GET", "/proxy/api/v1/bookform/611204").respondWithFixture(200, "bookform.json");

    TestClients.plain(yclients.url() + "/").companies().bookform(PARTNER, 611204);
    assertEquals("/api/v1/bookform/611204", yclients.lastRequest().path());

    TestClients.plain(yclients.url() + "/proxy/").companies().bookform(PARTNER, 611204);
    assertEquals("/proxy/api/v1/bookform/611204", yclients.lastRequest().path());

    assertThrows(IllegalArgumentException.class,
        () -> TestClients.plain("api.yclients.com"));
  }

  @Test
  void company() throws Exception {
    yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");

    Company company = client.companies().company(PARTNER, 502817);

    assertEquals(502817, company.id());
    assertEquals("Студия «Лён» на Покровке", company.title());
    assertEquals("Студия «Лён»", company.publicTitle());
    assertEquals("Студия «Лён»", company.displayTitle());
    assertEquals("Москва", company.city());
    assertEquals("Москва, Покровка ул., 17с1", company.address());
    assertEquals("+74951234567", company.phone());
    assertEquals("Europe/Moscow", company.timezoneName());
    assertFalse(company.phoneConfirmation());
    assertEquals(List.of(
        new BookformRef(611204, "Основная форма", true, "https://n611204.yclients.com/"),
        new BookformRef(611987, "Форма для сайта", false, "https://n611987.yclients.com/")), company.bookforms());
    assertEquals(611204, company.defaultBookform().orElseThrow().id());
    assertEquals(new Company.Changes(true, Duration.ofHours(3), true, Duration.ofHours(1)), company.changes(),
        "1 and true, seconds as a number and as a string");
  }

  @Test
  void theRulesForCustomersChangesSurviveTypeDriftAndTheirAbsence() throws Exception {
    yclients.on("GET", "/api/v1/company/7").respond(200,
        "{\"success\":true,\"data\":{\"id\":7,\"title\":\"X\",\"allow_change_record\":\"0\",\"allow_delete_record\":false,"
            + "\"allow_change_record_delay_step\":\"\",\"allow_delete_record_delay_step\":-5},\"meta\":[]}");
    assertEquals(new Company.Changes(false, Duration.ZERO, false, Duration.ZERO),
        client.companies().company(PARTNER, 7).changes());

    yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company-old-shape.json");
    assertEquals(Company.Changes.UNSTATED, client.companies().company(PARTNER, 502817).changes(),
        "not said: every change allowed up to the visit, as before");
  }

  @Test
  void anOnlineBookingIsMovedWithItsNewDatetimeAndTheUserTokenWhenThereIsOne() throws Exception {
    yclients.on("PUT", "/api/v1/book_record/502817/784512093").respondWithFixture(200, "book_record-put.json");

    assertEquals("2026-12-02T12:00:00+03:00",
        client.booking().moveRecord(BOTH, 502817, 784512093, "2026-12-02T12:00:00+03:00"));
    RecordedRequest put = yclients.lastRequest();
    assertEquals("PUT", put.method());
    assertEquals("{\"datetime\":\"2026-12-02T12:00:00+03:00\"}", put.body());
    assertEquals("Bearer partner-token-0001, User user-token-0002", put.header("Authorization"));

    yclients.on("PUT", "/api/v1/book_record/502817/1").respond(200, "{\"success\":true,\"data\":[],\"meta\":[]}");
    assertEquals("2026-12-02T12:00:00+03:00", client.booking().moveRecord(PARTNER, 502817, 1, "2026-12-02T12:00:00+03:00"),
        "no record in the answer: the time sent");
    assertEquals("Bearer partner-token-0001", yclients.lastRequest().header("Authorization"));
  }

  @Test
  void aRefusedMoveIsThrownAndNotRetried() {
    yclients.on("PUT", "/api/v1/book_record/502817/1").respond(422,
        "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Выбранное время уже занято\"}}");
    YclientsException e = assertThrows(YclientsException.class,
        () -> client.booking().moveRecord(PARTNER, 502817, 1, "2026-12-02T12:00:00+03:00"));
    assertEquals(422, e.httpStatus());
    assertEquals(1, yclients.requests().size());
  }

  @Test
  void companyInTheOldShape() throws Exception {
    yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company-old-shape.json");

    Company company = client.companies().company(PARTNER, 502817);

    assertEquals(502817, company.id());
    assertEquals("Europe/Moscow", company.timezoneName());
    assertTrue(company.phoneConfirmation());
    assertNull(company.publicTitle());
    assertNull(company.phone());
    assertEquals("Студия «Лён» на Покровке", company.displayTitle());
    assertTrue(company.bookforms().isEmpty());
    assertTrue(company.defaultBookform().isEmpty());
  }

  @Test
  void companyWithOnlyANumericTimezoneHasNoTimezoneName() throws Exception {
    yclients.on("GET", "/api/v1/company/7").respond(200,
        "{\"success\":true,\"data\":{\"id\":7,\"title\":\"X\",\"timezone\":3,\"phone_confirmation\":\"1\","
            + "\"bookforms\":[{\"id\":\"1\",\"title\":\"a\",\"is_default\":\"0\",\"url\":\"https://n1.yclients.com/\"},"
            + "{\"id\":2,\"title\":\"b\",\"is_default\":false,\"url\":\"https://n2.yclients.com/\"}]},\"meta\":{}}");

    Company company = client.companies().company(PARTNER, 7);

    assertNull(company.timezoneName());
    assertTrue(company.phoneConfirmation());
    assertEquals(1, company.defaultBookform().orElseThrow().id(), "no default form: the first one");
  }

  @Test
  void companyWithANumericStringTimezoneHasNoTimezoneNameEither() throws Exception {
    yclients.on("GET", "/api/v1/company/7").respond(200,
        "{\"success\":true,\"data\":{\"id\":\"7\",\"title\":\"X\",\"timezone\":\"+3\"},\"meta\":[]}");
    assertNull(client.companies().company(PARTNER, 7).timezoneName());

    yclients.on("GET", "/api/v1/company/7").respond(200,
        "{\"success\":true,\"data\":{\"id\":\"7\",\"title\":\"X\",\"timezone\":\"UTC\"},\"meta\":[]}");
    assertEquals("UTC", client.companies().company(PARTNER, 7).timezoneName());
  }

  @Test
  void bookform() throws Exception {
    yclients.on("GET", "/api/v1/bookform/611204").respondWithFixture(200, "bookform.json");

    assertEquals(new Bookform(611204, 502817, 0, false), client.companies().bookform(PARTNER, 611204));
    assertEquals("Bearer partner-token-0001", yclients.lastRequest().header("Authorization"));
  }

  @Test
  void bookServices() throws Exception {
    yclients.on("GET", "/api/v1/book_services/502817").respondWithFixture(200, "book_services.json");

    BookServices answer = client.booking().bookServices(PARTNER, 502817);

    assertEquals(4, answer.services().size());
    assertEquals(new BookService(13700211, "Женская стрижка", 13700200, new BigDecimal("2500"),
        new BigDecimal("4000"), 3600, true), answer.services().get(0));
    assertEquals("Окрашивание \"Air Touch\" & тонирование <длинные волосы>", answer.services().get(3).title());
    assertEquals(List.of(new ServiceCategory(13700200, "Волосы", 20), new ServiceCategory(13700300, "Ногти", 10)),
        answer.categories());
  }

  @Test
  void bookServicesWithStringNumbersAndCategoriesUnderTheirOtherName() throws Exception {
    yclients.on("GET", "/api/v1/book_services/1").respond(200,
        "{\"success\":true,\"data\":{\"services\":[{\"id\":\"16\",\"title\":\"A\",\"category_id\":\"3\","
            + "\"price_min\":\"1300.00\",\"price_max\":\"1 500,50\",\"seance_length\":\"3600\",\"active\":\"0\"},"
            + "{\"title\":\"no id: skipped\"}],"
            + "\"categories\":[{\"id\":\"3\",\"title\":\"C\",\"weight\":\"11\"}]},\"meta\":[]}");

    BookServices answer = client.booking().bookServices(PARTNER, 1);

    assertEquals(List.of(new BookService(16, "A", 3, new BigDecimal("1300"), new BigDecimal("1500.5"), 3600, false)),
        answer.services());
    assertEquals(List.of(new ServiceCategory(3, "C", 11)), answer.categories());
  }

  @Test
  void bookStaffWithStringIdsAndEmptyArrayPosition() throws Exception {
    yclients.on("GET", "/api/v1/book_staff/502817").respondWithFixture(200, "book_staff.json");

    List<BookStaff> staff = client.booking().bookStaff(PARTNER, 502817, null);

    assertEquals(List.of(
        new BookStaff(2290341, "Анна Соколова", "Топ-стилист", true),
        new BookStaff(2290355, "Илья Орлов", "Барбер", true),
        new BookStaff(2290360, "Мария Ким", "Мастер маникюра", false)), staff);
    assertNull(yclients.lastRequest().rawQuery());
  }

  @Test
  void bookStaffForOneService() throws Exception {
    yclients.on("GET", "/api/v1/book_staff/502817").withQueryParam("service_ids[]", "13700211")
        .respondWithFixture(200, "book_staff.json");

    assertEquals(3, client.booking().bookStaff(PARTNER, 502817, 13700211L).size());
    assertEquals("service_ids[]=13700211", yclients.lastRequest().query());
    assertEquals("service_ids[]=13700211", yclients.lastRequest().rawQuery(), "brackets as the docs write them");
    assertTrue(yclients.unmatchedRequests().isEmpty());
  }

  @Test
  void companyServicesWithStringNumbers() throws Exception {
    yclients.on("GET", "/api/v1/company/502817/services").respondWithFixture(200, "company_services.json");

    List<CatalogService> services = client.catalog().companyServices(BOTH, 502817);

    assertEquals(List.of(
        new CatalogService(13700211, "Женская стрижка", new BigDecimal("2500"), new BigDecimal("4000"), true, true,
            List.of(2290341L)),
        new CatalogService(13700215, "Мужская стрижка", new BigDecimal("1800"), new BigDecimal("1800"), true, true,
            List.of(2290355L))), services);
  }

  @Test
  void companyStaff() throws Exception {
    yclients.on("GET", "/api/v1/company/502817/staff").respond(200,
        "{\"success\":true,\"data\":[{\"id\":\"2290341\",\"name\":\"Анна Соколова\",\"specialization\":\"Топ-стилист\","
            + "\"position\":[],\"fired\":0},{\"id\":2290399,\"name\":\"Ушедший\",\"specialization\":\"\","
            + "\"position\":{\"id\":1,\"title\":\"x\"},\"fired\":\"1\"}],\"meta\":{\"total_count\":2}}");

    List<CatalogStaff> staff = client.catalog().companyStaff(BOTH, 502817);

    assertEquals(List.of(new CatalogStaff(2290341, "Анна Соколова", "Топ-стилист", false),
        new CatalogStaff(2290399, "Ушедший", null, true)), staff);
    assertEquals("Bearer partner-token-0001, User user-token-0002", yclients.lastRequest().header("Authorization"));
  }

  @Test
  void authPostsLoginAndPasswordWithThePartnerToken() throws Exception {
    yclients.on("POST", "/api/v1/auth").respond(201,
        "{\"success\":true,\"data\":{\"id\":1,\"user_token\":\"fresh-user-token-9999\",\"name\":\"Анна\"},\"meta\":[]}");

    AuthResult result = client.auth().login("partner-token-0001", "79161234567", "pa\"ss");

    assertEquals(new AuthResult("fresh-user-token-9999", "Анна"), result);
    RecordedRequest request = yclients.lastRequest();
    assertEquals("Bearer partner-token-0001", request.header("Authorization"));
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals("application/vnd.yclients.v2+json", request.header("Accept"));
    JsonNode body = mapper.readTree(request.body());
    assertEquals("79161234567", body.path("login").asText());
    assertEquals("pa\"ss", body.path("password").asText());
    assertFalse(result.toString().contains("fresh-user-token-9999"), result.toString());
  }

  @Test
  void authWithoutNameStillGivesTheToken() throws Exception {
    yclients.on("POST", "/api/v1/auth").respond(201,
        "{\"success\":true,\"data\":{\"user_token\":\"fresh-user-token-9999\"},\"meta\":{\"message\":\"Created\"}}");

    assertEquals(new AuthResult("fresh-user-token-9999", null), client.auth().login("partner-token-0001", "a", "b"));
  }
}
