package io.github.yclientsbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.yclientsbot.yclients.FakeYclientsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A YCLIENTS for the booking benchmark: one company with {@code staff} specialists, each free at {@code times} times
 * on each of the next {@code days} days, that really books (a booked time is no longer offered, a second booking of it
 * gets 433), answers every call after {@code latencyMillis}, and enforces YCLIENTS's limits the strict way — at most 5
 * requests in any second and 200 in any minute, by the time they arrive — answering 429 with {@code Retry-After} past
 * them. It counts the calls by endpoint and the 429s.
 */
final class BenchYclients implements AutoCloseable {
    static final long COMPANY = 502817;
    static final long SERVICE = 13700211;
    private static final long SECOND = 1_000_000_000L;
    private static final List<String> NAMES = List.of("Анна Соколова", "Илья Орлов", "Мария Ким", "Ольга Лис", "Пётр Ян");

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final long latencyMillis;
    private final List<Long> staff;
    private final List<LocalDate> days;
    private final List<String> times;
    /** staff id → booked datetimes. */
    private final Map<Long, Set<String>> booked = new ConcurrentHashMap<>();
    private final Deque<Long> arrivals = new ArrayDeque<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger tooMany = new AtomicInteger();
    private final AtomicLong records = new AtomicLong(900_000_000L);
    /** Visits known by id, read back by {@code GET /book_record/{company}/{id}/{hash}} (the reminders benchmark). */
    private final Map<Long, Visit> visits = new ConcurrentHashMap<>();
    private final long started = System.nanoTime();

    BenchYclients(int staffCount, int dayCount, int timesPerDay, long latencyMillis, LocalDate firstDay) {
        this.latencyMillis = latencyMillis;
        this.staff = java.util.stream.LongStream.rangeClosed(1, staffCount).map(i -> 2_290_000 + i).boxed().toList();
        this.days = java.util.stream.IntStream.range(0, dayCount).mapToObj(firstDay::plusDays).toList();
        this.times = java.util.stream.IntStream.range(0, timesPerDay)
                .mapToObj(i -> String.format("%02d:%02d", 10 + i / 2, (i % 2) * 30)).toList();
        staff.forEach(s -> booked.put(s, ConcurrentHashMap.newKeySet()));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-yclients");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A visit booked in the chat before: readable by its id and hash; {@code deleted}: the salon cancelled it. */
    void visit(long recordId, String hash, String datetime, boolean deleted) {
        visits.put(recordId, new Visit(hash, datetime, deleted));
    }

    private record Visit(String hash, String datetime, boolean deleted) {}

    int slots() {
        return staff.size() * days.size() * times.size();
    }

    /** Calls answered (429s included), by "METHOD endpoint". */
    Map<String, Integer> calls() {
        Map<String, Integer> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    int tooMany() {
        return tooMany.get();
    }

    int bookedCount() {
        return booked.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String endpoint = path.replaceAll("^/api/v1/", "").replaceAll("/.*", "");
            calls.computeIfAbsent(method + " " + endpoint, k -> new AtomicInteger()).incrementAndGet();
            if (!admit()) {
                tooMany.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Too Many Requests\"}}");
                return;
            }
            pause();
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            String[] parts = path.split("/");
            Result r = switch (method + " " + endpoint) {
                case "GET company" -> new Result(200, FakeYclientsServer.fixture("company.json"));
                case "GET book_services" -> new Result(200, FakeYclientsServer.fixture("book_services.json"));
                case "GET book_staff" -> new Result(200, staffJson());
                case "GET book_dates" -> new Result(200, datesJson(query));
                case "GET book_times" -> new Result(200, timesJson(Long.parseLong(parts[5]), LocalDate.parse(parts[6])));
                case "GET book_record" -> visitJson(Long.parseLong(parts[5]), parts[6]);
                case "POST book_check" -> book(mapper.readTree(body).path("appointments").path(0), false);
                case "POST book_record" -> book(mapper.readTree(body).path("appointments").path(0), true);
                default -> new Result(404, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"no route\"}}");
            };
            send(exchange, r.status, r.body);
        } catch (IOException clientGone) {
            // nothing to answer
        }
    }

    /** YCLIENTS's limits by arrival: at most 5 in any second and 200 in any minute. */
    private synchronized boolean admit() {
        long now = System.nanoTime();
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= 60 * SECOND) {
            arrivals.removeFirst();
        }
        long inSecond = arrivals.stream().filter(t -> now - t < SECOND).count();
        if (inSecond >= 5 || arrivals.size() >= 200) {
            if (Boolean.getBoolean("bench.debug")) {
                System.out.println("429 at " + (now - started) / 1_000_000 + " ms; the last ms ago: " + arrivals.stream()
                        .filter(t -> now - t < 2 * SECOND).map(t -> (now - t) / 1_000_000).toList());
            }
            return false;
        }
        arrivals.addLast(now);
        return true;
    }

    private record Result(int status, String body) {}

    private Result book(JsonNode appointment, boolean record) {
        long wanted = appointment.path("staff_id").asLong();
        String datetime = appointment.path("datetime").asText();
        synchronized (booked) {
            Long who = null;
            for (long s : wanted > 0 ? List.of(wanted) : staff) {
                if (offered(datetime) && !booked.get(s).contains(datetime)) {
                    who = s;
                    break;
                }
            }
            if (who == null) {
                return new Result(422, FakeYclientsServer.fixture("book_check-433.json"));
            }
            if (!record) {
                return new Result(201, "{\"success\":true,\"data\":null,\"meta\":{\"message\":\"Created\"}}");
            }
            booked.get(who).add(datetime);
        }
        long id = records.incrementAndGet();
        return new Result(201, "{\"success\":true,\"data\":[{\"id\":1,\"record_id\":" + id + ",\"record_hash\":\"h"
                + Long.toHexString(id) + "\"}],\"meta\":[]}");
    }

    private Result visitJson(long recordId, String hash) {
        Visit v = visits.get(recordId);
        if (v == null || !v.hash().equals(hash)) {
            return new Result(404, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Not found\"}}");
        }
        return new Result(200, "{\"success\":true,\"data\":{\"id\":" + recordId + ",\"datetime\":\"" + v.datetime()
                + "\",\"seance_length\":3600,\"services\":[{\"id\":" + SERVICE + ",\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":" + staff.get(0) + ",\"name\":\"" + NAMES.get(0) + "\"},\"deleted\":" + v.deleted()
                + "},\"meta\":[]}");
    }

    private boolean offered(String datetime) {
        return days.stream().anyMatch(d -> times.stream().anyMatch(t -> datetime(d, t).equals(datetime)));
    }

    private String staffJson() {
        ArrayNode data = mapper.createArrayNode();
        for (int i = 0; i < staff.size(); i++) {
            data.addObject().put("id", staff.get(i)).put("name", NAMES.get(i % NAMES.size()))
                    .put("specialization", "Стилист").put("bookable", true);
        }
        return envelope(data);
    }

    private String datesJson(Map<String, List<String>> query) {
        long s = Long.parseLong(query.getOrDefault("staff_id", List.of("0")).get(0));
        LocalDate from = LocalDate.parse(query.get("date_from").get(0));
        LocalDate to = LocalDate.parse(query.get("date_to").get(0));
        ObjectNode data = mapper.createObjectNode();
        ArrayNode dates = data.putArray("booking_dates");
        for (LocalDate d : days) {
            if (!d.isBefore(from) && !d.isAfter(to) && !free(s, d).isEmpty()) {
                dates.add(d.toString());
            }
        }
        data.putObject("booking_days");
        return envelope(data);
    }

    private String timesJson(long s, LocalDate day) {
        ArrayNode data = mapper.createArrayNode();
        for (String t : free(s, day)) {
            data.addObject().put("time", t).put("seance_length", 3600).put("datetime", datetime(day, t));
        }
        return envelope(data);
    }

    /** The free times of one specialist (0: anyone free) on {@code day}. */
    private List<String> free(long s, LocalDate day) {
        if (!days.contains(day)) {
            return List.of();
        }
        return times.stream().filter(t -> (s > 0 ? List.of(s) : staff).stream()
                .anyMatch(x -> booked.containsKey(x) && !booked.get(x).contains(datetime(day, t)))).toList();
    }

    private static String datetime(LocalDate day, String time) {
        return day + "T" + time + ":00+03:00";
    }

    private String envelope(JsonNode data) {
        ObjectNode root = mapper.createObjectNode().put("success", true);
        root.set("data", data);
        root.putArray("meta");
        return root.toString();
    }

    private void pause() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
