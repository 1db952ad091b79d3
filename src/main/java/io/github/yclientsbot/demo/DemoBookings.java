package io.github.yclientsbot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
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
 * {@code PUT book_record/{company}/{id}} moves one to another time (refused when that specialist has another booking
 * then), {@code DELETE record/{company}/{id}} marks one deleted by its id alone. The staff side reads and writes the
 * same bookings ({@link DemoRecords}: {@code GET}/{@code PUT record}, {@code GET records}).
 */
final class DemoBookings {
    /**
     * A booking made in the demo; {@code staffId} is the specialist who got it (one is chosen for "any"); the phone and
     * name as booked; {@code attendance} as YCLIENTS counts it; {@code changed} when it last changed.
     */
    record Booked(long id, String hash, long serviceId, long staffId, String datetime, boolean deleted, String phone,
                  String name, int attendance, Instant changed) {
        Booked cancelled(Instant at) {
            return new Booked(id, hash, serviceId, staffId, datetime, true, phone, name, attendance, at);
        }

        Booked written(long staff, String at, int newAttendance, Instant when) {
            return new Booked(id, hash, serviceId, staff, at, deleted, phone, name, newAttendance, when);
        }

    }

    /** What came of a move. */
    enum Move { MOVED, TAKEN, UNKNOWN }

    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicLong lastRecord = new AtomicLong(900_000);
    /** Visits booked elsewhere get ids of their own, so the chat's bookings are numbered from 900001 in every demo. */
    private final AtomicLong lastElsewhere = new AtomicLong(800_000);
    private final Map<Long, Booked> bookings = new ConcurrentHashMap<>();
    /** Service id → title and length (seconds), from the online catalog. */
    private final Map<Long, JsonNode> services = new LinkedHashMap<>();
    /** Service id → the ids of the specialists who do it, in the admin catalog's order. */
    private final Map<Long, List<Long>> staffOfService = new LinkedHashMap<>();
    /** Specialist id → name, for the bookable ones. */
    private final Map<Long, String> staffNames = new LinkedHashMap<>();

    DemoBookings(ObjectMapper mapper, Clock clock, String bookServices, String companyServices, String bookStaff) {
        this.mapper = mapper;
        this.clock = clock;
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
        JsonNode request = read(requestBody);
        for (JsonNode a : request.path("appointments")) {
            long service = a.path("services").path(0).asLong();
            long staff = a.path("staff_id").asLong();
            if (staff <= 0) {
                // "any specialist": YCLIENTS picks one who does the service
                staff = staffOfService.getOrDefault(service, List.of(0L)).get(0);
            }
            long id = lastRecord.incrementAndGet();
            Booked b = new Booked(id, "demo" + id, service, staff, a.path("datetime").asText(), false,
                    request.path("phone").asText(""), request.path("fullname").asText(""), 0, clock.instant());
            bookings.put(id, b);
            data.addObject().put("id", a.path("id").asInt()).put("record_id", id).put("record_hash", b.hash());
        }
        return envelope(data);
    }

    /**
     * A visit booked elsewhere — through the form, by phone or by the staff — for {@code phone} (digits), of the
     * catalog's first service with its first specialist at {@code datetime}: no hash the bot knows. Returns its id.
     */
    long bookedElsewhere(String phone, String name, String datetime) {
        long service = services.keySet().iterator().next();
        long staff = staffOfService.getOrDefault(service, List.of(0L)).get(0);
        long id = lastElsewhere.incrementAndGet();
        bookings.put(id, new Booked(id, "staff" + id, service, staff, datetime, false, phone, name, 0, clock.instant()));
        return id;
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
        return bookings.replace(id, b, b.cancelled(clock.instant()));
    }

    // ---- what the salon changes on its side (console: /demo move|cancel|elsewhere); the next poll sees it ----

    /** The salon moves booking {@code id} to {@code datetime}; false when there is no such booking left. */
    boolean moveBySalon(long id, String datetime) {
        Booked b = bookings.get(id);
        if (b == null || b.deleted()) {
            return false;
        }
        write(b, b.staffId(), datetime, b.attendance());
        return true;
    }

    /** The salon cancels booking {@code id}; false when there is no such booking left. */
    boolean cancelBySalon(long id) {
        Booked b = bookings.get(id);
        return b != null && !b.deleted() && bookings.replace(id, b, b.cancelled(clock.instant()));
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
        return bookings.replace(id, b, b.written(b.staffId(), datetime, b.attendance(), clock.instant())) ? Move.MOVED
                : Move.UNKNOWN;
    }

    /** The booking as the move's answer carries it (no hash needed: the caller just moved it). */
    String moved(long id) {
        return record(id, bookings.get(id).hash()).orElseThrow();
    }

    /** {@code DELETE record/{company}/{id}} (user token): false when there is no such booking or it was cancelled. */
    boolean delete(long id) {
        Booked b = bookings.get(id);
        return b != null && !b.deleted() && bookings.replace(id, b, b.cancelled(clock.instant()));
    }

    /** A booking by its id, or empty. */
    Optional<Booked> find(long id) {
        return Optional.ofNullable(bookings.get(id));
    }

    /** Every booking, in the order they were made. */
    List<Booked> all() {
        return bookings.values().stream().sorted(java.util.Comparator.comparingLong(Booked::id)).toList();
    }

    /** A booking written back by the staff side: its specialist, time and attendance; it changed now. */
    Booked write(Booked b, long staff, String datetime, int attendance) {
        Booked written = b.written(staff, datetime, attendance, clock.instant());
        bookings.put(b.id(), written);
        return written;
    }

    /** The service's title and length, from the online catalog. */
    JsonNode service(long serviceId) {
        return services.getOrDefault(serviceId, mapper.createObjectNode());
    }

    String staffName(long staffId) {
        return staffNames.getOrDefault(staffId, "");
    }

    String envelope(JsonNode data) {
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
