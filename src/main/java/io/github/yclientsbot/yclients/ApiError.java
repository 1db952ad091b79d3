package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The error carried by a YCLIENTS body, in any of its shapes:
 * <ul>
 *   <li>{@code {"success":false,"data":null,"meta":{"message":"..."}}}</li>
 *   <li>{@code {"errors":{"code":401,"message":"..."}}} (optionally with {@code meta.message})</li>
 *   <li>{@code {"meta":{"errors":[{"code":433,"message":"..."}]}}}</li>
 * </ul>
 * The most specific message wins: {@code meta.errors}, then {@code errors}, then {@code meta.message}.
 */
record ApiError(Integer code, String message) {

  /** The error in this body, or null when the body carries none (a success, or JSON of an unknown shape). */
  static ApiError find(JsonNode root) {
    if (root == null || !root.isObject()) {
      return null;
    }
    JsonNode meta = root.path("meta");
    ApiError fromList = fromList(meta.path("errors"));
    if (fromList != null) {
      return fromList;
    }
    JsonNode errors = root.path("errors");
    ApiError fromErrors = errors.isArray() ? fromList(errors) : fromObject(errors);
    String metaMessage = TolerantJson.nonBlank(meta, "message");
    if (fromErrors != null) {
      return fromErrors.message() != null ? fromErrors : new ApiError(fromErrors.code(), metaMessage);
    }
    if (isFailure(root)) {
      String message = metaMessage != null ? metaMessage : TolerantJson.nonBlank(root, "message");
      return new ApiError(null, message);
    }
    return null;
  }

  /** {@code success} is present and false-ish ({@code false}, {@code 0}, {@code "false"}). */
  static boolean isFailure(JsonNode root) {
    Boolean success = TolerantJson.toBoolean(root.path("success"));
    return success != null && !success;
  }

  private static ApiError fromList(JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      return null;
    }
    Integer code = null;
    List<String> messages = new ArrayList<>();
    for (JsonNode item : list) {
      if (item.isObject()) {
        if (code == null) {
          code = toInt(TolerantJson.longValue(item, "code"));
        }
        String message = TolerantJson.nonBlank(item, "message");
        if (message != null) {
          messages.add(message);
        }
      } else if (item.isTextual() && !item.asText().isBlank()) {
        messages.add(item.asText());
      }
    }
    return new ApiError(code, messages.isEmpty() ? null : String.join("; ", messages));
  }

  private static ApiError fromObject(JsonNode errors) {
    if (!errors.isObject() || errors.isEmpty()) {
      return null;
    }
    Integer code = toInt(TolerantJson.longValue(errors, "code"));
    String message = TolerantJson.nonBlank(errors, "message");
    if (message == null) {
      // validation style: {"errors": {"login": ["..."], "password": "..."}}
      List<String> messages = new ArrayList<>();
      for (var entry : errors.properties()) {
        if (entry.getKey().equals("code")) {
          continue;
        }
        JsonNode value = entry.getValue();
        if (value.isTextual() && !value.asText().isBlank()) {
          messages.add(value.asText());
        } else if (value.isArray()) {
          value.forEach(part -> {
            if (part.isTextual() && !part.asText().isBlank()) {
              messages.add(part.asText());
            }
          });
        }
      }
      message = messages.isEmpty() ? null : String.join("; ", messages);
    }
    return new ApiError(code, message);
  }

  private static Integer toInt(Long value) {
    return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value.intValue();
  }
}
