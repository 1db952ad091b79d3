package io.github.yclientsbot.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigException;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Source;
import io.github.yclientsbot.storage.ServiceMappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small YCLIENTS served in-process on {@code 127.0.0.1} for {@code --console --demo}: one salon of two branches
 * ({@link DemoBranches}: Moscow and Yekaterinburg) with its booking form, services, specialists and free times, answering the calls the bot makes in the shapes the
 * real API uses. Its booking form is a page of this server, so the demo's links open something real.
 * Not a test fake: it ships in the jar so a newcomer can walk every flow without a YCLIENTS account.
 */
public final class DemoYclients implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoYclients.class);

    public static final long COMPANY_ID = 777001;
    public static final long BOOKFORM_ID = 777101;
    public static final String PARTNER_TOKEN = "demo-partner-token-0001";
    public static final String USER_TOKEN = "demo-user-token-0001";
    /** The number a visit booked by phone waits under from the start, as the console shows it. */
    public static final String ELSEWHERE_PHONE = "+7 900 000-00-00";

    private static final String API = "/api/v1";
    private static final ZoneId SALON_ZONE = ZoneId.of("Europe/Moscow");
    private static final Pattern TIMES = Pattern.compile(API + "/book_times/" + COMPANY_ID + "/(\\d+)/(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern RECORD = Pattern.compile(API + "/book_record/" + COMPANY_ID + "/(\\d+)/([A-Za-z0-9]+)");
    /** The staff side's record (GET and PUT, with the user token). */
    private static final Pattern STAFF_RECORD = Pattern.compile(API + "/record/" + COMPANY_ID + "/(\\d+)");
    private static final Pattern CANCEL = Pattern.compile(API + "/user/records/(\\d+)/([A-Za-z0-9]+)");
    private static final Pattern MOVE = Pattern.compile(API + "/(book_record|record)/" + COMPANY_ID + "/(\\d+)");
    private static final String TAKEN = "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Выбранное время уже занято\"}}";
    private static final Pattern SERVICE_ID = Pattern.compile("(?:^|&)service_ids\\[]=(\\d+)");
    private static final String NOT_FOUND = "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Филиал не найден.\"}}";
    private static final String RECORD_NOT_FOUND = "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Запись не найдена\"}}";
    static final String UNAUTHORIZED = "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Необходима авторизация\"}}";

    private final HttpServer server;
    /** Who does which service, and the bookings made in the demo (kept for /mybookings and Cancel). */
    private final DemoBookings bookings;
    /** The same bookings as the staff side reads and writes them. */
    private final DemoRecords records;
    private final ExecutorService executor;
    private final String baseUrl;
    /** The staff's side: the records list and the webhook settings. */
    private final DemoSalonSide salonSide;

    private DemoYclients(HttpServer server, ExecutorService executor, ObjectMapper mapper, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.bookings = new DemoBookings(mapper, clock, resource("book_services.json"), resource("company_services.json"),
                resource("book_staff.json"));
        this.records = new DemoRecords(mapper, bookings);
        this.salonSide = new DemoSalonSide();
    }

    /** Starts on a free port of 127.0.0.1, its bookings' changes timed by the system clock. */
    public static DemoYclients start(ObjectMapper mapper) throws IOException {
        return start(mapper, Clock.systemUTC());
    }

    /**
     * Starts on a free port of 127.0.0.1; {@code mapper} reads the bot's requests and writes the bookings, {@code clock}
     * (the bot's) says when a booking changed ({@code last_change_date}, {@code changed_after}).
     */
    public static DemoYclients start(ObjectMapper mapper, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-yclients");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        DemoYclients demo = new DemoYclients(server, executor, mapper, clock);
        // a visit booked by phone three days ahead, for the console's "remind me of all my visits" to find
        LocalDate day = LocalDate.ofInstant(clock.instant(), SALON_ZONE).plusDays(3);
        demo.visitBookedElsewhere("79000000000", "Гость демо", day + "T12:00:00+03:00");
        server.createContext("/", demo::handle);
        server.start();
        log.info("Demo YCLIENTS serving a sample salon at {}", demo.baseUrl);
        return demo;
    }

    /** E.g. {@code http://127.0.0.1:41234}; also the demo booking form's address. */
    public String url() {
        return baseUrl;
    }

    /** The loaded config pointed at this server, with its tokens and company (marked as set by console mode). */
    public BotConfig preset(BotConfig config) throws ConfigException {
        return config
                .with(SettingKey.YCLIENTS_ENABLED, "true", Source.CONSOLE)
                .with(SettingKey.YCLIENTS_API_URL, baseUrl, Source.CONSOLE)
                .with(SettingKey.YCLIENTS_API_TOKEN, PARTNER_TOKEN, Source.CONSOLE)
                .with(SettingKey.YCLIENTS_USER_TOKEN, USER_TOKEN, Source.CONSOLE)
                .with(SettingKey.YCLIENTS_COMPANY_ID, Long.toString(COMPANY_ID), Source.CONSOLE)
                // two branches, in Moscow and Yekaterinburg: customers pick theirs
                .with(SettingKey.YCLIENTS_COMPANY_IDS, COMPANY_ID + "," + DemoBranches.SECOND_ID, Source.CONSOLE)
                .with(SettingKey.YCLIENTS_BOOKING_URL, "", Source.CONSOLE);
    }

    /**
     * Simulates a visit booked elsewhere (the form, a phone call, the staff) for {@code phone} (digits with the country
     * code) at {@code datetime} (e.g. {@code 2026-12-01T12:00:00+03:00}): the staff side lists it from now on, as a
     * record changed now. Returns its record id.
     */
    public long visitBookedElsewhere(String phone, String name, String datetime) {
        return bookings.bookedElsewhere(phone, name, datetime);
    }

    /** Gives an empty database three service buttons, so the customer's list shows at once. */
    public void seedButtons(ServiceMappings mappings) {
        if (mappings.count() > 0) {
            return;
        }
        mappings.upsert(COMPANY_ID, 9100001, 0, "Женская стрижка", false, new BigDecimal("2500"), new BigDecimal("4000"));
        mappings.upsert(COMPANY_ID, 9100002, 9200002, "Мужская стрижка", false, new BigDecimal("1800"), new BigDecimal("1800"));
        mappings.upsert(COMPANY_ID, 9100011, 0, "Маникюр с покрытием гель-лак", false, new BigDecimal("2200"), new BigDecimal("2900"));
        mappings.upsert(DemoBranches.SECOND_ID, 9100001, 0, "Женская стрижка", false, new BigDecimal("2200"), new BigDecimal("3500"));
        mappings.upsert(DemoBranches.SECOND_ID, 9100002, 9200002, "Мужская стрижка", false, new BigDecimal("1600"),
                new BigDecimal("1600"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // the second branch is routed to the first one's handlers (DemoBranches)
            DemoBranches.Routed branch = DemoBranches.route(exchange.getRequestURI().getPath());
            String path = branch.path();
            String method = exchange.getRequestMethod();
            if (!path.startsWith(API + "/")) {
                respond(exchange, 200, "text/html; charset=utf-8", bookingPage(exchange));
                return;
            }
            if (method.equals("POST") && path.equals(API + "/auth")) {
                drain(exchange.getRequestBody());
                respond(exchange, partner(exchange) ? 201 : 401, partner(exchange)
                        ? "{\"success\":true,\"data\":{\"id\":1,\"user_token\":\"" + USER_TOKEN + "\",\"name\":\"Демо-администратор\"},\"meta\":[]}"
                        : UNAUTHORIZED);
                return;
            }
            if (method.equals("POST") && (path.equals(API + "/book_check/" + COMPANY_ID) || path.equals(API + "/book_record/" + COMPANY_ID))) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!partner(exchange)) {
                    respond(exchange, 401, UNAUTHORIZED);
                } else if (path.endsWith("/book_check/" + COMPANY_ID)) {
                    respond(exchange, 201, "{\"success\":true,\"data\":null,\"meta\":{\"message\":\"Created\"}}");
                } else {
                    respond(exchange, 201, bookings.book(body));
                }
                return;
            }
            Matcher staffRecord = STAFF_RECORD.matcher(path);
            // the staff side reads and writes records; DELETE /record is the move handler's (below)
            if (staffRecord.matches() && !method.equals("DELETE") || path.equals(API + "/records/" + COMPANY_ID)) {
                staffSide(exchange, method, staffRecord.matches() ? Long.parseLong(staffRecord.group(1)) : null);
                return;
            }
            Matcher cancel = CANCEL.matcher(path);
            if (method.equals("DELETE") && cancel.matches()) {
                if (!partner(exchange)) {
                    respond(exchange, 401, UNAUTHORIZED);
                } else if (bookings.cancel(Long.parseLong(cancel.group(1)), cancel.group(2))) {
                    respond(exchange, 200, "{\"success\":true,\"data\":null,\"meta\":[]}");
                } else {
                    respond(exchange, 404, RECORD_NOT_FOUND);
                }
                return;
            }
            Matcher move = MOVE.matcher(path);
            if ((method.equals("PUT") || method.equals("DELETE")) && move.matches()) {
                changeRecord(exchange, method, move.group(1).equals("record"), Long.parseLong(move.group(2)));
                return;
            }
            if (path.equals(API + "/hooks_settings/" + COMPANY_ID)) {
                salonSide.hooksSettings(exchange, method);
                return;
            }
            if (!method.equals("GET")) {
                respond(exchange, 405, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Method not allowed\"}}");
                return;
            }
            if (!partner(exchange)) {
                respond(exchange, 401, UNAUTHORIZED);
                return;
            }
            String company = API + "/company/" + COMPANY_ID;
            Matcher times = TIMES.matcher(path);
            Matcher record = RECORD.matcher(path);
            if (path.equals(company)) {
                respond(exchange, 200, resource(branch.company()).replace("{base}", baseUrl));
            } else if (path.equals(company + "/services") || path.equals(company + "/staff")) {
                if (!user(exchange)) {
                    respond(exchange, 401, UNAUTHORIZED);
                } else {
                    respond(exchange, 200, resource(path.endsWith("services") ? "company_services.json" : "company_staff.json"));
                }
            } else if (path.equals(API + "/bookform/" + BOOKFORM_ID)) {
                respond(exchange, 200, resource("bookform.json"));
            } else if (path.equals(API + "/book_services/" + COMPANY_ID)) {
                respond(exchange, 200, resource("book_services.json"));
            } else if (path.equals(API + "/book_staff/" + COMPANY_ID)) {
                respond(exchange, 200, bookings.staff(resource("book_staff.json"), serviceId(exchange)));
            } else if (path.equals(API + "/book_dates/" + COMPANY_ID)) {
                respond(exchange, 200, DemoBranches.bookDates(LocalDate.now(branch.zone())));
            } else if (times.matches()) {
                respond(exchange, 200, DemoBranches.bookTimes(LocalDate.parse(times.group(2)), branch.zone()));
            } else if (record.matches()) {
                Optional<String> found = bookings.record(Long.parseLong(record.group(1)), record.group(2));
                respond(exchange, found.isPresent() ? 200 : 404, found.orElse(RECORD_NOT_FOUND));
            } else {
                respond(exchange, 404, NOT_FOUND);
            }
        } catch (RuntimeException e) {
            log.warn("Demo YCLIENTS failed to answer: {}", e.toString());
        }
    }

    /**
     * A booking moved ({@code PUT book_record/{company}/{id}}, partner token; {@code PUT record/…}, user token too) or
     * deleted ({@code DELETE record/…}, user token too): 422 for a time taken, 404 for a booking the demo does not have.
     */
    private void changeRecord(HttpExchange exchange, String method, boolean staffSide, long id) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!partner(exchange) || staffSide && !user(exchange) || method.equals("DELETE") && !staffSide) {
            respond(exchange, staffSide || method.equals("PUT") ? 401 : 405, UNAUTHORIZED);
        } else if (method.equals("DELETE")) {
            boolean deleted = bookings.delete(id);
            respond(exchange, deleted ? 200 : 404, deleted ? "{\"success\":true,\"data\":null,\"meta\":[]}" : RECORD_NOT_FOUND);
        } else {
            switch (bookings.move(id, body)) {
                case MOVED -> respond(exchange, 200, bookings.moved(id));
                case TAKEN -> respond(exchange, 422, TAKEN);
                case UNKNOWN -> respond(exchange, 404, RECORD_NOT_FOUND);
            }
        }
    }

    /** The staff side, with both tokens: one record read or written ({@code id}), or the records listed (null). */
    private void staffSide(HttpExchange exchange, String method, Long id) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!partner(exchange) || !user(exchange)) {
            respond(exchange, 401, UNAUTHORIZED);
        } else if (id == null && method.equals("GET")) {
            Map<String, String> q = query(exchange);
            respond(exchange, 200, records.records(q.get("changed_after"), q.get("start_date"), q.get("end_date"),
                    "1".equals(q.get("with_deleted")),
                    parseInt(q.get("page"), 1), parseInt(q.get("count"), 50)));
        } else if (id != null && method.equals("GET")) {
            Optional<String> found = records.record(id);
            respond(exchange, found.isPresent() ? 200 : 404, found.orElse(RECORD_NOT_FOUND));
        } else if (id != null && method.equals("PUT")) {
            Optional<DemoRecords.Written> written = records.update(id, body);
            respond(exchange, written.map(DemoRecords.Written::status).orElse(404),
                    written.map(DemoRecords.Written::body).orElse(RECORD_NOT_FOUND));
        } else {
            respond(exchange, 405, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Method not allowed\"}}");
        }
    }

    /** The decoded query parameters (the first of each name). */
    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The salon moves demo booking {@code recordId} to {@code datetime} (the next poll sees it); false if none. */
    public boolean moveBySalon(long recordId, String datetime) {
        return bookings.moveBySalon(recordId, datetime);
    }

    /** The salon cancels demo booking {@code recordId} (the next poll sees it); false if none. */
    public boolean cancelBySalon(long recordId) {
        return bookings.cancelBySalon(recordId);
    }

    /** A visit booked by phone or by the staff under {@code phone} at {@code datetime}; its record id. */
    public long bookElsewhere(String phone, String datetime) {
        return bookings.bookedElsewhere(phone, "", datetime);
    }

    /** The {@code service_ids[]} of the query (the first one), or null. */
    private static Long serviceId(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        Matcher m = SERVICE_ID.matcher(URLDecoder.decode(query, StandardCharsets.UTF_8));
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    private String bookingPage(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        String choice = query == null ? "" : query.replaceAll("[^A-Za-z0-9=&_-]", "");
        return "<!doctype html><meta charset=utf-8><title>Demo booking form</title>"
                + "<h1>Демо-салон «Лён»: онлайн-запись (демо)</h1>"
                + "<p>This page stands in for the YCLIENTS online booking form. The bot's link chose: <code>"
                + choice + "</code> (o=m&lt;specialist&gt;s&lt;service&gt;; -1 = any specialist).</p>";
    }

    static boolean partner(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer " + PARTNER_TOKEN);
    }

    static boolean user(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.endsWith("User " + USER_TOKEN);
    }

    private static String resource(String name) {
        try (InputStream in = DemoYclients.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the jar: /demo/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(InputStream in) throws IOException {
        in.readAllBytes();
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, "application/json; charset=utf-8", json);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
