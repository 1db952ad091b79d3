package io.github.yclientsbot.scenario;

import io.github.yclientsbot.booking.Attendance;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.testing.Salon;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import io.github.yclientsbot.yclients.RecordFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the records with the user token bring, as admins and customers see it: /status says what works with the
 * tokens given and counts the "I'll come" YCLIENTS did not take today; a customer who proved their phone is asked
 * once, after the booking, whether to be reminded of all their visits at the salon, sees the visits found elsewhere
 * in /mybookings, and takes the yes back there (or with /forgetme).
 */
class RecordsScenarioTest extends InChatBookingBase {
    private static final long RECORD_ID = 784512093;
    /** A visit of the customer (+7 916 123-45-67) booked by phone: the staff side's record 900100200. */
    private static final String ELSEWHERE = "/api/v1/record/" + COMPANY + "/900100200";
    private static final String ELSEWHERE_CHANGES = "{\"id\":900100200,\"datetime\":\"2026-12-04T15:00:00+03:00\","
            + "\"client\":{\"name\":\"Анна\",\"phone\":\"+79161234567\"}}";

    private void setUpWithUserToken() {
        setUpCompany();
        mapHaircut();
        ask(ADMIN, "/settoken user " + USER_TOKEN);
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\""
                + DATETIME + "\",\"seance_length\":3600,\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
        yclients.on("GET", ELSEWHERE).respond(200, "{\"success\":true,\"data\":" + RecordFixtures.json("record.json",
                ELSEWHERE_CHANGES) + ",\"meta\":[]}");
    }

    /** Books with the customer's own shared contact (Telegram verified the number); returns "remember?". */
    private Outgoing bookWithOwnContact() {
        Outgoing summary = walkToSummary();
        return confirmAndGetRememberQuestion(summary);
    }

    @Test
    void aVerifiedCustomerIsAskedOnceAfterTheBookingAndSeesTheVisitsFoundElsewhere() {
        setUpWithUserToken();
        Outgoing remember = bookWithOwnContact();
        assertFalse(remember.text().contains("Напоминать обо всех"), "one question at a time");

        Turn answered = press(CUSTOMER, remember.messageId(), "bk:rm:n");
        Outgoing question = answered.message();
        assertTrue(question.text().contains("Напоминать обо всех ваших записях в «Студия «Лён»»?"), question.text());
        assertTrue(question.text().contains("/reminders off"), question.text());
        assertEquals(List.of("bk:all:y", "bk:all:n"), question.callbackData());

        // a visit booked by phone under the customer's number last week: found when they say yes
        yclients.on("GET", "/api/v1/records/" + COMPANY).respond(200, "{\"success\":true,\"data\":["
                + RecordFixtures.json("record.json", ELSEWHERE_CHANGES) + "],\"meta\":{\"total_count\":1}}");
        Outgoing agreed = edit(CUSTOMER, question.messageId(), "bk:all:y");
        assertTrue(agreed.text().contains("буду напоминать обо всех ваших записях в «Студия «Лён»»"), agreed.text());
        assertTrue(agreed.text().contains("Уже нашёл записей, сделанных не в чате: 1 — они в /mybookings."), agreed.text());

        List<BookingReference> known = bot.database().bookingReferences().forUser(CUSTOMER);
        assertEquals(2, known.size(), known.toString());
        assertTrue(known.get(1).elsewhere());

        Outgoing mine = ask(CUSTOMER, "/mybookings");
        assertTrue(mine.text().contains("4 декабря 2026, 15:00") && mine.text().contains("записано не в чате"),
                mine.text());
        assertTrue(mine.text().contains("1 декабря 2026, 10:00"), mine.text());
        assertEquals("Bearer " + PARTNER + ", User " + USER_TOKEN,
                yclients.requests("GET", ELSEWHERE).get(0).header("Authorization"), "read with the user token");
        assertTrue(mine.buttonTexts().contains("🔕 Только о записях из чата"), mine.buttonTexts().toString());

        // a second booking asks nothing more: the question was answered
        Outgoing again = confirmAndGetRememberQuestion(walkToSummary());
        Turn secondAnswer = press(CUSTOMER, again.messageId(), "bk:rm:n");
        assertTrue(secondAnswer.messages().isEmpty(), secondAnswer.toString());

        // taken back from /mybookings: the visit found elsewhere goes, the chat bookings stay
        Outgoing withdrawn = edit(CUSTOMER, mine.messageId(), "bk:all:n");
        assertTrue(withdrawn.text().contains("больше не напоминаю"), withdrawn.text());
        assertTrue(bot.database().bookingReferences().forUser(CUSTOMER).stream().noneMatch(BookingReference::elsewhere));
        Outgoing after = ask(CUSTOMER, "/mybookings");
        assertFalse(after.text().contains("4 декабря"), after.text());
        assertTrue(after.buttonTexts().contains("🔔 Напоминать обо всех моих записях в «Студия «Лён»»"),
                after.buttonTexts().toString());
        bot.layer().elsewhere().seen(COMPANY, RecordFixtures.record("record.json", ELSEWHERE_CHANGES));
        assertTrue(bot.database().bookingReferences().forUser(CUSTOMER).stream().noneMatch(BookingReference::elsewhere),
                "withdrawn: not matched again");
    }

    @Test
    void theQuestionIsAskedAgainFromMyBookingsAndForgetMeTakesEverything() {
        setUpWithUserToken();
        Outgoing remember = bookWithOwnContact();
        Outgoing question = press(CUSTOMER, remember.messageId(), "bk:rm:y").message();
        Outgoing declined = edit(CUSTOMER, question.messageId(), "bk:all:n");
        assertTrue(declined.text().contains("только о записях, сделанных здесь"), declined.text());

        Outgoing mine = ask(CUSTOMER, "/mybookings");
        Turn asked = press(CUSTOMER, mine.messageId(), "bk:all:q");
        Outgoing again = asked.message();
        assertTrue(again.text().contains("Напоминать обо всех ваших записях"), again.text());
        edit(CUSTOMER, again.messageId(), "bk:all:y");
        bot.layer().elsewhere().seen(COMPANY, RecordFixtures.record("record.json", ELSEWHERE_CHANGES));
        assertEquals(2, bot.database().bookingReferences().forUser(CUSTOMER).size());

        ask(CUSTOMER, "/forgetme");
        assertTrue(bot.database().bookingReferences().forUser(CUSTOMER).isEmpty());
        assertTrue(bot.database().visitWatch().answerOf(CUSTOMER).isEmpty(), "the answer is gone");
        assertFalse(bot.database().visitWatch().hasVerified(CUSTOMER), "the verified phone is gone");
        bot.layer().elsewhere().seen(COMPANY, RecordFixtures.record("record.json", ELSEWHERE_CHANGES));
        assertTrue(bot.database().bookingReferences().forUser(CUSTOMER).isEmpty());
    }

    @Test
    void withoutTheUserTokenNothingIsAskedNorOffered() {
        setUpCompany();
        mapHaircut();
        Outgoing remember = bookWithOwnContact();
        Turn answered = press(CUSTOMER, remember.messageId(), "bk:rm:n");
        assertTrue(answered.messages().isEmpty(), answered.toString());
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\""
                + DATETIME + "\",\"deleted\":false},\"meta\":[]}");
        Outgoing mine = ask(CUSTOMER, "/mybookings");
        assertTrue(mine.callbackData().stream().noneMatch(d -> d.startsWith("bk:all:")), mine.callbackData().toString());
    }

    @Test
    void anSmsCodeYclientsAcceptedProvesATypedPhone() {
        yclients.on("GET", "/api/v1/company/" + COMPANY).respond(200, FakeYclientsServer.fixture("company.json")
                .replace("\"phone_confirmation\":false", "\"phone_confirmation\":\"1\""));
        yclients.on("POST", "/api/v1/book_code/" + COMPANY).respond(201, "{\"success\":true,\"data\":null,\"meta\":[]}");
        setUpWithUserToken();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");
        Turn typed = say(CUSTOMER, "+7 916 123-45-67");
        Outgoing summary = typed.messages().get(typed.messages().size() - 1);
        Outgoing codeAsked = edit(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(codeAsked.text().contains("SMS"), codeAsked.text());
        assertFalse(bot.database().visitWatch().hasVerified(CUSTOMER), "a code sent proves nothing yet");

        List<Outgoing> done = say(CUSTOMER, "531974").messages();
        assertTrue(done.get(0).text().contains("Вы записаны"), done.get(0).text());
        assertTrue(bot.database().visitWatch().hasVerified(CUSTOMER));
        Outgoing remember = done.stream().filter(o -> o.callbackData().contains("bk:rm:n")).findFirst().orElseThrow();
        Outgoing question = press(CUSTOMER, remember.messageId(), "bk:rm:n").message();
        assertTrue(question.text().contains("Напоминать обо всех ваших записях"), question.text());
    }

    @Test
    void aTypedPhoneIsNotProvedSoNothingIsAsked() {
        setUpWithUserToken();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");
        Turn typed = say(CUSTOMER, "+7 916 123-45-67");
        Outgoing summary = typed.messages().get(typed.messages().size() - 1);
        Outgoing remember = confirmAndGetRememberQuestion(summary);
        Turn answered = press(CUSTOMER, remember.messageId(), "bk:rm:n");
        assertTrue(answered.messages().isEmpty(), "a typed number is not proved: " + answered);
        assertFalse(bot.database().visitWatch().hasVerified(CUSTOMER));
    }

    @Test
    void statusSaysWhatWorksWithTheTokensGivenAndCountsFailedConfirmations() {
        setUpCompany();
        String partnerOnly = ask(ADMIN, "/status").text();
        assertTrue(partnerOnly.contains("Напоминания и записи: ✅ напоминания о записях из чата; «Приду», записи из формы"
                + " и по телефону, изменения салона — нужен пользовательский токен (/yclogin)"), partnerOnly);
        assertFalse(partnerOnly.contains("«Приду» не удалось"), partnerOnly);
        assertFalse(bot.layer().attendance().possible());

        ask(ADMIN, "/settoken user " + USER_TOKEN);
        String both = ask(ADMIN, "/status").text();
        assertTrue(both.contains("Напоминания и записи: ✅ о записях из чата и сделанных иначе (с согласия клиента),"
                + " ✅ «Приду», ✅ изменения салона"), both);
        assertTrue(both.contains("«Приду» не удалось отметить в YCLIENTS сегодня (UTC): 0"), both);
        assertTrue(bot.layer().attendance().possible());

        Salon.serveRecords(yclients);
        yclients.on("PUT", Salon.RECORD).respondWithFixture(422, "error-422-record.json");
        assertEquals(Attendance.Result.FAILED, bot.layer().attendance().confirm(COMPANY, RECORD_ID));
        String failed = ask(ADMIN, "/status").text();
        assertTrue(failed.contains("⚠️ «Приду» не удалось отметить в YCLIENTS сегодня (UTC): 1"), failed);
        String metrics = bot.core().metrics().scrape();
        assertTrue(metrics.contains("yclients_bot_attendance_total{result=\"failed\"} 1.0"), metrics);
        assertTrue(metrics.contains("yclients_bot_attendance_total{result=\"confirmed\"} 0.0"), "every result from the start");
        String english = askInLanguage(ADMIN, "en", "/status").text();
        assertTrue(english.contains("⚠️ \"I'll come\" not recorded in YCLIENTS today (UTC): 1"), english);
        assertNowhere(USER_TOKEN);
    }
}
