package io.github.yclientsbot.yclients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local fake of the YCLIENTS API on {@code 127.0.0.1}, a free port, for tests of any package.
 *
 * <pre>{@code
 * try (FakeYclientsServer yclients = new FakeYclientsServer()) {
 *   yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");
 *   yclients.on("GET", "/api/v1/book_staff/502817").withQueryParam("service_ids[]", "13700211")
 *       .respond(200, "{\"success\":true,\"data\":[],\"meta\":[]}");
 *   yclients.on("GET", "/api/v1/company/1").respond(429, "{}").header("Retry-After", "7");
 *   yclients.on("GET", "/api/v1/bookform/1").respondWithFixture(200, "bookform.json").delay(Duration.ofSeconds(2));
 *   YclientsClient client = YclientsClient.builder(http, mapper, yclients.url()).time(clock, nanoTime, sleeper).build();
 *   ...
 *   assertEquals("Bearer partner", yclients.lastRequest().header("Authorization"));
 * }
 * }</pre>
 *
 * <p>Routing: the most recently added route that matches method, path and (when given) query wins,
 * so a test can override a default set up earlier. A route with several responses serves them in
 * order and then keeps repeating the last one (handy for retry tests). A request no route matches
 * gets a 404 in YCLIENTS's error shape with a message naming the request, and is listed in
 * {@link #unmatchedRequests()}. Fixtures are read from the classpath under {@code /yclients/}.
 */
public final class FakeYclientsServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> unmatched = new CopyOnWriteArrayList<>();
  /** Counted down on {@link #releaseDelays()} or {@link #close()}: delayed responses go out at once. */
  private volatile CountDownLatch delaysReleased = new CountDownLatch(1);

  public FakeYclientsServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start FakeYclientsServer", e);
    }
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "fake-yclients");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code "http://127.0.0.1:PORT"}, without a trailing slash: the client's base URL. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Adds a route for {@code method} (e.g. "GET") and an exact path (e.g. "/api/v1/company/502817"). */
  public Route on(String method, String path) {
    Route route = new Route(method.toUpperCase(Locale.ROOT), path);
    routes.add(route);
    return route;
  }

  /** Drops all routes and recorded requests. */
  public void reset() {
    routes.clear();
    requests.clear();
    unmatched.clear();
  }

  /** Every request received, in order of arrival (unmatched ones included). */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Requests received for {@code method} and {@code path}. */
  public List<RecordedRequest> requests(String method, String path) {
    return requests.stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path)).toList();
  }

  /** The latest request; fails if none arrived. */
  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("FakeYclientsServer received no request");
    }
    return requests.get(requests.size() - 1);
  }

  /** Requests that matched no route. */
  public List<RecordedRequest> unmatchedRequests() {
    return List.copyOf(unmatched);
  }

  /** A fixture from the test classpath, {@code /yclients/<name>} (or {@code <name>} when it starts with "/"). */
  public static String fixture(String name) {
    String resource = name.startsWith("/") ? name : "/yclients/" + name;
    try (InputStream in = FakeYclientsServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test resource " + resource, e);
    }
  }

  /** Delayed responses waiting now go out at once; later ones are delayed again. */
  public void releaseDelays() {
    CountDownLatch released = delaysReleased;
    delaysReleased = new CountDownLatch(1);
    released.countDown();
  }

  /** Stops the server; delayed responses are released first, so closing never waits them out. */
  @Override
  public void close() {
    delaysReleased.countDown();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      RecordedRequest request = new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
          uri.getRawPath(), uri.getRawQuery(), Collections.unmodifiableMap(headers), body);
      requests.add(request);

      Response response = null;
      for (int i = routes.size() - 1; i >= 0 && response == null; i--) {
        Route route = routes.get(i);
        if (route.matches(request)) {
          response = route.next();
        }
      }
      if (response == null) {
        unmatched.add(request);
        response = new Response(404, "{\"success\":false,\"data\":null,\"meta\":{\"message\":"
            + "\"FakeYclientsServer: no route for " + request.method() + " " + request.path() + "\"}}");
      }
      if (!response.delay.isZero()) {
        try {
          delaysReleased.await(response.delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      response.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = response.body.getBytes(StandardCharsets.UTF_8);
      boolean noBody = bytes.length == 0 || response.status == 204 || request.method().equals("HEAD");
      exchange.sendResponseHeaders(response.status, noBody ? -1 : bytes.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException clientWentAway) {
      // the client timed out or closed the connection: nothing left to answer
    }
  }

  /** One route; its methods configure the response added last. */
  public static final class Route {
    private final String method;
    private final String path;
    private String query;
    private final Map<String, String> queryParams = new LinkedHashMap<>();
    private final List<String> bodyParts = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();
    private int served;

    private Route(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** Match only this exact decoded query, e.g. {@code "service_ids[]=1&staff_id=2"}; "" = no query. */
    public synchronized Route withQuery(String decodedQuery) {
      this.query = Objects.requireNonNull(decodedQuery);
      return this;
    }

    /** Match only when the query has this parameter with this (decoded) value. */
    public synchronized Route withQueryParam(String name, String value) {
      queryParams.put(name, value);
      return this;
    }

    /**
     * Match only when the request body contains this text (e.g. {@code "\"code\":\"1234\""}); several calls
     * must all match. A route without it matches any body, as before.
     */
    public synchronized Route withBodyContaining(String text) {
      bodyParts.add(Objects.requireNonNull(text));
      return this;
    }

    /** Adds a response. */
    public synchronized Route respond(int status, String body) {
      responses.add(new Response(status, body == null ? "" : body));
      return this;
    }

    /** Adds a response whose body is a fixture, see {@link FakeYclientsServer#fixture(String)}. */
    public Route respondWithFixture(int status, String fixtureName) {
      return respond(status, fixture(fixtureName));
    }

    /** Sets a header of the last added response (Content-Type defaults to application/json; charset=utf-8). */
    public synchronized Route header(String name, String value) {
      last().headers.put(name, value);
      return this;
    }

    public Route contentType(String value) {
      return header("Content-Type", value);
    }

    /** Delays the last added response (until {@link FakeYclientsServer#releaseDelays()} or close, if sooner). */
    public synchronized Route delay(Duration delay) {
      last().delay = Objects.requireNonNull(delay);
      return this;
    }

    /** How many requests this route has answered. */
    public synchronized int hits() {
      return served;
    }

    private synchronized Response last() {
      if (responses.isEmpty()) {
        throw new IllegalStateException("call respond(...) first");
      }
      return responses.get(responses.size() - 1);
    }

    private synchronized Response next() {
      if (responses.isEmpty()) {
        throw new IllegalStateException("route " + method + " " + path + " has no response");
      }
      Response response = responses.get(Math.min(served, responses.size() - 1));
      served++;
      return response;
    }

    private synchronized boolean matches(RecordedRequest request) {
      if (!method.equals(request.method()) || !path.equals(request.path())) {
        return false;
      }
      if (query != null && !query.equals(request.query() == null ? "" : request.query())) {
        return false;
      }
      if (!bodyParts.stream().allMatch(request.body()::contains)) {
        return false;
      }
      Map<String, List<String>> params = request.queryParams();
      return queryParams.entrySet().stream()
          .allMatch(e -> params.getOrDefault(e.getKey(), List.of()).contains(e.getValue()));
    }
  }

  private static final class Response {
    private final int status;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;

    private Response(int status, String body) {
      this.status = status;
      this.body = body;
      headers.put("Content-Type", "application/json; charset=utf-8");
    }
  }

  /**
   * A request as received. {@code path} and {@code rawQuery} are as sent on the wire; {@link #query()}
   * is decoded. {@code toString()} masks the Authorization header.
   */
  public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
      String body) {

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The decoded query ({@code "service_ids[]=1"}), or null when there is none. */
    public String query() {
      return rawQuery == null ? null : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
    }

    /** Decoded query parameters, in order, repeated names kept. */
    public Map<String, List<String>> queryParams() {
      Map<String, List<String>> params = new LinkedHashMap<>();
      if (rawQuery == null || rawQuery.isEmpty()) {
        return params;
      }
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
      return params;
    }

    @Override
    public String toString() {
      return "RecordedRequest[" + method + " " + path + (rawQuery == null ? "" : "?" + rawQuery)
          + ", Authorization=" + (header("Authorization") == null ? "none" : "(masked)")
          + ", body=" + body.length() + " chars]";
    }
  }
}
