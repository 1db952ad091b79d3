package io.github.yclientsbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SMS-confirmed booking through Telegram, against the fake YCLIENTS: the code is asked for when the company wants
 * the phone confirmed, a wrong code (432) may be typed again, the right one books. The limits and the other SMS
 * scenarios run on the chat harness ({@code scenario.BookingSmsScenarioTest}).
 */
class BookingSmsEndToEndTest extends EndToEndBase {
    static final String ANNA = "2290341";
    static final String PHONE = "79161234567";
    static final String CODE = "531974";
    static final String BOOK_CODE = "/api/v1/book_code/" + COMPANY;
    static final String BOOK_CHECK = "/api/v1/book_check/" + COMPANY;
    static final String BOOK_RECORD = "/api/v1/book_record/" + COMPANY;
    static final String WRONG_CODE = "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Неверный код\","
            + "\"errors\":[{\"code\":432,\"message\":\"Неверный код подтверждения\"}]}}";

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void bookingRoutes() {
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respondWithFixture(200, "book_dates.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/" + ANNA + "/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("POST", BOOK_CHECK).respondWithFixture(201, "book_check-ok.json");
        yclients.on("POST", BOOK_CODE).respond(201, "{\"success\":true,\"data\":null,\"meta\":[]}");
        // a booking with the right code is accepted; any other code (or none) is refused with 432
        yclients.on("POST", BOOK_RECORD).respond(422, WRONG_CODE);
        yclients.on("POST", BOOK_RECORD).withBodyContaining("\"code\":\"" + CODE + "\"").respondWithFixture(201, "book_record.json");
    }

    /** The company asks for phone confirmation, with the flag as a string (type drift). */
    private void companyWantsSms() {
        yclients.on("GET", "/api/v1/company/" + COMPANY).respond(200, FakeYclientsServer.fixture("company.json")
                .replace("\"phone_confirmation\":false", "\"phone_confirmation\":\"1\""));
    }

    /** Starts the bot with these limits (and the others as configured by default). */
    private void start(Map<String, String> limits) throws Exception {
        Map<String, String> env = env();
        env.put("BOT_FLOOD_MAX_UPDATES", "0"); // these customers press a lot of buttons quickly
        env.putAll(limits);
        BotConfig config = new ConfigLoader(env, dir).load(null);
        app = BotApplication.start(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), clock));
        setUpCompany();
        mapHaircut();
    }

    /** The customer walks to the summary (Анна, 1 December, 10:00) with a typed phone; returns the summary message. */
    private Call walkToSummary(long user, String phone) {
        Call list = ask(user, "/book");
        int flow = list.resultMessageId();
        String service = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        press(user, flow, service);
        press(user, flow, "bk:st:" + ANNA);
        press(user, flow, "bk:d:2026-12-01");
        Call time = press(user, flow, "bk:t:20261201:0");
        if (time.callbackData().contains("bk:agree")) {
            press(user, flow, "bk:agree");
        }
        List<Call> typed = exchange(() -> telegram.sendPrivateText(user, phone));
        Call summary = only(typed, "sendmessage").get(1);
        assertTrue(summary.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), summary.text());
        return summary;
    }

    private Call press(long user, int messageId, String data) {
        return single(exchange(() -> telegram.pressButton(user, messageId, data)), "editmessagetext");
    }

    private List<Call> type(long user, String text) {
        return only(exchange(() -> telegram.sendPrivateText(user, text)), "sendmessage");
    }

    private int posts(String path) {
        return yclients.requests("POST", path).size();
    }

    @Test
    void theCodeIsAskedForAWrongOneMayBeTypedAgainAndTheRightOneBooksWithTheCode() throws Exception {
        companyWantsSms();
        start(Map.of());
        Call summary = walkToSummary(CUSTOMER, "+7 916 123-45-67");

        List<Call> confirmed = exchange(() -> {
            telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok");
            telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok");
        });
        Call asked = only(confirmed, "editmessagetext").get(0);
        assertTrue(asked.text().contains("SMS") && asked.text().contains("+7 916 123-45-67")
                && asked.text().contains("Напишите код"), asked.text());
        assertTrue(asked.callbackData().containsAll(List.of("bk:rc", "bk:x")), asked.callbackData().toString());
        assertEquals(1, posts(BOOK_CODE), "a double tap on Confirm sends one code");
        JsonNode codeBody = mapper.readTree(yclients.requests("POST", BOOK_CODE).get(0).body());
        assertEquals(PHONE, codeBody.path("phone").asText());
        assertFalse(codeBody.path("fullname").asText().isBlank());
        List<String> order = yclients.requests().stream().filter(r -> r.method().equals("POST")).map(r -> r.path()).toList();
        assertEquals(List.of(BOOK_CHECK, BOOK_CODE), order, "the slot is checked before an SMS is spent on it");

        Call notACode = type(CUSTOMER, "когда придёт код?").get(0);
        assertTrue(notACode.text().contains("Не похоже на код"), notACode.text());
        assertEquals(0, posts(BOOK_RECORD));

        Call wrong = type(CUSTOMER, "1234").get(0);
        assertTrue(wrong.text().contains("Неверный код") && wrong.text().contains("Осталось попыток: 2"), wrong.text());
        assertTrue(wrong.callbackData().contains("bk:rc"), "a new code is one tap away");

        List<Call> done = type(CUSTOMER, " 531-974 ");
        assertTrue(done.get(0).text().contains("Вы записаны") && done.get(0).text().contains("784512093"), done.get(0).text());
        List<JsonNode> records = yclients.requests("POST", BOOK_RECORD).stream().map(r -> read(r.body())).toList();
        assertEquals(2, records.size());
        assertEquals("1234", records.get(0).path("code").asText());
        assertEquals(CODE, records.get(1).path("code").asText(), "spaces and dashes dropped");
        assertEquals(PHONE, records.get(1).path("phone").asText());
        assertEquals(1, app.database().bookingReferences().forUser(CUSTOMER).size());
        // the number waits in the draft only for the answer to "remember it?"; No ends the conversation
        Call question = done.stream().filter(c -> c.callbackData().contains("bk:rm:n")).findFirst().orElseThrow();
        assertTrue(app.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("\"step\":\"REMEMBER\""));
        exchange(() -> telegram.pressButton(CUSTOMER, question.resultMessageId(), "bk:rm:n"));
        assertTrue(app.database().bookingStates().find(CUSTOMER).isEmpty(), "the conversation ended");
        assertFalse(logs.rawText().contains(CODE), "the code is never logged");
        assertFalse(logs.rawText().contains("531-974"), "the code is never logged");
        assertNowhere(PHONE);
    }

    private JsonNode read(String body) {
        try {
            return mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
