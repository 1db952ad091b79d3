package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads fields of a YCLIENTS JSON tree whatever type they arrive in: numbers as numbers or strings
 * ({@code "16"}, {@code "1300.00"}), booleans as {@code true}, {@code 1} or {@code "1"}. It never
 * depends on the ObjectMapper's configuration. Every reader returns null (or the given default)
 * for a missing, null or unusable value instead of throwing.
 */
final class TolerantJson {

  private TolerantJson() {
  }

  /** A string for textual, numeric and boolean values; null for missing, null, objects and arrays. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  static String textOrEmpty(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? "" : value;
  }

  /** A non-blank string, else null. */
  static String nonBlank(JsonNode node, String field) {
    String value = text(node, field);
    return value == null || value.isBlank() ? null : value;
  }

  static Long longValue(JsonNode node, String field) {
    return toLong(node.path(field));
  }

  static long longValue(JsonNode node, String field, long fallback) {
    Long value = longValue(node, field);
    return value == null ? fallback : value;
  }

  static Long toLong(JsonNode value) {
    BigDecimal decimal = toDecimal(value);
    if (decimal == null) {
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException notAWholeLong) {
      return null;
    }
  }

  static int intValue(JsonNode node, String field, int fallback) {
    Long value = longValue(node, field);
    return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? fallback : value.intValue();
  }

  /** A number, normalized: whole values get scale 0 ({@code "2500.00"} → 2500), others lose trailing zeros. */
  static BigDecimal decimal(JsonNode node, String field) {
    BigDecimal value = toDecimal(node.path(field));
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal toDecimal(JsonNode value) {
    if (value.isNumber()) {
      return value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : new BigDecimal(value.asText());
    }
    if (value.isTextual()) {
      String text = value.asText().replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.');
      if (text.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  /** {@code true}/{@code 1}/{@code "1"}/{@code "true"}/{@code "yes"} → true, their opposites → false, else the fallback. */
  static boolean bool(JsonNode node, String field, boolean fallback) {
    Boolean value = toBoolean(node.path(field));
    return value == null ? fallback : value;
  }

  static Boolean toBoolean(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.asDouble() != 0;
    }
    if (value.isTextual()) {
      switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
        case "1", "true", "yes", "y", "on":
          return true;
        case "0", "false", "no", "n", "off", "":
          return false;
        default:
          return null;
      }
    }
    return null;
  }
}
