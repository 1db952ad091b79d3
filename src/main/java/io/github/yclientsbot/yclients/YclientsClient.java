package io.github.yclientsbot.yclients;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The YCLIENTS REST API calls the bot makes. Immutable and thread-safe; one instance serves every
 * company, since the tokens come with each call.
 *
 * <p>Every failure is a {@link YclientsException}; tokens and passwords never appear in its message,
 * nor in any log line. Traffic is logged at DEBUG only (method, path, status, latency).
 */
public final class YclientsClient {

  public static final String ACCEPT = "application/vnd.yclients.v2+json";

  private static final Logger log = LoggerFactory.getLogger(YclientsClient.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final HttpUrl baseUrl;
  private final Clock clock;
  private final RequestLimiter limiter;
  private final CallPolicy policy;
  private final CallListener listener;

  /**
   * Told the outcome of every call (for metrics): {@code "ok"} or the failure kind in lower case
   * ({@code "http"}, {@code "network"}, {@code "timeout"}, {@code "bad_response"}). Must not throw.
   */
  @FunctionalInterface
  public interface CallListener {
    CallListener NONE = (method, path, outcome, millis) -> { };

    void called(String method, String path, String outcome, long millis);
  }

  /** {@code baseUrl} like "https://api.yclients.com" or "http://127.0.0.1:1234"; a trailing slash is tolerated. */
  public YclientsClient(OkHttpClient http, ObjectMapper mapper, String baseUrl) {
    this(http, mapper, baseUrl, Clock.systemUTC());
  }

  /** As above; {@code clock} is used only to turn a date-form {@code Retry-After} into seconds. */
  public YclientsClient(OkHttpClient http, ObjectMapper mapper, String baseUrl, Clock clock) {
    this(http, mapper, baseUrl, clock, CallListener.NONE);
  }

  /** As above, telling {@code listener} the outcome of every call. */
  public YclientsClient(OkHttpClient http, ObjectMapper mapper, String baseUrl, Clock clock, CallListener listener) {
    this(http, mapper, baseUrl, clock, RequestLimiter.unlimited(), new CallPolicy(Duration.ofSeconds(15), 1, Duration.ZERO),
        listener);
  }

  /** Rate-limited and retried, without a listener. */
  public YclientsClient(OkHttpClient http, ObjectMapper mapper, String baseUrl, Clock clock,
      RequestLimiter limiter, CallPolicy policy) {
    this(http, mapper, baseUrl, clock, limiter, policy, CallListener.NONE);
  }

  /**
   * The production form: every call waits for a slot under YCLIENTS's rate limits and, when it fails in
   * a way that may pass (429, 5xx, network), is tried again with back-off (honouring {@code Retry-After})
   * as long as the policy's deadline allows; {@code listener} hears the outcome of every call.
   */
  public YclientsClient(OkHttpClient http, ObjectMapper mapper, String baseUrl, Clock clock,
      RequestLimiter limiter, CallPolicy policy, CallListener listener) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.http = Objects.requireNonNull(http, "http");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.clock = Objects.requireNonNull(clock, "clock");
    HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
    if (parsed == null) {
      throw new IllegalArgumentException("YCLIENTS base URL must be an absolute http(s) URL, got: " + baseUrl);
    }
    this.baseUrl = parsed;
  }

  /** The rate limiter every call waits on (the wiring test checks production keeps YCLIENTS's limits). */
  public RequestLimiter limiter() {
    return limiter;
  }

  /** An OkHttpClient with connect 3 s, read 10 s, write 10 s and call timeout 15 s. */
  public static OkHttpClient defaultHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(15))
        .build();
  }

  /** {@code GET /api/v1/company/{id}?showBookforms=1}, partner token only. */
  public Company company(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/company/" + companyId;
    HttpUrl url = url(path).addQueryParameter("showBookforms", "1").build();
    return map("GET", path, get(c, false, path, url), YclientsClient::toCompany);
  }

  /** {@code GET /api/v1/bookform/{id}}, partner token only. */
  public Bookform bookform(YclientsCredentials c, long formId) throws YclientsException {
    String path = "/api/v1/bookform/" + formId;
    return map("GET", path, get(c, false, path, url(path).build()), node -> new Bookform(
        requiredId(node),
        TolerantJson.longValue(node, "company_id", 0),
        TolerantJson.longValue(node, "group_id", 0),
        TolerantJson.bool(node, "phone_confirmation", false)));
  }

  /** {@code GET /api/v1/book_services/{company_id}}, partner token only. */
  public BookServices bookServices(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/book_services/" + companyId;
    return map("GET", path, get(c, false, path, url(path).build()), node -> {
      List<BookService> services = mapList(node.path("services"), item -> new BookService(
          requiredId(item),
          TolerantJson.textOrEmpty(item, "title"),
          TolerantJson.longValue(item, "category_id", 0),
          TolerantJson.decimal(item, "price_min"),
          TolerantJson.decimal(item, "price_max"),
          TolerantJson.longValue(item, "seance_length", 0),
          TolerantJson.bool(item, "active", true)));
      JsonNode categoryNode = node.path("category").isArray() ? node.path("category") : node.path("categories");
      List<ServiceCategory> categories = mapList(categoryNode, item -> new ServiceCategory(
          requiredId(item),
          TolerantJson.textOrEmpty(item, "title"),
          TolerantJson.intValue(item, "weight", 0)));
      return new BookServices(services, categories);
    });
  }

  /** {@code GET /api/v1/book_staff/{company_id}[?service_ids[]=X]}, partner token only. */
  public List<BookStaff> bookStaff(YclientsCredentials c, long companyId, Long serviceIdOrNull)
      throws YclientsException {
    String path = "/api/v1/book_staff/" + companyId;
    HttpUrl.Builder url = url(path);
    if (serviceIdOrNull != null) {
      url.addEncodedQueryParameter("service_ids[]", String.valueOf(serviceIdOrNull));
    }
    return mapArray("GET", path, get(c, false, path, url.build()), item -> new BookStaff(
        requiredId(item),
        TolerantJson.textOrEmpty(item, "name"),
        TolerantJson.nonBlank(item, "specialization"),
        TolerantJson.bool(item, "bookable", true)));
  }

  /**
   * {@code GET /api/v1/book_dates/{company_id}?service_ids[]=X&staff_id=Y&date_from=..&date_to=..}, partner token
   * only: the bookable days ({@code booking_dates}) in that range, sorted.
   */
  public List<java.time.LocalDate> bookDates(YclientsCredentials c, long companyId, long serviceId, long staffId,
      java.time.LocalDate from, java.time.LocalDate to) throws YclientsException {
    String path = "/api/v1/book_dates/" + companyId;
    HttpUrl.Builder url = url(path)
        .addEncodedQueryParameter("service_ids[]", String.valueOf(serviceId))
        .addQueryParameter("date_from", from.toString())
        .addQueryParameter("date_to", to.toString());
    if (staffId > 0) {
      url.addQueryParameter("staff_id", String.valueOf(staffId));
    }
    return map("GET", path, get(c, false, path, url.build()), node -> {
      java.util.TreeSet<java.time.LocalDate> days = new java.util.TreeSet<>();
      for (JsonNode d : node.path("booking_dates")) {
        try {
          days.add(java.time.LocalDate.parse(d.asText().strip()));
        } catch (DateTimeParseException e) {
          log.debug("YCLIENTS: skipped a booking date that is not YYYY-MM-DD");
        }
      }
      return List.copyOf(days);
    });
  }

  /** {@code GET /api/v1/book_times/{company_id}/{staff_id}/{date}?service_ids[]=X} (staff 0 = any), partner only. */
  public List<BookTime> bookTimes(YclientsCredentials c, long companyId, long staffId, java.time.LocalDate date,
      long serviceId) throws YclientsException {
    String path = "/api/v1/book_times/" + companyId + "/" + Math.max(0, staffId) + "/" + date;
    HttpUrl url = url(path).addEncodedQueryParameter("service_ids[]", String.valueOf(serviceId)).build();
    Answer answer = get(c, false, path, url);
    if (!answer.data().isArray()) {
      throw badResponse("GET", path, answer.status(), "unexpected JSON: data is not an array", null);
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
    ObjectNode body = mapper.createObjectNode();
    body.set("appointments", appointmentsNode(appointments));
    post(c, path, body, false);
  }

  /** {@code POST /api/v1/book_code/{company_id}} {@code {phone, fullname}}: YCLIENTS texts the customer a code. */
  public void bookCode(YclientsCredentials c, long companyId, String phone, String fullname) throws YclientsException {
    String path = "/api/v1/book_code/" + companyId;
    ObjectNode body = mapper.createObjectNode().put("phone", phone).put("fullname", fullname);
    post(c, path, body, false);
  }

  /** {@code POST /api/v1/book_record/{company_id}}: books; one record per appointment. */
  public List<BookedRecord> bookRecord(YclientsCredentials c, long companyId, BookingRequest request)
      throws YclientsException {
    String path = "/api/v1/book_record/" + companyId;
    ObjectNode body = mapper.createObjectNode()
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
    Answer answer = post(c, path, body, true);
    JsonNode data = answer.data().isObject() ? mapper.createArrayNode().add(answer.data()) : answer.data();
    List<BookedRecord> records = new ArrayList<>();
    for (JsonNode item : data) {
      Long id = TolerantJson.longValue(item, "record_id");
      String hash = TolerantJson.nonBlank(item, "record_hash");
      if (id != null && hash != null) {
        records.add(new BookedRecord(id, hash.strip()));
      }
    }
    if (records.isEmpty()) {
      throw badResponse("POST", path, answer.status(), "unexpected JSON: no record_id/record_hash", null);
    }
    return List.copyOf(records);
  }

  /** {@code GET /api/v1/book_record/{company_id}/{record_id}/{record_hash}}: a booking read back, partner token only. */
  public RecordInfo readRecord(YclientsCredentials c, long companyId, long recordId, String recordHash)
      throws YclientsException {
    String path = "/api/v1/book_record/" + companyId + "/" + recordId + "/" + Objects.requireNonNull(recordHash, "recordHash");
    Redactor redactor = new Redactor(c.partnerToken(), c.userToken(), recordHash);
    String logged = "/api/v1/book_record/" + companyId + "/" + recordId;
    String authorization = "Bearer " + checkedToken(c.partnerToken(), "partner token");
    Answer answer = send("GET", logged, url(path).build(), authorization, null, redactor, true);
    JsonNode node = answer.data().isArray() ? answer.data().path(0) : answer.data();
    if (!node.isObject()) {
      throw badResponse("GET", logged, answer.status(), "unexpected JSON: data is not an object", null);
    }
    String datetime = TolerantJson.nonBlank(node, "datetime");
    if (datetime == null) {
      throw badResponse("GET", logged, answer.status(), "unexpected JSON: no datetime", null);
    }
    List<String> services = new ArrayList<>();
    for (JsonNode s : node.path("services")) {
      String title = TolerantJson.nonBlank(s, "title");
      if (title != null) {
        services.add(title.strip());
      }
    }
    long length = TolerantJson.longValue(node, "seance_length", 0);
    if (length <= 0) {
      length = TolerantJson.longValue(node, "length", 0);
    }
    String staff = node.path("staff").isObject() ? TolerantJson.nonBlank(node.path("staff"), "name") : null;
    boolean deleted = TolerantJson.bool(node, "deleted", false);
    return new RecordInfo(TolerantJson.longValue(node, "id", recordId), datetime.strip(), length, services,
        staff == null ? null : staff.strip(), deleted);
  }

  /** {@code DELETE /api/v1/user/records/{record_id}/{record_hash}}: cancels a booking (200/204), partner token only. */
  public void cancelRecord(YclientsCredentials c, long recordId, String recordHash) throws YclientsException {
    String path = "/api/v1/user/records/" + recordId + "/" + Objects.requireNonNull(recordHash, "recordHash");
    Redactor redactor = new Redactor(c.partnerToken(), c.userToken(), recordHash);
    String authorization = "Bearer " + checkedToken(c.partnerToken(), "partner token");
    send("DELETE", "/api/v1/user/records/" + recordId, url(path).build(), authorization, null, redactor, false);
  }

  private com.fasterxml.jackson.databind.node.ArrayNode appointmentsNode(List<Appointment> appointments) {
    com.fasterxml.jackson.databind.node.ArrayNode list = mapper.createArrayNode();
    int id = 1;
    for (Appointment a : appointments) {
      ObjectNode item = list.addObject().put("id", id++);
      item.putArray("services").add(a.serviceId());
      item.put("staff_id", Math.max(0, a.staffId()));
      item.put("datetime", a.datetime());
    }
    return list;
  }

  private Answer post(YclientsCredentials c, String path, ObjectNode body, boolean dataRequired)
      throws YclientsException {
    Objects.requireNonNull(c, "credentials");
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request body of " + path, e);
    }
    String authorization = "Bearer " + checkedToken(c.partnerToken(), "partner token");
    return send("POST", path, url(path).build(), authorization, RequestBody.create(bytes, JSON),
        new Redactor(c.partnerToken(), c.userToken()), dataRequired);
  }

  /**
   * {@code GET /api/v1/company/{id}/services}, partner + user token.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public List<CatalogService> companyServices(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/company/" + companyId + "/services";
    Answer answer = get(c, true, path, url(path).build());
    JsonNode data = answer.data();
    if (data.isObject() && data.path("services").isArray()) {
      answer = new Answer(answer.status(), data.path("services"));
    }
    return mapArray("GET", path, answer, item -> new CatalogService(
        requiredId(item),
        TolerantJson.textOrEmpty(item, "title"),
        TolerantJson.decimal(item, "price_min"),
        TolerantJson.decimal(item, "price_max"),
        TolerantJson.bool(item, "active", true),
        TolerantJson.bool(item, "is_online", true),
        staffIds(item.path("staff"))));
  }

  /**
   * {@code GET /api/v1/company/{id}/staff}, partner + user token.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public List<CatalogStaff> companyStaff(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/company/" + companyId + "/staff";
    return mapArray("GET", path, get(c, true, path, url(path).build()), item -> new CatalogStaff(
        requiredId(item),
        TolerantJson.textOrEmpty(item, "name"),
        TolerantJson.nonBlank(item, "specialization"),
        TolerantJson.bool(item, "fired", TolerantJson.bool(item, "is_fired", false))));
  }

  /**
   * {@code POST /api/v1/auth} with {@code {"login","password"}} → {@code data.user_token}. Neither
   * the password nor the tokens ever appear in an exception or a log line.
   */
  public AuthResult auth(String partnerToken, String login, String password) throws YclientsException {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(password, "password");
    String path = "/api/v1/auth";
    ObjectNode body = mapper.createObjectNode().put("login", login).put("password", password);
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the auth request body", e);
    }
    Redactor redactor = new Redactor(partnerToken, password);
    String authorization = "Bearer " + checkedToken(partnerToken, "partner token");
    Answer answer = send("POST", path, url(path).build(), authorization, RequestBody.create(bytes, JSON),
        redactor, true);
    return map("POST", path, answer, node -> {
      String token = TolerantJson.nonBlank(node, "user_token");
      if (token == null) {
        throw new IllegalArgumentException("no user_token in the answer");
      }
      return new AuthResult(token, TolerantJson.nonBlank(node, "name"));
    });
  }

  // --- transport ---------------------------------------------------------------------------------

  private HttpUrl.Builder url(String path) {
    return baseUrl.newBuilder().addPathSegments(path.substring(1));
  }

  private Answer get(YclientsCredentials c, boolean needsUser, String path, HttpUrl url)
      throws YclientsException {
    Objects.requireNonNull(c, "credentials");
    String authorization = "Bearer " + checkedToken(c.partnerToken(), "partner token");
    if (needsUser) {
      if (!c.hasUserToken()) {
        throw new IllegalArgumentException("GET " + path + " needs a YCLIENTS user token, and none is set");
      }
      authorization += ", User " + checkedToken(c.userToken(), "user token");
    }
    return send("GET", path, url, authorization, null, new Redactor(c.partnerToken(), c.userToken()), true);
  }

  /** The status and the envelope's {@code data} (never null; a MissingNode when absent and not required). */
  private record Answer(int status, JsonNode data) {
  }

  /** One call: rate-limited, retried while the deadline allows. */
  private Answer send(String method, String path, HttpUrl url, String authorization, RequestBody body,
      Redactor redactor, boolean dataRequired) throws YclientsException {
    long started = System.nanoTime();
    try {
      Answer answer = sendWithRetries(method, path, url, authorization, body, redactor, dataRequired);
      listener.called(method, path, "ok", elapsedMillis(started));
      return answer;
    } catch (YclientsException e) {
      listener.called(method, path, e.kind().name().toLowerCase(java.util.Locale.ROOT), elapsedMillis(started));
      throw e;
    }
  }

  private Answer sendWithRetries(String method, String path, HttpUrl url, String authorization, RequestBody body,
      Redactor redactor, boolean dataRequired) throws YclientsException {
    long deadline = System.nanoTime() + policy.deadline().toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        if (!limiter.acquire(deadline)) {
          throw new YclientsException(YclientsException.Kind.TIMEOUT, method, path, 0, null,
              "too many requests to YCLIENTS right now (the bot keeps under 5 a second and 200 a minute)", null, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new YclientsException(YclientsException.Kind.TIMEOUT, method, path, 0, null, "interrupted", null, e);
      }
      long remaining = deadline - System.nanoTime();
      try {
        return attempt(method, path, url, authorization, body, redactor, dataRequired, remaining);
      } catch (YclientsException e) {
        if (attempt >= policy.maxAttempts() || !mayRetry(method, e)) {
          throw e;
        }
        long backoff = backoffNanos(attempt, e.retryAfterSeconds());
        if (System.nanoTime() + backoff >= deadline) {
          throw e;
        }
        log.debug("YCLIENTS {} {} failed ({}), attempt {} of {}; retrying in {} ms", method, path,
            e.httpStatus() > 0 ? "HTTP " + e.httpStatus() : e.kind(), attempt, policy.maxAttempts(), backoff / 1_000_000);
        try {
          Thread.sleep(backoff / 1_000_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Reads (GET) are retried on anything that may pass; writes only when YCLIENTS cannot have acted on
   * them: 429, or a connection that was never made.
   */
  private static boolean mayRetry(String method, YclientsException e) {
    boolean unprocessed = e.httpStatus() == 429
        || (e.kind() == YclientsException.Kind.NETWORK && e.getCause() instanceof java.net.ConnectException);
    if (!"GET".equals(method)) {
      return unprocessed;
    }
    return unprocessed || e.isUnavailable();
  }

  private long backoffNanos(int attempt, Long retryAfterSeconds) {
    if (retryAfterSeconds != null) {
      return retryAfterSeconds * 1_000_000_000L;
    }
    long base = policy.firstBackoff().toNanos() << (attempt - 1);
    return base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  private Answer attempt(String method, String path, HttpUrl url, String authorization, RequestBody body,
      Redactor redactor, boolean dataRequired, long timeoutNanos) throws YclientsException {
    Request request = new Request.Builder()
        .url(url)
        .header("Accept", ACCEPT)
        .header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .method(method, body)
        .build();
    long started = System.nanoTime();
    okhttp3.Call call = http.newCall(request);
    long clientLimit = http.callTimeoutMillis() > 0 ? http.callTimeoutMillis() * 1_000_000L : Long.MAX_VALUE;
    call.timeout().timeout(Math.max(1, Math.min(timeoutNanos, clientLimit)), java.util.concurrent.TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      int status = response.code();
      if (log.isDebugEnabled()) {
        log.debug("YCLIENTS {} {} -> {} in {} ms", method, path, status, elapsedMillis(started));
      }
      Long retryAfter = retryAfterSeconds(response.header("Retry-After"));
      String contentType = response.header("Content-Type");
      return interpret(method, path, status, contentType, text, retryAfter, redactor, dataRequired);
    } catch (IOException e) {
      boolean timeout = isTimeout(e);
      if (log.isDebugEnabled()) {
        log.debug("YCLIENTS {} {} -> {} after {} ms ({})", method, path, timeout ? "timeout" : "network error",
            elapsedMillis(started), e.getClass().getSimpleName());
      }
      String description = (timeout ? "timed out" : "network error") + ": " + describe(e);
      throw new YclientsException(timeout ? YclientsException.Kind.TIMEOUT : YclientsException.Kind.NETWORK,
          method, path, 0, null, redactor.apply(description), null, e);
    }
  }

  private Answer interpret(String method, String path, int status, String contentType, String text,
      Long retryAfter, Redactor redactor, boolean dataRequired) throws YclientsException {
    JsonNode root = null;
    if (!text.isBlank()) {
      try {
        root = mapper.readTree(text);
      } catch (JsonProcessingException notJson) {
        root = null;
      }
    }
    boolean success = status >= 200 && status < 300;
    boolean saysSuccess = root != null && Boolean.TRUE.equals(TolerantJson.toBoolean(root.path("success")));
    ApiError error = success && saysSuccess ? null : ApiError.find(root);
    if (success && error == null) {
      if (root == null) {
        if (text.isBlank() && !dataRequired) {
          return new Answer(status, MissingNode.getInstance());
        }
        throw badResponse(method, path, status, describeBody(text, contentType), retryAfter);
      }
      if (!root.isObject()) {
        throw badResponse(method, path, status, "unexpected JSON: not an object", retryAfter);
      }
      JsonNode data = root.path("data");
      if (dataRequired && (data.isMissingNode() || data.isNull())) {
        throw badResponse(method, path, status, "unexpected JSON: no data", retryAfter);
      }
      return new Answer(status, data);
    }
    if (error == null) {
      if (status == 429) {
        throw new YclientsException(YclientsException.Kind.HTTP, method, path, status, null,
            "too many requests", retryAfter, null);
      }
      String description = root == null ? describeBody(text, contentType) : "unexpected JSON error body";
      throw badResponse(method, path, status, description, retryAfter);
    }
    String message = error.message() != null ? redactor.apply(error.message())
        : "HTTP " + status + " without an error message";
    throw new YclientsException(YclientsException.Kind.HTTP, method, path, status, error.code(), message,
        retryAfter, null);
  }

  private static YclientsException badResponse(String method, String path, int status, String description,
      Long retryAfter) {
    return new YclientsException(YclientsException.Kind.BAD_RESPONSE, method, path, status, null, description,
        retryAfter, null);
  }

  private static String describeBody(String text, String contentType) {
    if (text.isBlank()) {
      return "empty body";
    }
    return "body is not JSON" + (contentType == null ? "" : " (" + contentType.split(";")[0].strip() + ")");
  }

  /** Maps {@code data} to a DTO; any mapping failure becomes BAD_RESPONSE. */
  private static <T> T map(String method, String path, Answer answer, Function<JsonNode, T> mapper)
      throws YclientsException {
    if (!answer.data().isObject()) {
      throw badResponse(method, path, answer.status(), "unexpected JSON: data is not an object", null);
    }
    try {
      return mapper.apply(answer.data());
    } catch (RuntimeException e) {
      throw badResponse(method, path, answer.status(), "unexpected JSON: " + e.getMessage(), null);
    }
  }

  private static <T> List<T> mapArray(String method, String path, Answer answer,
      Function<JsonNode, T> itemMapper) throws YclientsException {
    if (!answer.data().isArray()) {
      throw badResponse(method, path, answer.status(), "unexpected JSON: data is not an array", null);
    }
    try {
      return mapList(answer.data(), itemMapper);
    } catch (RuntimeException e) {
      throw badResponse(method, path, answer.status(), "unexpected JSON: " + e.getMessage(), null);
    }
  }

  /** Maps the objects of an array; items that are not objects or have no usable id are skipped. */
  private static <T> List<T> mapList(JsonNode array, Function<JsonNode, T> itemMapper) {
    List<T> result = new ArrayList<>();
    if (!array.isArray()) {
      return result;
    }
    for (JsonNode item : array) {
      if (!item.isObject() || TolerantJson.longValue(item, "id") == null) {
        log.debug("YCLIENTS: skipped a list item without an id");
        continue;
      }
      result.add(itemMapper.apply(item));
    }
    return List.copyOf(result);
  }

  private static long requiredId(JsonNode node) {
    Long id = TolerantJson.longValue(node, "id");
    if (id == null) {
      throw new IllegalArgumentException("no id");
    }
    return id;
  }

  private static List<Long> staffIds(JsonNode staff) {
    List<Long> ids = new ArrayList<>();
    if (staff.isArray()) {
      for (JsonNode item : staff) {
        Long id = item.isObject() ? TolerantJson.longValue(item, "id") : TolerantJson.toLong(item);
        if (id != null) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  private static Company toCompany(JsonNode node) {
    String timezoneName = TolerantJson.nonBlank(node, "timezone_name");
    if (timezoneName == null) {
      // the old field is a zone name ("Europe/Moscow"); the new one is an offset in hours (3 or "3")
      String legacy = TolerantJson.nonBlank(node, "timezone");
      if (legacy != null && node.path("timezone").isTextual() && TolerantJson.decimal(node, "timezone") == null) {
        timezoneName = legacy.strip();
      }
    }
    List<BookformRef> forms = mapList(node.path("bookforms"), item -> new BookformRef(
        requiredId(item),
        TolerantJson.textOrEmpty(item, "title"),
        TolerantJson.bool(item, "is_default", false),
        TolerantJson.textOrEmpty(item, "url").strip()));
    return new Company(
        requiredId(node),
        TolerantJson.textOrEmpty(node, "title"),
        TolerantJson.nonBlank(node, "public_title"),
        TolerantJson.nonBlank(node, "city"),
        TolerantJson.nonBlank(node, "address"),
        TolerantJson.nonBlank(node, "phone"),
        timezoneName,
        TolerantJson.bool(node, "phone_confirmation", false),
        forms);
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Rejects blank tokens and characters that are not allowed in (or would break) the Authorization header. */
  private static String checkedToken(String token, String what) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("YCLIENTS " + what + " is required");
    }
    String stripped = token.strip();
    for (int i = 0; i < stripped.length(); i++) {
      char ch = stripped.charAt(i);
      if (ch <= ' ' || ch >= 0x7f || ch == ',') {
        throw new IllegalArgumentException("YCLIENTS " + what + " contains a character not allowed in a token");
      }
    }
    return stripped;
  }

  private static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equalsIgnoreCase(e.getMessage()));
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
  }

  private Long retryAfterSeconds(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      return Math.max(0, Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toSeconds());
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  /** Replaces every secret of a call (tokens, password) found in a text by its mask. */
  private static final class Redactor {
    private final List<String> secrets = new ArrayList<>();

    Redactor(String... secrets) {
      for (String secret : secrets) {
        if (secret != null && secret.strip().length() >= 4) {
          this.secrets.add(secret.strip());
        }
      }
    }

    String apply(String text) {
      String result = text;
      for (String secret : secrets) {
        result = result.replace(secret, YclientsCredentials.mask(secret));
      }
      return result;
    }
  }
}
