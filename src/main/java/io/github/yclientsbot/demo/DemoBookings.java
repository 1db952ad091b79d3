package io.github.yclientsbot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * stores, {@code GET book_record/{company}/{id}/{hash}} reads, {@code DELETE user/records/{id}/{hash}} marks deleted.
 */
final class DemoBookings {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** A booking made in the demo; {@code staffId} is the specialist who got it (one is chosen for "any"). */
    private record Booked(long id, String hash, long serviceId, long staffId, String datetime, boolean deleted) {
        Booked cancelled() {
            return new Booked(id, hash, serviceId, staffId, datetime, true);
        }
    }

    private final ObjectMapper mapper;
    private final AtomicLong lastRecord = new AtomicLong(900_000);
    private final Map<Long, Booked> bookings = new ConcurrentHashMap<>();
    /** Service id → title and length (seconds), from the online catalog. */
    private final Map<Long, JsonNode> services = new LinkedHashMap<>();
    /** Service id → the ids of the specialists who do it, in the admin catalog's order. */
    private final Map<Long, List<Long>> staffOfService = new LinkedHashMap<>();
    /** Specialist id → name, for the bookable ones. */
    private final Map<Long, String> staffNames = new LinkedHashMap<>();
    /** When each booking last changed (booked, cancelled, moved by the salon): {@code last_change_date}. */
    private final Map<Long, Instant> changed = new ConcurrentHashMap<>();
    /** The client's phone of a visit booked elsewhere (by phone, by the staff), for {@code GET /records}. */
    private final Map<Long, String> phones = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

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
            changed.put(id, clock.instant());
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
        boolean done = bookings.replace(id, b, b.cancelled());
        if (done) {
            changed.put(id, clock.instant());
        }
        return done;
    }

    // ---- the staff's side: GET /records, and what the salon changes (console: /demo move|cancel|elsewhere) ----

    /**
     * {@code GET /records/{company}}: page {@code page} (from 1) of {@code count}, by id, of the bookings changed after
     * {@code changedAfter} (null: all), cancelled ones only when {@code withDeleted}.
     */
    String records(Instant changedAfter, boolean withDeleted, int page, int count) {
        List<Booked> all = bookings.values().stream()
                .filter(b -> withDeleted || !b.deleted())
                .filter(b -> changedAfter == null || changed.getOrDefault(b.id(), Instant.EPOCH).isAfter(changedAfter))
                .sorted(java.util.Comparator.comparingLong(Booked::id)).toList();
        ArrayNode data = mapper.createArrayNode();
        int from = Math.max(0, (page - 1) * count);
        for (Booked b : all.subList(Math.min(from, all.size()), Math.min(from + count, all.size()))) {
            ObjectNode r = data.addObject().put("id", b.id()).put("company_id", DemoYclients.COMPANY_ID)
                    .put("staff_id", b.staffId()).put("datetime", b.datetime()).put("seance_length", length(b))
                    .put("attendance", 0).put("deleted", b.deleted())
                    .put("last_change_date", OffsetDateTime.ofInstant(changed.getOrDefault(b.id(), Instant.EPOCH),
                            MOSCOW).toString());
            JsonNode service = services.get(b.serviceId());
            r.putArray("services").addObject().put("id", b.serviceId())
                    .put("title", service == null ? "" : service.path("title").asText());
            r.putObject("staff").put("id", b.staffId()).put("name", staffNames.getOrDefault(b.staffId(), ""));
            String phone = phones.get(b.id());
            if (phone != null) {
                r.putObject("client").put("name", "").put("phone", phone);
            }
        }
        ObjectNode root = mapper.createObjectNode().put("success", true);
        root.set("data", data);
        root.putObject("meta").put("page", page).put("total_count", all.size());
        return root.toString();
    }

    /** The salon moves booking {@code id} to {@code datetime}; false when there is no such booking left. */
    boolean moveBySalon(long id, String datetime) {
        Booked b = bookings.get(id);
        if (b == null || b.deleted()) {
            return false;
        }
        bookings.put(id, new Booked(b.id(), b.hash(), b.serviceId(), b.staffId(), datetime, false));
        changed.put(id, clock.instant());
        return true;
    }

    /** The salon cancels booking {@code id}; false when there is no such booking left. */
    boolean cancelBySalon(long id) {
        Booked b = bookings.get(id);
        if (b == null || b.deleted()) {
            return false;
        }
        bookings.put(id, b.cancelled());
        changed.put(id, clock.instant());
        return true;
    }

    /** A visit booked elsewhere (by phone, by the staff) under {@code phone}: the first service, its first specialist. */
    long bookElsewhere(String phone, String datetime) {
        long service = services.keySet().iterator().next();
        long staff = staffOfService.getOrDefault(service, List.of(0L)).get(0);
        long id = lastRecord.incrementAndGet();
        bookings.put(id, new Booked(id, "demo" + id, service, staff, datetime, false));
        phones.put(id, phone);
        changed.put(id, clock.instant());
        return id;
    }

    private long length(Booked b) {
        JsonNode service = services.get(b.serviceId());
        return service == null ? 3600 : service.path("seance_length").asLong(3600);
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
