package io.github.yclientsbot.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

/** No token and no password in any exception, toString or log line, whatever goes wrong. */
class YclientsSecretsTest {

  private static final String PARTNER_TOKEN = "partnerSECRETtoken0001";
  private static final String USER_TOKEN = "userSECRETtoken0002";
  private static final String PASSWORD = "passwordSECRET0003";
  private static final YclientsCredentials BOTH = new YclientsCredentials(PARTNER_TOKEN, USER_TOKEN);

  private final FakeYclientsServer yclients = new FakeYclientsServer();
  private final YclientsClient client = TestClients.plain(yclients.url());
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger clientLogger = (Logger) LoggerFactory.getLogger(YclientsClient.class.getPackageName());
  private Level previousLevel;

  @BeforeEach
  void captureLogs() {
    previousLevel = clientLogger.getLevel();
    clientLogger.setLevel(Level.DEBUG);
    logs.start();
    clientLogger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    clientLogger.detachAppender(logs);
    clientLogger.setLevel(previousLevel);
    yclients.close();
  }

  /**
   * What this test's own thread logged (the client calls on the caller's thread). Test classes run in parallel and
   * others log from the same package meanwhile: the list is copied under the appender's lock, which every append
   * holds.
   */
  private List<ILoggingEvent> ownEvents() {
    String thread = Thread.currentThread().getName();
    List<ILoggingEvent> copy;
    synchronized (logs) {
      copy = new ArrayList<>(logs.list);
    }
    return copy.stream().filter(e -> thread.equals(e.getThreadName())).toList();
  }

  @Test
  void noSecretInAnyFailure() throws IOException {
    // a server that echoes what it got: the client masks the secrets of the call it made
    String echo = "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Bad token " + PARTNER_TOKEN + " / "
        + USER_TOKEN + "\"}}";
    String authEcho = "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Bad token " + PARTNER_TOKEN
        + " for password " + PASSWORD + "\"}}";
    String[][] answers = {
        {"401", "error-401.json"}, {"401", "error-401-errors-shape.json"}, {"403", "error-403-license.json"},
        {"404", "error-404-company.json"}, {"422", "book_check-433.json"}, {"422", "book_record-437-old-shape.json"}};
    List<YclientsException> failures = new ArrayList<>();
    for (String[] answer : answers) {
      yclients.on("GET", "/api/v1/company/502817/services").respondWithFixture(Integer.parseInt(answer[0]), answer[1]);
      failures.add(fails(() -> client.catalog().companyServices(BOTH, 502817)));
    }
    yclients.on("GET", "/api/v1/company/502817/staff").respond(403, echo);
    failures.add(fails(() -> client.catalog().companyStaff(BOTH, 502817)));
    yclients.on("GET", "/api/v1/company/502817/staff").respond(200, "{not json " + PARTNER_TOKEN);
    failures.add(fails(() -> client.catalog().companyStaff(BOTH, 502817)));
    yclients.on("GET", "/api/v1/company/502817/staff").respond(502, "<html>" + USER_TOKEN + "</html>")
        .contentType("text/html");
    failures.add(fails(() -> client.catalog().companyStaff(BOTH, 502817)));
    yclients.on("GET", "/api/v1/company/502817/staff").respond(429, "").header("Retry-After", "3");
    failures.add(fails(() -> client.catalog().companyStaff(BOTH, 502817)));
    yclients.on("POST", "/api/v1/auth").respond(401, authEcho);
    failures.add(fails(() -> client.auth().login(PARTNER_TOKEN, "79161234567", PASSWORD)));
    yclients.on("POST", "/api/v1/auth").respond(400, "{\"errors\":{\"password\":[\"" + PASSWORD + " is weak\"]}}");
    failures.add(fails(() -> client.auth().login(PARTNER_TOKEN, "79161234567", PASSWORD)));

    yclients.on("GET", "/api/v1/company/502817/staff").respond(200, "{}").delay(Duration.ofSeconds(3));
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
    failures.add(fails(() -> TestClients.plain(impatient, yclients.url()).catalog().companyStaff(BOTH, 502817)));

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    YclientsClient nowhere = TestClients.plain("http://127.0.0.1:" + closedPort);
    failures.add(fails(() -> nowhere.catalog().companyStaff(BOTH, 502817)));
    failures.add(fails(() -> nowhere.auth().login(PARTNER_TOKEN, "79161234567", PASSWORD)));

    assertEquals(15, failures.size());
    for (YclientsException failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertNoSecret(failure.toString());
      assertNoSecret(String.valueOf(failure.apiMessage()));
      assertNoSecret(trace.toString());
    }
    assertTrue(failures.get(6).apiMessage().contains("part\u20260001"), "an echoed token is masked, not dropped");
    List<ILoggingEvent> logged = ownEvents();
    for (ILoggingEvent event : logged) {
      assertNoSecret(event.getFormattedMessage());
      assertTrue(event.getLevel().isGreaterOrEqual(Level.DEBUG) && !event.getLevel().isGreaterOrEqual(Level.INFO),
          "traffic is logged at DEBUG only: " + event);
    }
    assertFalse(logged.isEmpty(), "DEBUG traffic log is captured");
  }

  @Test
  void noSecretInToStrings() throws Exception {
    yclients.on("POST", "/api/v1/auth").respond(201,
        "{\"success\":true,\"data\":{\"user_token\":\"" + USER_TOKEN + "\",\"name\":\"Анна\"},\"meta\":[]}");

    AuthResult result = client.auth().login(PARTNER_TOKEN, "79161234567", PASSWORD);

    assertEquals(USER_TOKEN, result.userToken());
    assertNoSecret(result.toString());
    assertNoSecret(BOTH.toString());
    assertNoSecret(yclients.lastRequest().toString());
    for (ILoggingEvent event : ownEvents()) {
      assertNoSecret(event.getFormattedMessage());
    }
  }

  @Test
  void illegalArgumentsNameNoSecret() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.catalog().companyServices(new YclientsCredentials(PARTNER_TOKEN + " x", USER_TOKEN), 1));
    assertNoSecret(e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> client.catalog().companyServices(new YclientsCredentials(PARTNER_TOKEN, null), 1));
    assertNoSecret(e.getMessage());
  }

  private static YclientsException fails(Executable call) {
    return assertThrows(YclientsException.class, call);
  }

  private static void assertNoSecret(String text) {
    assertFalse(text.contains("SECRET"), () -> "a secret leaked into: " + text);
  }
}
