package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads one HTTP answer of YCLIENTS: the {@code {success, data, meta}} envelope on success, and every failure — an
 * error status, {@code "success": false} with a 200, any of the three error shapes ({@link ApiError}), a body that
 * is not JSON — as a typed {@link YclientsException} whose message has passed the call's {@link Redactor}.
 */
final class Envelope {
  private final ObjectMapper mapper;

  Envelope(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The answer's {@code data}, or the failure it carries.
   *
   * @param dataRequired a success without {@code data} (or with an empty body) is a BAD_RESPONSE
   */
  Answer read(String method, String path, int status, String contentType, String text, Long retryAfter,
      Redactor redactor, boolean dataRequired) throws YclientsException {
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
          return new Answer(method, path, status, MissingNode.getInstance());
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
      return new Answer(method, path, status, data);
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

  static YclientsException badResponse(String method, String path, int status, String description,
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
}
