package io.github.yclientsbot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The demo's bookings as the staff side of YCLIENTS has them, with the user token: {@code GET record/{company}/{id}}
 * (the full record: specialist, services with prices, client, attendance, last change), {@code PUT record} (a full
 * update: the specialist, time and attendance sent are kept; {@code send_sms} is ignored, the demo sends none) and
 * {@code GET records/{company}} ({@code changed_after}, {@code with_deleted}, {@code page}, {@code count}).
 */
final class DemoRecords {
    private static final ZoneId SALON = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX");

    private final ObjectMapper mapper;
    private final DemoBookings bookings;

    DemoRecords(ObjectMapper mapper, DemoBookings bookings) {
        this.mapper = mapper;
        this.bookings = bookings;
    }

    /** {@code GET record/{company}/{id}}: the record, or empty when there is no such booking. */
    Optional<String> record(long id) {
        return bookings.find(id).map(b -> bookings.envelope(json(b)));
    }

    /**
     * {@code PUT record/{company}/{id}}: the record as written, or empty when there is no such booking. A deleted one
     * is refused with 422, as YCLIENTS refuses to edit it.
     */
    Optional<Written> update(long id, String body) {
        Optional<DemoBookings.Booked> found = bookings.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DemoBookings.Booked b = found.get();
        if (b.deleted()) {
            return Optional.of(new Written(422, "{\"success\":false,\"data\":null,\"meta\":{\"message\":"
                    + "\"Запись удалена\"}}"));
        }
        JsonNode sent = read(body);
        long staff = sent.path("staff_id").asLong(b.staffId());
        String datetime = sent.path("datetime").asText(b.datetime());
        int attendance = sent.path("attendance").asInt(b.attendance());
        DemoBookings.Booked written = bookings.write(b, staff, datetime, attendance);
        return Optional.of(new Written(200, bookings.envelope(json(written))));
    }

    /** What {@link #update} answers: the HTTP status and body. */
    record Written(int status, String body) {}

    /**
     * {@code GET records/{company}}: the bookings changed after {@code changedAfter} and visited from {@code startDate}
     * to {@code endDate} (each unfiltered when null).
     */
    String records(String changedAfter, String startDate, String endDate, boolean withDeleted, int page, int count) {
        Instant after = instant(changedAfter);
        ArrayNode data = mapper.createArrayNode();
        bookings.all().stream()
                .filter(b -> withDeleted || !b.deleted())
                .filter(b -> after == null || b.changed().isAfter(after))
                .filter(b -> startDate == null || b.datetime().compareTo(startDate) >= 0)
                .filter(b -> endDate == null || b.datetime().substring(0, Math.min(10, b.datetime().length()))
                        .compareTo(endDate) <= 0)
                .skip((long) Math.max(0, page - 1) * Math.max(1, count))
                .limit(Math.max(1, count))
                .forEach(b -> data.add(json(b)));
        ObjectNode root = mapper.createObjectNode().put("success", true);
        root.set("data", data);
        root.putObject("meta").put("page", page).put("total_count", data.size());
        return root.toString();
    }

    private ObjectNode json(DemoBookings.Booked b) {
        JsonNode service = bookings.service(b.serviceId());
        long length = service.path("seance_length").asLong(3600);
        long price = service.path("price_min").asLong(0);
        ObjectNode r = mapper.createObjectNode()
                .put("id", b.id())
                .put("company_id", DemoYclients.COMPANY_ID)
                .put("staff_id", b.staffId())
                .put("datetime", b.datetime())
                .put("seance_length", length)
                .put("length", length)
                .put("attendance", b.attendance())
                .put("visit_attendance", b.attendance())
                .put("confirmed", 1)
                .put("deleted", b.deleted())
                .put("comment", "")
                .put("sms_remain_hours", 0)
                .put("email_remain_hours", 0)
                .put("api_id", "")
                .put("last_change_date", CHANGED.format(b.changed().atZone(SALON)));
        r.putArray("services").addObject().put("id", b.serviceId()).put("title", service.path("title").asText(""))
                .put("cost", price).put("first_cost", price).put("discount", 0).put("amount", 1);
        r.putObject("staff").put("id", b.staffId()).put("name", bookings.staffName(b.staffId()));
        r.putObject("client").put("id", 0).put("name", b.name()).put("phone", b.phone().isEmpty() ? "" : "+" + b.phone())
                .put("email", "");
        r.putArray("record_labels");
        return r;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
