package io.github.yclientsbot.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.yclients.YclientsException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a call can fail, and what the caller learns from it. */
class YclientsClientErrorTest {

  private static final YclientsCredentials PARTNER = new YclientsCredentials("partner-token-0001", null);
  private static final String COMPANY = "/api/v1/company/502817";

  private final FakeYclientsServer yclients = new FakeYclientsServer();
  private final YclientsClient client = TestClients.plain(yclients.url());

  @AfterEach
  void stop() {
    yclients.close();
  }

  private YclientsException companyFails() {
    return assertThrows(YclientsException.class, () -> client.companies().company(PARTNER, 502817));
  }

  @Test
  void unauthorizedInTheUsualShape() {
    yclients.on("GET", COMPANY).respondWithFixture(401, "error-401.json");

    YclientsException e = companyFails();

    assertEquals(Kind.HTTP, e.kind());
    assertEquals("GET", e.method());
    assertEquals(COMPANY, e.path());
    assertEquals(401, e.httpStatus());
    assertNull(e.apiCode());
    assertEquals("Необходима авторизация", e.apiMessage());
    assertEquals("GET /api/v1/company/502817 401: Необходима авторизация", e.getMessage());
    assertTrue(e.isAuthProblem());
    assertFalse(e.isUnavailable());
    assertFalse(e.isNotFound());
    assertNull(e.retryAfterSeconds());
  }

  @Test
  void unauthorizedInTheErrorsShape() {
    yclients.on("GET", COMPANY).respondWithFixture(401, "error-401-errors-shape.json");

    YclientsException e = companyFails();

    assertEquals(Kind.HTTP, e.kind());
    assertEquals(401, e.apiCode());
    assertEquals("Необходима авторизация", e.apiMessage());
    assertEquals("GET /api/v1/company/502817 401: Необходима авторизация", e.getMessage());
    assertTrue(e.isAuthProblem());
  }

  @Test
  void licenceExpired() {
    yclients.on("GET", COMPANY).respondWithFixture(403, "error-403-license.json");

    YclientsException e = companyFails();

    assertEquals(403, e.httpStatus());
    assertEquals("Необходимо продлить лицензию в филиале с id: 502817", e.apiMessage());
    assertTrue(e.isAuthProblem());
  }

  @Test
  void paymentRequiredIsAnAuthProblemToo() {
    yclients.on("GET", COMPANY).respond(402, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Нет оплаты\"}}");

    assertTrue(companyFails().isAuthProblem());
  }

  @Test
  void unknownCompany() {
    yclients.on("GET", COMPANY).respondWithFixture(404, "error-404-company.json");

    YclientsException e = companyFails();

    assertTrue(e.isNotFound());
    assertFalse(e.isAuthProblem());
    assertEquals("Филиал не найден.", e.apiMessage());
  }

  @Test
  void bookingErrorInMetaErrorsShape() {
    yclients.on("GET", "/api/v1/book_staff/502817").respondWithFixture(422, "book_check-433.json");

    YclientsException e = assertThrows(YclientsException.class, () -> client.booking().bookStaff(PARTNER, 502817, null));

    assertEquals(Kind.HTTP, e.kind());
    assertEquals(422, e.httpStatus());
    assertEquals(433, e.apiCode());
    assertEquals("Выбранное время уже занято. Пожалуйста, выберите другое время.", e.apiMessage());
    assertEquals("GET /api/v1/book_staff/502817 422 (code 433): "
        + "Выбранное время уже занято. Пожалуйста, выберите другое время.", e.getMessage());
    assertFalse(e.isUnavailable());
  }

  @Test
  void bookingErrorInTheOldErrorsShape() {
    yclients.on("GET", "/api/v1/book_services/502817").respondWithFixture(422, "book_record-437-old-shape.json");

    YclientsException e = assertThrows(YclientsException.class, () -> client.booking().bookServices(PARTNER, 502817));

    assertEquals(437, e.apiCode());
    assertTrue(e.apiMessage().startsWith("К сотруднику Анна Соколова"), e.apiMessage());
  }

  @Test
  void validationStyleErrorsAreJoined() {
    yclients.on("GET", COMPANY).respond(400, "{\"errors\":{\"login\":[\"Поле обязательно\"],\"password\":\"Пусто\"}}");

    YclientsException e = companyFails();

    assertEquals(Kind.HTTP, e.kind());
    assertEquals("Поле обязательно; Пусто", e.apiMessage());
  }

  @Test
  void successFalseOnA200IsAnErrorToo() {
    yclients.on("GET", COMPANY).respond(200, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Ошибка\"}}");

    YclientsException e = companyFails();

    assertEquals(Kind.HTTP, e.kind());
    assertEquals(200, e.httpStatus());
    assertEquals("Ошибка", e.apiMessage());
  }

  @Test
  void errorEnvelopeWithoutAMessage() {
    yclients.on("GET", COMPANY).respond(500, "{\"success\":false,\"data\":null,\"meta\":[]}");

    YclientsException e = companyFails();

    assertEquals(Kind.HTTP, e.kind());
    assertEquals(500, e.httpStatus());
    assertTrue(e.isUnavailable());
    assertEquals("HTTP 500 without an error message", e.apiMessage());
  }

  @Test
  void garbageJson() {
    yclients.on("GET", COMPANY).respond(200, "{\"success\":true,\"data\":{\"id\":5");

    YclientsException e = companyFails();

    assertEquals(Kind.BAD_RESPONSE, e.kind());
    assertEquals(200, e.httpStatus());
    assertTrue(e.isUnavailable());
    assertEquals("body is not JSON (application/json)", e.apiMessage());
  }

  @Test
  void unexpectedJsonShapes() {
    yclients.on("GET", COMPANY).respond(200, "[1,2,3]");
    assertEquals(Kind.BAD_RESPONSE, companyFails().kind());

    yclients.on("GET", COMPANY).respond(200, "{\"success\":true,\"meta\":[]}");
    assertEquals("unexpected JSON: no data", companyFails().apiMessage());

    yclients.on("GET", COMPANY).respond(200, "{\"success\":true,\"data\":[],\"meta\":[]}");
    assertEquals("unexpected JSON: data is not an object", companyFails().apiMessage());

    yclients.on("GET", COMPANY).respond(200, "{\"success\":true,\"data\":{\"title\":\"no id\"},\"meta\":[]}");
    assertEquals(Kind.BAD_RESPONSE, companyFails().kind());

    yclients.on("GET", COMPANY).respond(500, "{\"oops\":1}");
    YclientsException e = companyFails();
    assertEquals(Kind.BAD_RESPONSE, e.kind());
    assertEquals(500, e.httpStatus());
    assertEquals("unexpected JSON error body", e.apiMessage());
  }

  @Test
  void emptyBodyWhereDataIsExpected() {
    yclients.on("GET", COMPANY).respond(204, "");

    YclientsException e = companyFails();

    assertEquals(Kind.BAD_RESPONSE, e.kind());
    assertEquals("empty body", e.apiMessage());
  }

  @Test
  void htmlErrorPageFromAProxy() {
    yclients.on("GET", COMPANY)
        .respond(502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>")
        .contentType("text/html; charset=utf-8");

    YclientsException e = companyFails();

    assertEquals(Kind.BAD_RESPONSE, e.kind());
    assertEquals(502, e.httpStatus());
    assertTrue(e.isUnavailable());
    assertEquals("GET /api/v1/company/502817 502 BAD_RESPONSE: body is not JSON (text/html)", e.getMessage());
  }

  @Test
  void unauthorizedWithAnEmptyBodyIsStillAnAuthProblem() {
    yclients.on("GET", COMPANY).respond(401, "");

    YclientsException e = companyFails();

    assertEquals(Kind.BAD_RESPONSE, e.kind());
    assertTrue(e.isAuthProblem());
  }

  @Test
  void readTimeout() {
    yclients.on("GET", COMPANY).respondWithFixture(200, "company.json").delay(Duration.ofSeconds(3));
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
    YclientsClient slow = TestClients.plain(impatient, yclients.url());

    YclientsException e = assertThrows(YclientsException.class, () -> slow.companies().company(PARTNER, 502817));

    assertEquals(Kind.TIMEOUT, e.kind());
    assertEquals(0, e.httpStatus());
    assertTrue(e.isUnavailable());
    assertTrue(e.getMessage().startsWith("GET /api/v1/company/502817 TIMEOUT: timed out"), e.getMessage());
  }

  @Test
  void wholeCallTimeout() {
    yclients.on("GET", COMPANY).respondWithFixture(200, "company.json").delay(Duration.ofSeconds(3));
    OkHttpClient impatient = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(300)).build();
    YclientsClient slow = TestClients.plain(impatient, yclients.url());

    YclientsException e = assertThrows(YclientsException.class, () -> slow.companies().company(PARTNER, 502817));

    assertEquals(Kind.TIMEOUT, e.kind());
  }

  @Test
  void connectionRefused() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    YclientsClient nowhere = TestClients.plain("http://127.0.0.1:" + closedPort);

    YclientsException e = assertThrows(YclientsException.class, () -> nowhere.companies().company(PARTNER, 502817));

    assertEquals(Kind.NETWORK, e.kind());
    assertEquals(0, e.httpStatus());
    assertTrue(e.isUnavailable());
    assertTrue(e.getMessage().startsWith("GET /api/v1/company/502817 NETWORK: network error"), e.getMessage());
  }

  @Test
  void tooManyRequestsWithRetryAfter() {
    yclients.on("GET", COMPANY).respond(429, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Too Many Requests\"}}")
        .header("Retry-After", "7");

    YclientsException e = companyFails();

    assertEquals(Kind.HTTP, e.kind());
    assertEquals(429, e.httpStatus());
    assertEquals(7L, e.retryAfterSeconds());
    assertTrue(e.isUnavailable());
  }

  @Test
  void tooManyRequestsWithoutABodyOrRetryAfter() {
    yclients.on("GET", COMPANY).respond(429, "").contentType("text/plain");

    YclientsException e = companyFails();

    assertEquals(Kind.HTTP, e.kind());
    assertEquals(429, e.httpStatus());
    assertNull(e.retryAfterSeconds());
    assertTrue(e.isUnavailable());
  }

  @Test
  void retryAfterAsAnHttpDate() {
    yclients.on("GET", COMPANY).respond(429, "").header("Retry-After", "Wed, 21 Oct 2026 07:28:30 GMT");
    Clock clock = Clock.fixed(Instant.parse("2026-10-21T07:28:00Z"), ZoneOffset.UTC);
    YclientsClient clocked = TestClients.plain(yclients.url(), clock);

    YclientsException e = assertThrows(YclientsException.class, () -> clocked.companies().company(PARTNER, 502817));

    assertEquals(30L, e.retryAfterSeconds());
  }

  @Test
  void authFailure() {
    yclients.on("POST", "/api/v1/auth").respond(401,
        "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Неверный логин или пароль\"}}");

    YclientsException e = assertThrows(YclientsException.class,
        () -> client.auth().login("partner-token-0001", "79161234567", "secret-password"));

    assertEquals("POST /api/v1/auth 401: Неверный логин или пароль", e.getMessage());
    assertTrue(e.isAuthProblem());
  }

  @Test
  void authAnswerWithoutAToken() {
    yclients.on("POST", "/api/v1/auth").respond(201, "{\"success\":true,\"data\":{\"name\":\"Анна\"},\"meta\":[]}");

    YclientsException e = assertThrows(YclientsException.class,
        () -> client.auth().login("partner-token-0001", "79161234567", "secret-password"));

    assertEquals(Kind.BAD_RESPONSE, e.kind());
    assertEquals(201, e.httpStatus());
  }
}
