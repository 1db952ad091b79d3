package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yclientsbot.ratelimit.Caller;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Call;
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
 * The one HTTP core under every API area: the base URL, the headers ({@code Authorization: Bearer <partner>[, User
 * <user>]}, {@code Accept: application/vnd.yclients.v2+json}), one call through the {@link RetryLoop} (rate limit,
 * retries, deadline), the {@link Envelope} of the answer, and the {@link CallListener}. Immutable and thread-safe.
 * Each instance calls for one {@link Caller}, whose share of the budget its calls take ({@link #forCaller}: the
 * same core for another caller).
 *
 * <p>Tokens and passwords never appear in an exception or a log line: the Authorization header is built here and
 * only here, and every message from YCLIENTS passes the call's {@link Redactor}. Traffic is logged at DEBUG only
 * (method, path, status, latency).
 */
final class YclientsHttp {

  static final String ACCEPT = "application/vnd.yclients.v2+json";

  private static final Logger log = LoggerFactory.getLogger(YclientsHttp.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final HttpUrl baseUrl;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final RetryLoop retries;
  private final CallListener listener;
  private final Envelope envelope;
  private final Caller caller;

  /**
   * @param clock    turns a date-form {@code Retry-After} into seconds
   * @param nanoTime measures latency (and, in {@code retries}, the deadline)
   */
  YclientsHttp(OkHttpClient http, ObjectMapper mapper, String baseUrl, Clock clock, LongSupplier nanoTime,
      RetryLoop retries, CallListener listener, Caller caller) {
    this.http = Objects.requireNonNull(http, "http");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.retries = Objects.requireNonNull(retries, "retries");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.envelope = new Envelope(mapper);
    this.caller = Objects.requireNonNull(caller, "caller");
    HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
    if (parsed == null) {
      throw new IllegalArgumentException("YCLIENTS base URL must be an absolute http(s) URL, got: " + baseUrl);
    }
    this.baseUrl = parsed;
  }

  RetryLoop retries() {
    return retries;
  }

  /** The same core calling for {@code other}. */
  YclientsHttp forCaller(Caller other) {
    return other.equals(caller) ? this
        : new YclientsHttp(http, mapper, baseUrl.toString(), clock, nanoTime, retries, listener, other);
  }

  /** Whose share of the budget the calls take. */
  Caller caller() {
    return caller;
  }

  /** An empty JSON object for a request body. */
  ObjectNode object() {
    return mapper.createObjectNode();
  }

  /** An empty JSON array for a request body. */
  ArrayNode array() {
    return mapper.createArrayNode();
  }

  /** The URL of an API path ("/api/v1/…"), under the base URL's own path if it has one. */
  HttpUrl.Builder url(String path) {
    return baseUrl.newBuilder().addPathSegments(path.substring(1));
  }

  /** {@code GET} with the partner token, and the user token too when {@code needsUser}; {@code data} required. */
  Answer get(YclientsCredentials c, boolean needsUser, String path, HttpUrl url) throws YclientsException {
    return send("GET", path, url, authorization(c, needsUser, "GET", path), null, Redactor.of(c), true);
  }

  /**
   * {@code Bearer <partner token>}, with {@code , User <user token>} when {@code needsUser}, refusing a missing or
   * unsafe token before any request.
   *
   * @throws IllegalArgumentException when {@code needsUser} and {@code c} has no user token
   */
  static String authorization(YclientsCredentials c, boolean needsUser, String method, String path) {
    Objects.requireNonNull(c, "credentials");
    String authorization = partner(c.partnerToken());
    if (needsUser) {
      if (!c.hasUserToken()) {
        throw new IllegalArgumentException(method + " " + path + " needs a YCLIENTS user token, and none is set");
      }
      authorization += ", User " + checkedToken(c.userToken(), "user token");
    }
    return authorization;
  }

  /** {@code POST} of a JSON body with the partner token. */
  Answer post(YclientsCredentials c, String path, ObjectNode body, boolean dataRequired) throws YclientsException {
    Objects.requireNonNull(c, "credentials");
    return send("POST", path, url(path).build(), partner(c.partnerToken()), json(body, path), Redactor.of(c),
        dataRequired);
  }

  /** {@code Bearer <partner token>}, refusing a blank or unsafe token before any request. */
  static String partner(String partnerToken) {
    return "Bearer " + checkedToken(partnerToken, "partner token");
  }

  RequestBody json(ObjectNode body, String path) {
    try {
      return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request body of " + path, e);
    }
  }

  /**
   * One call: rate-limited, retried while the deadline allows, told to the listener.
   *
   * @param path the path as it may appear in messages and logs (without secrets such as a record hash)
   */
  Answer send(String method, String path, HttpUrl url, String authorization, RequestBody body, Redactor redactor,
      boolean dataRequired) throws YclientsException {
    long started = nanoTime.getAsLong();
    try {
      Answer answer = retries.run(caller, method, path,
          timeoutNanos -> attempt(method, path, url, authorization, body, redactor, dataRequired, timeoutNanos));
      listener.called(method, path, "ok", elapsedMillis(started));
      return answer;
    } catch (YclientsException e) {
      listener.called(method, path, e.kind().name().toLowerCase(Locale.ROOT), elapsedMillis(started));
      throw e;
    }
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
    long started = nanoTime.getAsLong();
    Call call = http.newCall(request);
    long clientLimit = http.callTimeoutMillis() > 0 ? http.callTimeoutMillis() * 1_000_000L : Long.MAX_VALUE;
    call.timeout().timeout(Math.max(1, Math.min(timeoutNanos, clientLimit)), TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      int status = response.code();
      if (log.isDebugEnabled()) {
        log.debug("YCLIENTS {} {} -> {} in {} ms", method, path, status, elapsedMillis(started));
      }
      Long retryAfter = retryAfterSeconds(response.header("Retry-After"));
      return envelope.read(method, path, status, response.header("Content-Type"), text, retryAfter, redactor,
          dataRequired);
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

  /** Seconds from a {@code Retry-After} header (delta-seconds or an HTTP date), or null. */
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

  private long elapsedMillis(long startedNanos) {
    return (nanoTime.getAsLong() - startedNanos) / 1_000_000;
  }
}
