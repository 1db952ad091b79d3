package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A successful answer: the status and the envelope's {@code data} (never null; a MissingNode when absent and not
 * required), with the method and path it answered, so that a mapping failure names the call.
 */
record Answer(String method, String path, int status, JsonNode data) {

  private static final Logger log = LoggerFactory.getLogger(Answer.class);

  /** The same answer with other data (e.g. a list found one level down). */
  Answer withData(JsonNode other) {
    return new Answer(method, path, status, other);
  }

  /** Maps {@code data}, which must be an object, to a record; any mapping failure becomes BAD_RESPONSE. */
  <T> T object(Function<JsonNode, T> mapper) throws YclientsException {
    if (!data.isObject()) {
      throw badResponse("unexpected JSON: data is not an object");
    }
    try {
      return mapper.apply(data);
    } catch (RuntimeException e) {
      throw badResponse("unexpected JSON: " + e.getMessage());
    }
  }

  /** Maps the items of {@code data}, which must be an array (see {@link #items}); failures become BAD_RESPONSE. */
  <T> List<T> array(Function<JsonNode, T> itemMapper) throws YclientsException {
    if (!data.isArray()) {
      throw badResponse("unexpected JSON: data is not an array");
    }
    try {
      return items(data, itemMapper);
    } catch (RuntimeException e) {
      throw badResponse("unexpected JSON: " + e.getMessage());
    }
  }

  /** An answer of an unexpected shape, for this call. */
  YclientsException badResponse(String description) {
    return Envelope.badResponse(method, path, status, description, null);
  }

  /** Maps the objects of an array; items that are not objects or have no usable id are skipped. */
  static <T> List<T> items(JsonNode array, Function<JsonNode, T> itemMapper) {
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

  /** The {@code id} of an object; a missing one fails the mapping. */
  static long requiredId(JsonNode node) {
    Long id = TolerantJson.longValue(node, "id");
    if (id == null) {
      throw new IllegalArgumentException("no id");
    }
    return id;
  }
}
