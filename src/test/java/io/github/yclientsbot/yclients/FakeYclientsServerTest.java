package io.github.yclientsbot.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.yclients.FakeYclientsServer.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own contract, which tests of other packages rely on. */
class FakeYclientsServerTest {

  private final FakeYclientsServer server = new FakeYclientsServer();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
        .header("Authorization", "Bearer abc")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void urlIsLoopbackWithoutTrailingSlash() {
    assertEquals("http://127.0.0.1:" + server.port(), server.url());
  }

  @Test
  void servesFixturesAndRecordsRequests() throws Exception {
    server.on("POST", "/api/v1/book_check/502817").respondWithFixture(201, "book_check-ok.json");

    HttpResponse<String> response = send("POST", "/api/v1/book_check/502817?x=1", "{\"a\":1}");

    assertEquals(201, response.statusCode());
    assertEquals(FakeYclientsServer.fixture("book_check-ok.json"), response.body());
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    RecordedRequest request = server.lastRequest();
    assertEquals("POST", request.method());
    assertEquals("/api/v1/book_check/502817", request.path());
    assertEquals("x=1", request.query());
    assertEquals("{\"a\":1}", request.body());
    assertEquals("Bearer abc", request.header("authorization"));
    assertFalse(request.toString().contains("abc"), request.toString());
    assertEquals(1, server.requests("post", "/api/v1/book_check/502817").size());
  }

  @Test
  void latestMatchingRouteWinsAndQueriesNarrowRoutes() throws Exception {
    server.on("GET", "/p").respond(200, "any");
    server.on("GET", "/p").withQueryParam("service_ids[]", "2").respond(200, "two");
    server.on("GET", "/p").withQuery("a=1&b=2").respond(200, "exact");

    assertEquals("any", send("GET", "/p", null).body());
    assertEquals("two", send("GET", "/p?service_ids%5B%5D=1&service_ids%5B%5D=2", null).body());
    assertEquals("exact", send("GET", "/p?a=1&b=2", null).body());
    assertEquals("any", send("GET", "/p?b=2&a=1", null).body());
    assertEquals(List.of("1", "2"), server.requests().get(1).queryParams().get("service_ids[]"));
  }

  @Test
  void aBodyConditionNarrowsARouteAndRoutesWithoutOneMatchAnyBody() throws Exception {
    server.on("POST", "/b").respond(422, "wrong");
    server.on("POST", "/b").withBodyContaining("\"code\":\"1234\"").respond(201, "right");

    assertEquals("wrong", send("POST", "/b", "{\"code\":\"9999\"}").body());
    assertEquals("right", send("POST", "/b", "{\"phone\":\"7\",\"code\":\"1234\"}").body());
    assertEquals("wrong", send("POST", "/b", null).body());
  }

  @Test
  void responsesAreServedInOrderThenTheLastRepeats() throws Exception {
    FakeYclientsServer.Route route = server.on("GET", "/r").respond(503, "").respond(200, "ok").header("X-A", "b");

    assertEquals(503, send("GET", "/r", null).statusCode());
    HttpResponse<String> second = send("GET", "/r", null);
    assertEquals(200, second.statusCode());
    assertEquals("b", second.headers().firstValue("X-A").orElseThrow());
    assertEquals("ok", send("GET", "/r", null).body());
    assertEquals(3, route.hits());
  }

  @Test
  void unmatchedRequestsGetA404AndAreListed() throws Exception {
    HttpResponse<String> response = send("DELETE", "/nowhere", null);

    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("no route for DELETE /nowhere"), response.body());
    assertEquals(1, server.unmatchedRequests().size());
  }

  @Test
  void resetForgetsRoutesAndRequests() throws Exception {
    server.on("GET", "/x").respond(200, "x");
    send("GET", "/x", null);

    server.reset();

    assertTrue(server.requests().isEmpty());
    assertEquals(404, send("GET", "/x", null).statusCode());
  }
}
