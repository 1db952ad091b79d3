package io.github.yclientsbot.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-chat booking as a customer walks it, against the fake YCLIENTS: service → specialist → day → time → phone →
 * confirm; what YCLIENTS may answer on the way (a slot taken, an error code, no answer at all, down); a restart midway;
 * where the booking starts (the service list, groups).
 */
class BookingScenarioTest extends InChatBookingBase {
    @Test
    void aCustomerBooksInTheChatAndYclientsGetsCheckThenRecord() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();

        Outgoing done = tap(summary.messageId(), "bk:ok");
        assertTrue(done.text().contains("Вы записаны") && done.text().contains("784512093"), done.text());

        List<String> posts = yclients.requests().stream().filter(r -> r.method().equals("POST")).map(r -> r.path()).toList();
        assertEquals(List.of("/api/v1/book_check/" + COMPANY, "/api/v1/book_record/" + COMPANY), posts);
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("79161234567", record.path("phone").asText());
        JsonNode appointment = record.path("appointments").path(0);
        assertEquals(Long.parseLong(ANNA), appointment.path("staff_id").asLong());
        assertEquals(DATETIME, appointment.path("datetime").asText());
        assertEquals(13700211, appointment.path("services").path(0).asLong());
        assertNowhere("79161234567");
    }

    @Test
    void noAnswerToBookRecordMeansTheOutcomeIsUnknownAndConfirmIsNotOfferedAgain() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        yclients.on("POST", "/api/v1/book_record/" + COMPANY)
                .respond(502, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Bad gateway\"}}");

        Outgoing unknown = tap(summary.messageId(), "bk:ok");
        assertTrue(unknown.text().contains("не знаю, создана ли запись") && unknown.text().contains("+74951234567"), unknown.text());
        assertTrue(unknown.callbackData().isEmpty(), "no Confirm again: " + unknown.callbackData());
        assertTrue(bot.database().bookingStates().find(CUSTOMER).isEmpty(), "the conversation is over");
        // a second tap on the old Confirm books nothing
        Turn again = press(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(again.answers().size() == 1, again.toString());
        assertEquals(1, yclients.requests("POST", "/api/v1/book_record/" + COMPANY).size(), "book_record is never sent twice");
    }

    @Test
    void aSummaryLeftOnScreenAfterAnotherTimeWasChosenBooksNothing() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        String oldConfirm = summary.callbackData().stream().filter(d -> d.startsWith("bk:ok:")).findFirst().orElseThrow();
        // back to the times and 11:30 instead: the phone is known, so the summary comes again (edited in place)
        tap(summary.messageId(), "bk:b");
        Outgoing changed = tap(summary.messageId(), "bk:t:20261201:1");
        assertTrue(changed.text().contains("11:30"), changed.text());
        String newConfirm = changed.callbackData().stream().filter(d -> d.startsWith("bk:ok:")).findFirst().orElseThrow();
        assertFalse(newConfirm.equals(oldConfirm), "the stamp follows what the summary shows");

        Turn stale = press(CUSTOMER, summary.messageId(), oldConfirm);
        assertTrue(stale.answer().text().contains("устарела"), stale.toString());
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).isEmpty(), "the 10:00 summary booked nothing");

        Outgoing done = tap(summary.messageId(), newConfirm);
        assertTrue(done.text().contains("Вы записаны") && done.text().contains("11:30"), done.text());
    }

    @Test
    void anOldCancelAfterTheBookingSaysNothingWasCancelled() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        Outgoing question = confirmAndGetRememberQuestion(summary);
        tap(question.messageId(), "bk:rm:n");

        Outgoing old = tap(summary.messageId(), "bk:x");
        assertTrue(old.text().contains("ничего не отменила") && old.text().contains("/mybookings"), old.text());
        assertEquals(1, bot.database().bookingReferences().forUser(CUSTOMER).size(), "the booking stands");
    }

    @Test
    void cancellingAtThePhoneStepTakesTheShareButtonAwayAndALateContactIsNotKept() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow());
        tap(flow, "bk:st:" + ANNA);
        tap(flow, "bk:d:2026-12-01");
        pickTime(flow, "bk:t:20261201:0");

        Turn cancelled = press(CUSTOMER, flow, "bk:x");
        assertTrue(cancelled.edit().text().contains("Запись отменена"));
        Outgoing removed = cancelled.message();
        assertTrue(removed.removesKeyboard(), removed.toString());

        // the button tapped anyway (an old keyboard on another device): not kept, the keyboard goes
        Turn late = bot.contact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67");
        Outgoing answer = late.message();
        assertTrue(answer.text().contains("не сохранил"), answer.text());
        assertTrue(answer.removesKeyboard(), answer.toString());
        assertNowhere("79161234567");
    }

    @Test
    void twoQuickTapsOnConfirmBookOnce() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        Turn first = press(CUSTOMER, summary.messageId(), "bk:ok");
        press(CUSTOMER, summary.messageId(), "bk:ok");
        assertEquals(1, yclients.requests("POST", "/api/v1/book_record/" + COMPANY).size());
        assertTrue(first.edit().text().contains("Вы записаны"));
    }

    @Test
    void theSlotTakenBetweenChoosingAndConfirmingOffersTheNearestFreeTimes() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respondWithFixture(422, "book_check-433.json");

        Outgoing gone = tap(summary.messageId(), "bk:ok");
        assertTrue(gone.text().contains("только что заняли") && gone.text().contains("Ближайшее свободное время"), gone.text());
        assertEquals(List.of("11:30", "15:00"), gone.buttonTexts().subList(0, 2));
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).isEmpty(), "nothing booked after a failed check");

        // the customer picks 11:30: the number is remembered, straight to the summary, and booking works
        Outgoing again = tap(summary.messageId(), "bk:t:20261201:0");
        assertTrue(again.text().contains("11:30") && again.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), again.text());
    }

    @Test
    void eachBookingErrorCodeHasItsOwnMessage() throws Exception {
        setUpCompany();
        mapHaircut();
        // 432 (wrong SMS code) is not here: without a code it starts the SMS confirmation (BookingSmsEndToEndTest)
        Map<Integer, String> expected = Map.of(431, "не принял номер", 434, "нельзя",
                435, "нужно имя", 437, "пересекаются друг с другом", 438, "больше недоступна");
        for (var e : expected.entrySet()) {
            Outgoing summary = walkToSummary();
            yclients.on("POST", "/api/v1/book_record/" + COMPANY).respond(422,
                    "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"x\",\"errors\":[{\"code\":" + e.getKey() + ",\"message\":\"x\"}]}}");
            Outgoing answer = tap(summary.messageId(), "bk:ok");
            assertTrue(answer.text().contains(e.getValue()), e.getKey() + ": " + answer.text());
        }
        // the old error shape ({"errors": {...}}) is understood as well
        Outgoing summary = walkToSummary();
        yclients.on("POST", "/api/v1/book_record/" + COMPANY).respondWithFixture(422, "book_record-437-old-shape.json");
        assertTrue(tap(summary.messageId(), "bk:ok").text().contains("пересекаются"));
    }

    @Test
    void anyoneElsesContactIsRefusedAndATypedNumberIsNormalised() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().get(0));
        tap(flow, "bk:st:0");
        tap(flow, "bk:d:2026-12-01");
        pickTime(flow, "bk:t:20261201:1");

        Outgoing foreign = bot.contact(CUSTOMER, 4242L, "+79990001122").message();
        assertTrue(foreign.text().contains("не ваш контакт"), foreign.text());
        Outgoing bad = ask(CUSTOMER, "12345");
        assertTrue(bad.text().contains("Не похоже на номер"), bad.text());
        Turn typed = say(CUSTOMER, "8 916 123 45 67");
        Outgoing summary = typed.messages().get(1);
        assertTrue(summary.text().contains("+7 916 123-45-67") && summary.text().contains("Любой специалист"), summary.text());
        tap(summary.messageId(), "bk:ok");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("79161234567", record.path("phone").asText());
        assertEquals(0, record.path("appointments").path(0).path("staff_id").asLong());
    }

    @Test
    void aRestartMidFlowContinuesWhereTheCustomerWas() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().get(0));
        tap(flow, "bk:st:" + ANNA);

        bot.restart();
        Outgoing times = tap(flow, "bk:d:2026-12-01");
        assertTrue(times.text().contains("Шаг 4 из 5") && times.text().contains("Анна Соколова"), times.text());
        Outgoing back = tap(flow, "bk:b");
        assertTrue(back.text().contains("Шаг 3 из 5"), back.text());
        Outgoing cancelled = tap(flow, "bk:x");
        assertTrue(cancelled.text().contains("Запись отменена"), cancelled.text());
        Turn stale = press(CUSTOMER, flow, "bk:d:2026-12-01");
        assertTrue(stale.edit().text().contains("/book"));
    }

    @Test
    void theServiceListHasBookHereBesideTheFormLinkAndGroupsGetADeepLink() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing list = ask(CUSTOMER, "/services");
        assertEquals(List.of(link(FORM, 13700211, 0)), list.buttonUrls());
        String here = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        Outgoing staff = tap(list.messageId(), here);
        assertTrue(staff.text().contains("Шаг 2 из 5"), staff.text());
        assertTrue(staff.buttonUrls().contains(link(FORM, 13700211, 0)), "the form stays available as a fallback");

        String deepLink = "https://t.me/" + ChatHarness.BOT_USERNAME + "?start=book";
        Outgoing group = askInGroup(CUSTOMER, "/book");
        assertEquals(List.of(deepLink), group.buttonUrls());
        assertTrue(ask(CUSTOMER, "/start book").text().contains("Шаг 1 из 5"));

        // in a group "📅 Here" cannot book there: it is the link into the private chat, beside the form link
        Outgoing groupList = askInGroup(CUSTOMER, "/services");
        assertEquals(List.of(link(FORM, 13700211, 0), deepLink), groupList.buttonUrls());
        assertTrue(groupList.buttonTexts().contains("📅 В личном чате"), groupList.buttonTexts().toString());
        assertTrue(groupList.callbackData().stream().noneMatch(d -> d.startsWith("bk:")), groupList.callbackData().toString());

        // booking in the chat only: in a group the service buttons themselves are that link
        assertTrue(ask(ADMIN, "/bookingmode chat").text().contains("прямо в чате"));
        Outgoing chatOnly = askInGroup(CUSTOMER, "/services");
        assertEquals(List.of(deepLink), chatOnly.buttonUrls());
        assertTrue(chatOnly.buttonTexts().stream().anyMatch(t -> t.contains("Женская стрижка")), chatOnly.buttonTexts().toString());
        assertTrue(chatOnly.callbackData().stream().noneMatch(d -> d.startsWith("bk:")), chatOnly.callbackData().toString());
        // in the private chat the service buttons still start the booking right there
        Outgoing privateList = ask(CUSTOMER, "/services");
        assertEquals(List.of(), privateList.buttonUrls());
        assertTrue(privateList.callbackData().stream().anyMatch(d -> d.startsWith("bk:svc:")), privateList.callbackData().toString());
    }

    @Test
    void yclientsDownGivesAClearMessageAndTheForm() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().get(0));
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respond(503, "<html>down</html>");
        Outgoing down = tap(flow, "bk:st:0");
        assertTrue(down.text().contains("не отвечает"), down.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), down.buttonUrls());
    }

    @Test
    void someoneElsesContactLeavesTheCustomerAtThePhoneStep() throws Exception {
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");

        Outgoing foreign = bot.contact(CUSTOMER, 4242L, "+79990001122").message();
        assertTrue(foreign.text().contains("не ваш контакт"), foreign.text());
        assertTrue(foreign.asksForContact(),
                "the share-contact button is offered again");
        assertTrue(bot.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("\"step\":\"CONTACT\""));
        assertFalse(bot.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("79990001122"));
        Outgoing notAUser = bot.contact(CUSTOMER, null, "+79990001122").message();
        assertTrue(notAUser.text().contains("не ваш контакт"), "a card of no Telegram user is refused too: " + notAUser.text());
        assertTrue(bot.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("\"step\":\"CONTACT\""));
    }

    @Test
    void aSharedContactFromAbroadWithoutPlusIsTaken() throws Exception {
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");

        // Telegram sends a contact's number without "+"; this one is Ukrainian
        Turn shared = bot.contact(CUSTOMER, CUSTOMER, "380501234567");
        List<Outgoing> sent = shared.messages();
        assertEquals(2, sent.size(), shared.toString());
        assertTrue(sent.get(0).text().contains("+380501234567"), sent.get(0).text());
        tap(sent.get(1).messageId(), "bk:ok");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("380501234567", record.path("phone").asText());
    }

    @Test
    void noSpecialistFreeAnyMore436OffersTheNearestFreeTimes() throws Exception {
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");
        Outgoing summary = say(CUSTOMER, "+7 916 123-45-67").messages().get(1);
        assertTrue(summary.text().contains("Любой специалист"), summary.text());
        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respond(422,
                "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"x\",\"errors\":[{\"code\":436,"
                        + "\"message\":\"Нет свободных сотрудников\"}]}}");

        Outgoing gone = tap(summary.messageId(), "bk:ok");
        assertTrue(gone.text().contains("нет свободных специалистов") && gone.text().contains("Ближайшее свободное время"), gone.text());
        assertEquals(List.of("11:30", "15:00"), gone.buttonTexts().subList(0, 2));
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).isEmpty(), "nothing booked after a failed check");

        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respondWithFixture(201, "book_check-ok.json");
        Outgoing again = tap(summary.messageId(), "bk:t:20261201:0");
        assertTrue(again.text().contains("11:30") && again.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), again.text());
        assertTrue(tap(summary.messageId(), "bk:ok").text().contains("Вы записаны"));
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals(0, record.path("appointments").path(0).path("staff_id").asLong());
        assertEquals("2026-12-01T11:30:00+03:00", record.path("appointments").path(0).path("datetime").asText());
    }
}
