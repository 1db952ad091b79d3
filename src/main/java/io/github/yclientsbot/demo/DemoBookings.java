package io.github.yclientsbot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo salon's catalog (which specialist does which service) and the bookings made in the demo, kept in memory
 * so that {@code /mybookings} reads them back and Cancel cancels them, as with the real YCLIENTS: {@code book_record}
 * stores, {@code GET book_record/{company}/{id}/{hash}} reads, {@code DELETE user/records/{id}/{hash}} marks deleted;
 * {@code PUT book_record/{company}/{id}} and {@code PUT record/{company}/{id}} move one to another time (refused when
 * that specialist has another booking then), {@code DELETE record/{company}/{id}} marks one deleted by its id alone.
 */
final class DemoBookings {
    /** A booking made in the demo; {@code staffId} is the specialist who got it (one is chosen for "any"). */
    private record Booked(long id, String hash, long serviceId, long staffId, String datetime, boolean deleted) {
        Booked cancelled() {
            return new Booked(id, hash, serviceId, staffId, datetime, true);
        }

        Booked at(String newDatetime) {
            return new Booked(id, hash, serviceId, staffId, newDatetime, deleted);
        }
    }

    /** What came of a move. */
    enum Move { MOVED, TAKEN, UNKNOWN }

    private final ObjectMapper mapper;
    private final AtomicLong lastRecord = new AtomicLong(900_000);
    private final Map<Long, Booked> bookings = new ConcurrentHashMap<>();
    /** Service id → title and length (seconds), from the online catalog. */
    private final Map<Long, JsonNode> services = new LinkedHashMap<>();
    /** Service id → the ids of the specialists who do it, in the admin catalog's order. */
    private final Map<Long, List<Long>> staffOfService = new LinkedHashMap<>();
    /** Specialist id → name, for the bookable ones. */
    private final Map<Long, String> staffNames = new LinkedHashMap<>();

    DemoBookings(ObjectMapper mapper, String bookServices, String companyServices, String bookStaff) {
        this.mapper = mapper;
        for (JsonNode s : read(bookServices).path("data").path("services")) {
            services.put(s.path("id").asLong(), s);
        }
        for (JsonNode s : read(companyServices).path("data")) {
            List<Long> staff = new ArrayList<>();
            s.path("staff").forEach(st -> staff.add(st.path("id").asLong()));
            staffOfService.put(s.path("id").asLong(), List.copyOf(staff));
        }
        for (JsonNode st : read(bookStaff).path("data")) {
            staffNames.put(st.path("id").asLong(), st.path("name").asText());
        }
    }

    /**
     * {@code GET book_staff}: every bookable specialist, or with {@code serviceId} only those who do that service
     * (the real API filters by {@code service_ids[]} the same way).
     */
    String staff(String bookStaff, Long serviceId) {
        JsonNode all = read(bookStaff);
        if (serviceId == null) {
            return all.toString();
        }
        List<Long> doing = staffOfService.getOrDefault(serviceId, List.of());
        ArrayNode kept = mapper.createArrayNode();
        for (JsonNode st : all.path("data")) {
            if (doing.contains(st.path("id").asLong())) {
                kept.add(st);
            }
        }
        ((ObjectNode) all).set("data", kept);
        return all.toString();
    }

    /** {@code POST book_record}: one record per appointment, as the real answer lists them. */
    String book(String requestBody) {
        ArrayNode data = mapper.createArrayNode();
        for (JsonNode a : read(requestBody).path("appointments")) {
            long service = a.path("services").path(0).asLong();
            long staff = a.path("staff_id").asLong();
            if (staff <= 0) {
                // "any specialist": YCLIENTS picks one who does the service
                staff = staffOfService.getOrDefault(service, List.of(0L)).get(0);
            }
            long id = lastRecord.incrementAndGet();
            Booked b = new Booked(id, "demo" + id, service, staff, a.path("datetime").asText(), false);
            bookings.put(id, b);
            data.addObject().put("id", a.path("id").asInt()).put("record_id", id).put("record_hash", b.hash());
        }
        return envelope(data);
    }

    /** {@code GET book_record/{company}/{id}/{hash}}: the booking, or empty when the id or the hash is wrong. */
    Optional<String> record(long id, String hash) {
        Booked b = bookings.get(id);
        if (b == null || !b.hash().equals(hash)) {
            return Optional.empty();
        }
        JsonNode service = services.get(b.serviceId());
        ObjectNode data = mapper.createObjectNode()
                .put("id", b.id())
                .put("company_id", DemoYclients.COMPANY_ID)
                .put("datetime", b.datetime())
                .put("seance_length", service == null ? 3600 : service.path("seance_length").asLong(3600))
                .put("deleted", b.deleted());
        ObjectNode s = data.putArray("services").addObject().put("id", b.serviceId());
        s.put("title", service == null ? "" : service.path("title").asText());
        data.putObject("staff").put("id", b.staffId()).put("name", staffNames.getOrDefault(b.staffId(), ""));
        return Optional.of(envelope(data));
    }

    /** {@code DELETE user/records/{id}/{hash}}: false when there is no such booking or it was cancelled already. */
    boolean cancel(long id, String hash) {
        Booked b = bookings.get(id);
        if (b == null || !b.hash().equals(hash) || b.deleted()) {
            return false;
        }
        return bookings.replace(id, b, b.cancelled());
    }

    /**
     * {@code PUT book_record/{company}/{id}} or {@code PUT record/{company}/{id}} with {@code {"datetime": …}}: the
     * booking at the new time; {@link Move#TAKEN} when its specialist has another booking then, {@link Move#UNKNOWN}
     * when there is no such booking (or it was cancelled).
     */
    Move move(long id, String requestBody) {
        Booked b = bookings.get(id);
        String datetime = read(requestBody).path("datetime").asText("");
        if (b == null || b.deleted() || datetime.isBlank()) {
            return Move.UNKNOWN;
        }
        boolean taken = bookings.values().stream().anyMatch(other -> other.id() != id && !other.deleted()
                && other.staffId() == b.staffId() && other.datetime().equals(datetime));
        if (taken) {
            return Move.TAKEN;
        }
        return bookings.replace(id, b, b.at(datetime)) ? Move.MOVED : Move.UNKNOWN;
    }

    /** The booking as the move's answer carries it (no hash needed: the caller just moved it). */
    String moved(long id) {
        return record(id, bookings.get(id).hash()).orElseThrow();
    }

    /** {@code DELETE record/{company}/{id}} (user token): false when there is no such booking or it was cancelled. */
    boolean delete(long id) {
        Booked b = bookings.get(id);
        return b != null && !b.deleted() && bookings.replace(id, b, b.cancelled());
    }

    private String envelope(JsonNode data) {
        ObjectNode root = mapper.createObjectNode().put("success", true);
        root.set("data", data);
        root.putArray("meta");
        return root.toString();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
