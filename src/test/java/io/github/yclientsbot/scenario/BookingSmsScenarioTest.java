package io.github.yclientsbot.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMS confirmation and the abuse limits of the in-chat booking, against the fake YCLIENTS: the code is asked
 * for when the company wants the phone confirmed, a wrong code (432) may be typed again, and over a limit
 * nothing reaches YCLIENTS.
 */
class BookingSmsScenarioTest extends ScenarioBase {
    static final String ANNA = "2290341";
    static final String PHONE = "79161234567";
    static final String OTHER_PHONE = "79035550011";
    static final String CODE = "531974";
    static final long SECOND_CUSTOMER = 3004;
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

    /** Sets the salon up on a bot with these limits (and the others as configured by default): its own, unless none. */
    private void start(Map<String, String> limits) throws Exception {
        if (!limits.isEmpty()) {
            Path dir = newDir();
            Map<String, String> env = env(dir);
            env.putAll(limits);
            ownBot(dir, env);
        }
        setUpCompany();
        mapHaircut();
    }

    /** The customer walks to the summary (Анна, 1 December, 10:00) with a typed phone; returns the summary message. */
    private Outgoing walkToSummary(long user, String phone) {
        Outgoing list = ask(user, "/book");
        int flow = list.messageId();
        String service = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        edit(user, flow, service);
        edit(user, flow, "bk:st:" + ANNA);
        edit(user, flow, "bk:d:2026-12-01");
        Outgoing time = edit(user, flow, "bk:t:20261201:0");
        if (time.callbackData().contains("bk:agree")) {
            edit(user, flow, "bk:agree");
        }
        Outgoing summary = say(user, phone).messages().get(1);
        assertTrue(summary.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), summary.text());
        return summary;
    }

    private List<Outgoing> type(long user, String text) {
        return say(user, text).messages();
    }

    private int posts(String path) {
        return yclients.requests("POST", path).size();
    }

    @Test
    void theCodeIsAskedForAWrongOneMayBeTypedAgainAndTheRightOneBooksWithTheCode() throws Exception {
        companyWantsSms();
        start(Map.of());
        Outgoing summary = walkToSummary(CUSTOMER, "+7 916 123-45-67");

        Outgoing asked = edit(CUSTOMER, summary.messageId(), "bk:ok");
        press(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(asked.text().contains("SMS") && asked.text().contains("+7 916 123-45-67")
                && asked.text().contains("Напишите код"), asked.text());
        assertTrue(asked.callbackData().containsAll(List.of("bk:rc", "bk:x")), asked.callbackData().toString());
        assertEquals(1, posts(BOOK_CODE), "a double tap on Confirm sends one code");
        JsonNode codeBody = mapper.readTree(yclients.requests("POST", BOOK_CODE).get(0).body());
        assertEquals(PHONE, codeBody.path("phone").asText());
        assertFalse(codeBody.path("fullname").asText().isBlank());
        List<String> order = yclients.requests().stream().filter(r -> r.method().equals("POST")).map(r -> r.path()).toList();
        assertEquals(List.of(BOOK_CHECK, BOOK_CODE), order, "the slot is checked before an SMS is spent on it");

        Outgoing notACode = type(CUSTOMER, "когда придёт код?").get(0);
        assertTrue(notACode.text().contains("Не похоже на код"), notACode.text());
        assertEquals(0, posts(BOOK_RECORD));

        Outgoing wrong = type(CUSTOMER, "1234").get(0);
        assertTrue(wrong.text().contains("Неверный код") && wrong.text().contains("Осталось попыток: 2"), wrong.text());
        assertTrue(wrong.callbackData().contains("bk:rc"), "a new code is one tap away");

        List<Outgoing> done = type(CUSTOMER, " 531-974 ");
        assertTrue(done.get(0).text().contains("Вы записаны") && done.get(0).text().contains("784512093"), done.get(0).text());
        List<JsonNode> records = yclients.requests("POST", BOOK_RECORD).stream().map(r -> read(r.body())).toList();
        assertEquals(2, records.size());
        assertEquals("1234", records.get(0).path("code").asText());
        assertEquals(CODE, records.get(1).path("code").asText(), "spaces and dashes dropped");
        assertEquals(PHONE, records.get(1).path("phone").asText());
        assertEquals(1, bot.database().bookingReferences().forUser(CUSTOMER).size());
        // the number waits in the draft only for the answer to "remember it?"; No ends the conversation
        Outgoing question = done.stream().filter(c -> c.callbackData().contains("bk:rm:n")).findFirst().orElseThrow();
        assertTrue(bot.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("\"step\":\"REMEMBER\""));
        press(CUSTOMER, question.messageId(), "bk:rm:n");
        assertTrue(bot.database().bookingStates().find(CUSTOMER).isEmpty(), "the conversation ended");
        assertFalse(logs.rawText().contains(CODE), "the code is never logged");
        assertFalse(logs.rawText().contains("531-974"), "the code is never logged");
        assertNowhere(PHONE);
    }

    @Test
    void threeWrongCodesNeedANewCodeWhichComesAtMostOnceAMinute() throws Exception {
        companyWantsSms();
        start(Map.of());
        Outgoing summary = walkToSummary(CUSTOMER, PHONE);
        int flow = summary.messageId();
        edit(CUSTOMER, flow, "bk:ok");

        assertTrue(type(CUSTOMER, "1111").get(0).text().contains("Осталось попыток: 2"));
        assertTrue(type(CUSTOMER, "2222").get(0).text().contains("Осталось попыток: 1"));
        assertTrue(type(CUSTOMER, "3333").get(0).text().contains("Слишком много неверных попыток"));
        Outgoing blocked = type(CUSTOMER, CODE).get(0);
        assertTrue(blocked.text().contains("Слишком много неверных попыток"), blocked.text());
        assertEquals(3, posts(BOOK_RECORD), "after the third wrong code nothing more is tried with the old one");

        Outgoing tooSoon = press(CUSTOMER, flow, "bk:rc").answer();
        assertTrue(tooSoon.text().contains("через"), tooSoon.toString());
        assertEquals(1, posts(BOOK_CODE));

        clock.advance(Duration.ofSeconds(61));
        Outgoing resent = edit(CUSTOMER, flow, "bk:rc");
        assertTrue(resent.text().contains("Новый код отправлен"), resent.text());
        assertEquals(2, posts(BOOK_CODE));
        assertTrue(type(CUSTOMER, CODE).get(0).text().contains("Вы записаны"), "a new code gives new tries");
    }

    @Test
    void aCompanyThatDoesNotSayButAnswers432GetsTheCodeAsked() throws Exception {
        start(Map.of());
        Outgoing summary = walkToSummary(CUSTOMER, PHONE);
        Outgoing asked = edit(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(asked.text().contains("Напишите код"), asked.text());
        assertEquals(1, posts(BOOK_CODE));
        assertTrue(type(CUSTOMER, CODE).get(0).text().contains("Вы записаны"));
    }

    @Test
    void theSmsLimitPerPhoneStopsCodesToThatNumberFromAnyone() throws Exception {
        companyWantsSms();
        start(Map.of("BOOKING_LIMIT_SMS_PER_PHONE", "1"));
        edit(CUSTOMER, walkToSummary(CUSTOMER, PHONE).messageId(), "bk:ok");
        assertEquals(1, posts(BOOK_CODE));

        Outgoing summary = walkToSummary(SECOND_CUSTOMER, PHONE);
        int checks = posts(BOOK_CHECK);
        Outgoing over = edit(SECOND_CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(over.text().contains("На этот номер") && over.text().contains("(1)") && over.text().contains("онлайн-форму"),
                over.text());
        assertTrue(over.buttonUrls().contains(link(FORM, 13700211, Long.parseLong(ANNA))), over.buttonUrls().toString());
        assertEquals(1, posts(BOOK_CODE), "no further book_code");
        assertEquals(checks, posts(BOOK_CHECK), "nothing at all sent to YCLIENTS");
        assertEquals(0, posts(BOOK_RECORD));
        assertTrue(bot.database().bookingStates().find(SECOND_CUSTOMER).isPresent(), "the draft is kept");

        // another number is fine for the same customer
        edit(SECOND_CUSTOMER, walkToSummary(SECOND_CUSTOMER, OTHER_PHONE).messageId(), "bk:ok");
        assertEquals(2, posts(BOOK_CODE));
    }

    @Test
    void theSmsLimitPerUserStopsNewCodesAndResendRespectsIt() throws Exception {
        companyWantsSms();
        start(Map.of("BOOKING_LIMIT_SMS_PER_USER", "2", "BOOKING_LIMIT_SMS_PER_PHONE", "0"));
        int flow = walkToSummary(CUSTOMER, PHONE).messageId();
        edit(CUSTOMER, flow, "bk:ok");
        clock.advance(Duration.ofSeconds(61));
        assertTrue(edit(CUSTOMER, flow, "bk:rc").text().contains("Новый код отправлен"));
        clock.advance(Duration.ofSeconds(61));

        Outgoing over = edit(CUSTOMER, flow, "bk:rc");
        assertTrue(over.text().contains("вы уже запросили") && over.text().contains("(2)")
                && over.text().contains("по-прежнему можно"), over.text());
        assertTrue(over.buttonUrls().stream().anyMatch(u -> u.startsWith(FORM)), over.buttonUrls().toString());
        assertEquals(2, posts(BOOK_CODE));
        assertTrue(type(CUSTOMER, CODE).get(0).text().contains("Вы записаны"), "the code already sent still works");

        Outgoing summary = walkToSummary(CUSTOMER, OTHER_PHONE);
        Outgoing again = edit(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(again.text().contains("вы уже запросили"), again.text());
        assertEquals(2, posts(BOOK_CODE), "no further book_code, to any number");

        // 24 hours later the customer may ask again
        clock.advance(Duration.ofHours(24));
        Outgoing later = walkToSummary(CUSTOMER, OTHER_PHONE);
        assertTrue(edit(CUSTOMER, later.messageId(), "bk:ok").text().contains("Напишите код"));
        assertEquals(3, posts(BOOK_CODE));
    }

    @Test
    void theBookingsLimitPerUserStopsTheNextBookingBeforeYclients() throws Exception {
        start(Map.of("BOOKING_LIMIT_BOOKINGS_PER_USER", "1"));
        yclients.on("POST", BOOK_RECORD).respondWithFixture(201, "book_record.json");
        assertTrue(edit(CUSTOMER, walkToSummary(CUSTOMER, PHONE).messageId(), "bk:ok").text().contains("Вы записаны"));

        Outgoing summary = walkToSummary(CUSTOMER, PHONE);
        int checks = posts(BOOK_CHECK);
        Outgoing over = edit(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(over.text().contains("максимальное число записей") && over.text().contains("(1)"), over.text());
        assertTrue(over.buttonUrls().stream().anyMatch(u -> u.startsWith(FORM)), over.buttonUrls().toString());
        assertEquals(1, posts(BOOK_RECORD), "no further book_record");
        assertEquals(checks, posts(BOOK_CHECK), "nothing at all sent to YCLIENTS");
        assertTrue(bot.database().bookingStates().find(CUSTOMER).isPresent(), "the draft is kept");

        // /forgetme does not reset the limit
        assertTrue(ask(CUSTOMER, "/forgetme").text().contains("удалил"));
        Outgoing afterForget = edit(CUSTOMER, walkToSummary(CUSTOMER, PHONE).messageId(), "bk:ok");
        assertTrue(afterForget.text().contains("максимальное число записей"), afterForget.text());
        assertEquals(1, posts(BOOK_RECORD));
    }

    @Test
    void aRefusedBookingIsNotCounted() throws Exception {
        start(Map.of("BOOKING_LIMIT_BOOKINGS_PER_USER", "1"));
        yclients.on("POST", BOOK_RECORD).respond(422,
                "{\"success\":false,\"data\":null,\"meta\":{\"errors\":[{\"code\":438,\"message\":\"x\"}]}}");
        assertTrue(edit(CUSTOMER, walkToSummary(CUSTOMER, PHONE).messageId(), "bk:ok").text().contains("больше недоступна"));

        yclients.on("POST", BOOK_RECORD).respondWithFixture(201, "book_record.json");
        assertTrue(edit(CUSTOMER, walkToSummary(CUSTOMER, PHONE).messageId(), "bk:ok").text().contains("Вы записаны"));
    }

    @Test
    void limitsSetToZeroAreOff() throws Exception {
        companyWantsSms();
        start(Map.of("BOOKING_LIMIT_SMS_PER_PHONE", "0", "BOOKING_LIMIT_SMS_PER_USER", "0",
                "BOOKING_LIMIT_BOOKINGS_PER_USER", "0"));
        for (int i = 1; i <= 4; i++) {
            int flow = walkToSummary(CUSTOMER, PHONE).messageId();
            assertTrue(edit(CUSTOMER, flow, "bk:ok").text().contains("Напишите код"), "booking " + i);
            if (i == 4) {
                for (int resend = 0; resend < 2; resend++) {
                    clock.advance(Duration.ofSeconds(61));
                    assertTrue(edit(CUSTOMER, flow, "bk:rc").text().contains("Новый код отправлен"));
                }
            }
            assertTrue(type(CUSTOMER, CODE).get(0).text().contains("Вы записаны"), "booking " + i);
            clock.advance(Duration.ofSeconds(61));
        }
        assertEquals(6, posts(BOOK_CODE), "more than the default 3 per phone and 5 per user");
        assertEquals(4, posts(BOOK_RECORD), "more than the default 3 bookings");
    }

    private JsonNode read(String body) {
        try {
            return mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
