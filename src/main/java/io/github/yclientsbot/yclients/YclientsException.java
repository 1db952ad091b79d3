package io.github.yclientsbot.yclients;

import java.util.Objects;

/**
 * Thrown for every failed YCLIENTS call. The message reads like
 * {@code "GET /api/v1/company/502817 401: Необходима авторизация"}; it names the method, the path
 * (never a query string, never a token), the HTTP status and YCLIENTS's own message.
 */
public class YclientsException extends Exception {

  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** The server answered with an error status, or with {@code "success": false}. */
    HTTP,
    /** No answer: connection refused, reset, unknown host, TLS failure… */
    NETWORK,
    /** Connect, read or whole-call timeout. */
    TIMEOUT,
    /** An answer that is not JSON, or JSON in none of the shapes YCLIENTS uses. */
    BAD_RESPONSE,
    /** Not sent: the caller's share of the rate limit (5 a second, 200 a minute) had no room in time. */
    BUSY
  }

  private final Kind kind;
  private final String method;
  private final String path;
  private final int httpStatus;
  private final Integer apiCode;
  private final String apiMessage;
  private final Long retryAfterSeconds;

  /**
   * Public so that fakes in other packages' tests can throw realistic failures. {@code apiMessage}
   * must already be free of secrets.
   */
  public YclientsException(Kind kind, String method, String path, int httpStatus, Integer apiCode,
      String apiMessage, Long retryAfterSeconds, Throwable cause) {
    super(describe(kind, method, path, httpStatus, apiCode, apiMessage), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.httpStatus = httpStatus;
    this.apiCode = apiCode;
    this.apiMessage = apiMessage;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** An HTTP error answer, e.g. {@code http("GET", "/api/v1/company/1", 404, null, "Филиал не найден.")}. */
  public static YclientsException http(String method, String path, int httpStatus, Integer apiCode,
      String apiMessage) {
    return new YclientsException(Kind.HTTP, method, path, httpStatus, apiCode, apiMessage, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public String method() {
    return method;
  }

  /** The path without query string, e.g. {@code "/api/v1/company/502817"}. */
  public String path() {
    return path;
  }

  /** The HTTP status, or 0 when there was no HTTP answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The code from {@code errors.code} or {@code meta.errors[].code} (e.g. 433), or null. */
  public Integer apiCode() {
    return apiCode;
  }

  /**
   * YCLIENTS's own human message (Russian, e.g. "Необходима авторизация"), or a short English
   * description for NETWORK, TIMEOUT, BAD_RESPONSE and BUSY.
   */
  public String apiMessage() {
    return apiMessage;
  }

  /** Seconds from a {@code Retry-After} header, or null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The service is not usable right now: NETWORK, TIMEOUT, BAD_RESPONSE, BUSY, HTTP 5xx or 429. */
  public boolean isUnavailable() {
    return kind != Kind.HTTP || httpStatus == 429 || httpStatus >= 500;
  }

  /**
   * For a call that changes something (a booking): it may have been carried out although no answer says so — a
   * timeout, a connection cut after the request went out, an unreadable answer, a 5xx. Not for a refused
   * connection, a 429 or BUSY, which YCLIENTS never processed.
   */
  public boolean outcomeUnknown() {
    return switch (kind) {
      case BUSY -> false;
      case TIMEOUT, BAD_RESPONSE -> true;
      case NETWORK -> !(getCause() instanceof java.net.ConnectException);
      case HTTP -> httpStatus >= 500;
    };
  }

  /** Never sent: the bot's own share of the rate limit had no room in time (say "one moment", not "down"). */
  public boolean isBusy() {
    return kind == Kind.BUSY;
  }

  /** HTTP 401, 402 or 403: a token is wrong, lacks rights, or the licence has expired. */
  public boolean isAuthProblem() {
    return httpStatus == 401 || httpStatus == 402 || httpStatus == 403;
  }

  /** HTTP 404: the company, form, specialist… does not exist. */
  public boolean isNotFound() {
    return httpStatus == 404;
  }

  private static String describe(Kind kind, String method, String path, int httpStatus, Integer apiCode,
      String apiMessage) {
    StringBuilder text = new StringBuilder().append(method).append(' ').append(path);
    if (httpStatus > 0) {
      text.append(' ').append(httpStatus);
    }
    if (kind != Kind.HTTP) {
      text.append(' ').append(kind);
    }
    if (apiCode != null && apiCode != httpStatus) {
      text.append(" (code ").append(apiCode).append(')');
    }
    if (apiMessage != null && !apiMessage.isBlank()) {
      text.append(": ").append(apiMessage);
    }
    return text.toString();
  }
}
