package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Records as the staff side of YCLIENTS sends them, for tests outside this package (a listener of the record poll
 * gets {@link RecordDetails} without a call): the record of a fixture, optionally with some fields replaced.
 */
public final class RecordFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordFixtures() {
  }

  /** The record of {@code fixture} ({@code record.json}: Ольга, +79990001122, 1 December 2026 11:30, waiting). */
  public static RecordDetails record(String fixture) {
    return record(fixture, "{}");
  }

  /** The same with the fields of {@code changes} (a JSON object) put over the record's, e.g. a client's phone. */
  public static RecordDetails record(String fixture, String changes) {
    return RecordDetails.of(data(fixture, changes), 0, 0);
  }

  /** The record's JSON object (the answer's {@code data}) with {@code changes} put over it, to serve from a fake. */
  public static String json(String fixture, String changes) {
    return data(fixture, changes).toString();
  }

  private static ObjectNode data(String fixture, String changes) {
    try {
      ObjectNode data = (ObjectNode) MAPPER.readTree(FakeYclientsServer.fixture(fixture)).path("data").deepCopy();
      JsonNode overlay = MAPPER.readTree(changes);
      overlay.fields().forEachRemaining(f -> data.set(f.getKey(), f.getValue()));
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
