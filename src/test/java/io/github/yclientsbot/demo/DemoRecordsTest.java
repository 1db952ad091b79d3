package io.github.yclientsbot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's GET /records: its bookings by page, the cancelled ones only with with_deleted, changed_after honoured. */
class DemoRecordsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private DemoBookings bookings() throws IOException {
        return new DemoBookings(mapper, resource("book_services.json"), resource("company_services.json"),
                resource("book_staff.json"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoRecordsTest.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<Long> ids(String answer) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (JsonNode r : mapper.readTree(answer).path("data")) {
            ids.add(r.path("id").asLong());
        }
        return ids;
    }

    @Test
    void recordsArePagedAndCancelledOnesComeOnlyWithDeleted() throws Exception {
        DemoBookings demo = bookings();
        long a = demo.bookElsewhere("+79160000001", "2026-12-01T10:00:00+03:00");
        long b = demo.bookElsewhere("+79160000002", "2026-12-01T11:30:00+03:00");
        long c = demo.bookElsewhere("+79160000003", "2026-12-01T15:00:00+03:00");

        assertEquals(List.of(a, b), ids(demo.records(null, false, 1, 2)));
        assertEquals(List.of(c), ids(demo.records(null, false, 2, 2)));

        assertTrue(demo.cancelBySalon(b));
        assertFalse(demo.cancelBySalon(b), "cancelled already");
        assertEquals(List.of(a, c), ids(demo.records(null, false, 1, 10)));
        JsonNode withDeleted = mapper.readTree(demo.records(null, true, 1, 10)).path("data");
        assertEquals(3, withDeleted.size());
        assertTrue(withDeleted.get(1).path("deleted").asBoolean());
        assertEquals("+79160000002", withDeleted.get(1).path("client").path("phone").asText());
        assertTrue(withDeleted.get(1).path("last_change_date").asText().endsWith("+03:00"));

        assertTrue(demo.moveBySalon(a, "2026-12-02T12:00:00+03:00"));
        assertEquals("2026-12-02T12:00:00+03:00",
                mapper.readTree(demo.records(null, false, 1, 1)).path("data").get(0).path("datetime").asText());
        assertEquals(List.of(), ids(demo.records(Instant.now().plusSeconds(60), true, 1, 10)),
                "nothing changed after a minute from now");
    }
}
