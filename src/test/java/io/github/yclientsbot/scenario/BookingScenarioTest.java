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

/** The in-chat booking as a customer walks it, against the fake YCLIENTS: service → specialist → day → time → phone → confirm. */
class BookingScenarioTest extends ScenarioBase {
    static final String ANNA = "2290341";
    static final String DATETIME = "2026-12-01T10:00:00+03:00";
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void bookingRoutes() {
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respondWithFixture(200, "book_dates.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/" + ANNA + "/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/0/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respondWithFixture(201, "book_check-ok.json");
        yclients.on("POST", "/api/v1/book_record/" + COMPANY).respondWithFixture(201, "book_record.json");
    }

    /** The customer has walked up to the summary with Анна at 10:00 on 1 December; returns the summary message. */
    private Outgoing walkToSummary() {
        Outgoing list = ask(CUSTOMER, "/book");
        assertTrue(list.text().contains("Шаг 1 из 5"), list.text());
        String service = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        int flow = list.messageId();

        Outgoing staff = tap(flow, service);
        assertTrue(staff.callbackData().containsAll(List.of("bk:st:0", "bk:st:" + ANNA, "bk:st:2290355")), staff.callbackData().toString());
        assertFalse(staff.callbackData().contains("bk:st:2290360"), "a specialist without online booking is not offered");
        assertTrue(staff.buttonTexts().contains("Любой специалист"));
        assertTrue(staff.callbackData().containsAll(List.of("bk:b", "bk:x")), "back and cancel on every step");

        Outgoing days = tap(flow, "bk:st:" + ANNA);
        assertTrue(days.text().contains("декабрь 2026"), days.text());
        assertTrue(days.callbackData().containsAll(List.of("bk:d:2026-12-01", "bk:d:2026-12-09")), days.callbackData().toString());
        assertFalse(days.callbackData().contains("bk:d:2026-12-03"), "a working day without free time is not offered");
        // a calendar grid, Monday first: 1 December 2026 is a Tuesday; only the two weeks with free days
        assertEquals(List.of("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс",
                " ", "1", "2", "·", "4", "5", "·",
                "·", "8", "9", "·", "·", "·", "·"), days.buttonTexts().subList(0, 21), days.buttonTexts().toString());
        Turn closed = press(CUSTOMER, flow, "bk:n:d");
        assertTrue(closed.answer().text().contains("свободного времени нет"), closed.toString());
        assertTrue(closed.edits().isEmpty(), "a closed day changes nothing");

        Outgoing times = tap(flow, "bk:d:2026-12-01");
        assertEquals(List.of("10:00", "11:30", "15:00"), times.buttonTexts().subList(0, 3));

        Turn contactStep = pickTime(flow, "bk:t:20261201:0");
        assertTrue(contactStep.edit().text().contains("Шаг 5 из 5"));
        Outgoing ask = contactStep.message();
        assertTrue(ask.asksForContact(), ask.toString());

        Turn shared = bot.contact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67");
        List<Outgoing> sent = shared.messages();
        assertEquals(2, sent.size(), shared.toString());
        assertTrue(sent.get(0).removesKeyboard(), "the share-contact keyboard is removed");
        Outgoing summary = sent.get(1);
        for (String part : List.of("Женская стрижка", "Анна Соколова", "1 декабря 2026", "10:00", "Europe/Moscow", "+7 916 123-45-67", "2\u00A0500")) {
            assertTrue(summary.text().contains(part), part + " missing from " + summary.text());
        }
        assertTrue(summary.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), summary.callbackData().toString());
        return summary;
    }

    /** Presses a time; the first time ever, the privacy consent comes first and is given. Returns the phone step. */
    private Turn pickTime(int flow, String data) {
        Turn after = press(CUSTOMER, flow, data);
        Outgoing edit = after.edit();
        if (!edit.callbackData().contains("bk:agree")) {
            return after;
        }
        assertTrue(edit.text().contains("соглашаетесь") && edit.text().contains(FORM), edit.text());
        assertTrue(edit.buttonUrls().contains(FORM), "the policy (here the booking form's) is one tap away");
        assertEquals(List.of(), after.messages(), "no phone is asked for before the consent");
        return press(CUSTOMER, flow, "bk:agree");
    }

    private Outgoing tap(int messageId, String data) {
        return press(CUSTOMER, messageId, data).edit();
    }

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
    void aConfirmedBookingIsRememberedAndComesWithACalendarFile() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();

        Turn confirmed = press(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(confirmed.edit().text().contains("Вы записаны"));
        Outgoing file = confirmed.document();
        assertEquals(CUSTOMER, file.chatId());
        assertEquals("booking-784512093.ics", file.fileName());
        assertTrue(file.caption().contains("календарь"), file.caption());
        String ics = new String(file.file(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.contains("BEGIN:VEVENT\r\n"), ics);
        // 10:00 Moscow time for the 3600 s the slot lasts, in UTC
        assertTrue(ics.contains("\r\nDTSTART:20261201T070000Z\r\n") && ics.contains("\r\nDTEND:20261201T080000Z\r\n"), ics);
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:Женская стрижка — Студия «Лён»"), unfolded);
        assertTrue(unfolded.contains("LOCATION:Москва\\, Покровка ул.\\, 17с1"), unfolded);

        var refs = bot.database().bookingReferences().forUser(CUSTOMER);
        assertEquals(1, refs.size());
        assertEquals(784512093L, refs.get(0).recordId());
        assertEquals("9f2c4e1ab07d5e3c8a61b4f0d2e7c915", refs.get(0).recordHash());
        assertEquals(COMPANY, refs.get(0).companyId());
        assertEquals(DATETIME, refs.get(0).startsAt());
    }

    static final String RECORD = "/api/v1/book_record/" + COMPANY + "/784512093/9f2c4e1ab07d5e3c8a61b4f0d2e7c915";
    static final String CANCEL = "/api/v1/user/records/784512093/9f2c4e1ab07d5e3c8a61b4f0d2e7c915";

    /** Books 10:00 with Анна in the chat and lets YCLIENTS read it back; a past booking is stored as well. */
    private void bookAndReadBack() {
        Outgoing summary = walkToSummary();
        tap(summary.messageId(), "bk:ok");
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, 111, "0a0b0c0d0e0f", "2026-01-10T10:00:00+03:00");
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"" + DATETIME
                + "\",\"seance_length\":3600,\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
    }

    /** /mybookings, then Cancel on the one upcoming booking; returns the yes/no question. */
    private Outgoing askToCancel() {
        Outgoing list = ask(CUSTOMER, "/mybookings");
        for (String part : List.of("Женская стрижка", "Анна Соколова", "1 декабря 2026", "10:00")) {
            assertTrue(list.text().contains(part), part + " missing from " + list.text());
        }
        assertEquals(1, list.callbackData().size(), "the past booking is not listed: " + list.callbackData());
        assertTrue(yclients.requests("GET", "/api/v1/book_record/" + COMPANY + "/111/0a0b0c0d0e0f").isEmpty(),
                "a past booking is not even read back");
        Outgoing question = tap(list.messageId(), list.callbackData().get(0));
        assertTrue(question.text().contains("Отменить запись") && question.text().contains("1 декабря 2026"), question.text());
        assertEquals(2, question.callbackData().size());
        assertTrue(yclients.requests("DELETE", CANCEL).isEmpty(), "nothing is cancelled before yes");
        return question;
    }

    @Test
    void myBookingsListsTheUpcomingOnesAndCancelsOnlyAfterYclientsAccepted() throws Exception {
        setUpCompany();
        mapHaircut();
        bookAndReadBack();
        yclients.on("DELETE", CANCEL).respond(200, "{\"success\":true,\"data\":null,\"meta\":[]}");

        Outgoing no = tap(askToCancel().messageId(), "bk:my:n");
        assertTrue(no.text().contains("остаётся"), no.text());
        assertTrue(yclients.requests("DELETE", CANCEL).isEmpty());

        Outgoing question = askToCancel();
        String yes = question.callbackData().stream().filter(d -> d.startsWith("bk:my:y:")).findFirst().orElseThrow();
        Outgoing done = tap(question.messageId(), yes);
        assertTrue(done.text().contains("отменена"), done.text());
        assertEquals(1, yclients.requests("DELETE", CANCEL).size());
        assertEquals(List.of(111L), bot.database().bookingReferences().forUser(CUSTOMER).stream()
                .map(r -> r.recordId()).toList(), "the cancelled booking's reference is deleted");
        assertTrue(ask(CUSTOMER, "/mybookings").text().contains("Предстоящих записей"));
        assertNowhere("9f2c4e1ab07d5e3c8a61b4f0d2e7c915");
    }

    @Test
    void myBookingsSaysItCannotCheckWhenYclientsRefusesAndSkipsOnlyABookingThatIsGone() throws Exception {
        setUpCompany();
        mapHaircut();
        bookAndReadBack();

        for (int status : List.of(401, 403)) {
            yclients.on("GET", RECORD).respond(status,
                    "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Недостаточно прав\"}}");
            Outgoing refused = ask(CUSTOMER, "/mybookings");
            assertTrue(refused.text().contains("не отвечает"), status + ": " + refused.text());
            assertFalse(refused.text().contains("Предстоящих записей"), status + " is not 'you have no bookings'");
            assertEquals(List.of(FORM), refused.buttonUrls().stream().map(u -> u.substring(0, FORM.length())).toList());
        }
        assertEquals(2, bot.database().bookingReferences().forUser(CUSTOMER).size(), "nothing is forgotten on a refusal");
        assertTrue(logs.text().contains("record 784512093 not readable"), "the refusal is logged as a warning");

        yclients.on("GET", RECORD).respond(404,
                "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Запись не найдена\"}}");
        assertTrue(ask(CUSTOMER, "/mybookings").text().contains("Предстоящих записей"), "a booking YCLIENTS no longer has is skipped");
        assertNowhere("9f2c4e1ab07d5e3c8a61b4f0d2e7c915");
    }

    @Test
    void aRefusedCancellationGivesThePhoneAndTheFormAndForgetmeDeletesTheReferences() throws Exception {
        setUpCompany();
        mapHaircut();
        bookAndReadBack();
        yclients.on("DELETE", CANCEL).respond(422,
                "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Cancellation is not possible\"}}");

        Outgoing question = askToCancel();
        String yes = question.callbackData().stream().filter(d -> d.startsWith("bk:my:y:")).findFirst().orElseThrow();
        Outgoing refused = tap(question.messageId(), yes);
        assertTrue(refused.text().contains("не дал отменить") && refused.text().contains("+74951234567"), refused.text());
        assertFalse(refused.text().contains("отменена"), refused.text());
        assertTrue(refused.buttonUrls().stream().anyMatch(u -> u.startsWith(FORM)), refused.buttonUrls().toString());
        assertEquals(2, bot.database().bookingReferences().forUser(CUSTOMER).size(), "kept: the booking still stands");

        assertTrue(ask(CUSTOMER, "/forgetme").text().contains("удалил"));
        assertTrue(bot.database().bookingReferences().forUser(CUSTOMER).isEmpty(), "/forgetme deletes the references");
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
    void consentComesBeforeThePhoneIsStoredOnceAndForgetmeDeletesIt() throws Exception {
        setUpCompany();
        mapHaircut();
        walkToSummary();
        var consents = bot.database().bookingConsents();
        assertTrue(consents.find(CUSTOMER).isPresent(), "the consent is stored with its time");

        // the next booking does not ask again
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().get(0));
        tap(flow, "bk:st:0");
        tap(flow, "bk:d:2026-12-01");
        Turn direct = press(CUSTOMER, flow, "bk:t:20261201:0");
        assertTrue(direct.edit().text().contains("Шаг 5 из 5"));

        Outgoing forgotten = ask(CUSTOMER, "/forgetme");
        assertTrue(forgotten.text().contains("удалил"), forgotten.text());
        assertTrue(consents.find(CUSTOMER).isEmpty());
        Turn stale = say(CUSTOMER, "+7 916 123-45-67");
        assertTrue(stale.message().text().contains("/services"), "the conversation is gone too");
    }

    /** /book with any specialist up to the time list of 1 December; returns the flow message. */
    private int walkToTimes() {
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().get(0));
        tap(flow, "bk:st:0");
        tap(flow, "bk:d:2026-12-01");
        return flow;
    }

    /** Confirms the summary; returns the "remember this number?" question that follows the booking. */
    private Outgoing confirmAndGetRememberQuestion(Outgoing summary) {
        Turn confirmed = press(CUSTOMER, summary.messageId(), "bk:ok");
        assertTrue(confirmed.edit().text().contains("Вы записаны"));
        Outgoing question = confirmed.message();
        assertTrue(question.text().contains("Запомнить номер +7 916 123-45-67"), question.text());
        assertEquals(List.of("bk:rm:y", "bk:rm:n"), question.callbackData());
        return question;
    }

    @Test
    void refusingTheConsentAsksNoPhoneStoresNothingAndOffersTheForm() throws Exception {
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        Turn consentStep = press(CUSTOMER, flow, "bk:t:20261201:0");
        Outgoing consentView = consentStep.edit();
        assertTrue(consentView.callbackData().contains("bk:agree"), consentView.callbackData().toString());
        assertTrue(consentView.buttonUrls().contains(link(FORM, 13700211, 0)), "the form is offered beside the consent");

        // Back: to the times, no phone asked for
        Turn back = press(CUSTOMER, flow, "bk:b");
        assertTrue(back.edit().text().contains("Шаг 4 из 5"));
        assertEquals(List.of(), back.messages(), "no phone is asked for");

        // the same time again asks for the consent again; Cancel ends it with the form
        assertTrue(tap(flow, "bk:t:20261201:0").callbackData().contains("bk:agree"));
        Turn cancelled = press(CUSTOMER, flow, "bk:x");
        Outgoing declined = cancelled.edit();
        assertTrue(declined.text().contains("без вашего согласия") && declined.text().contains("ничего не сохраняю"), declined.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), declined.buttonUrls());
        assertEquals(List.of(), cancelled.messages(), "no phone is asked for");

        assertTrue(bot.database().bookingConsents().find(CUSTOMER).isEmpty(), "no consent row");
        assertTrue(bot.database().bookingStates().find(CUSTOMER).isEmpty(), "the conversation is over");
        Turn phone = say(CUSTOMER, "+7 916 123-45-67");
        assertTrue(phone.message().text().contains("/services"), "a number typed now is not taken");
        assertTrue(bot.history().stream().noneMatch(Outgoing::asksForContact),
                "the share-contact keyboard was never shown");
        assertTrue(yclients.requests().stream().noneMatch(r -> r.method().equals("POST")));
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

    @Test
    void theNameFromTheProfileCanBeChangedAndABadOneIsRefused() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing summary = walkToSummary();
        assertTrue(summary.text().contains("Имя: Contact3003"), "the shared contact's name: " + summary.text());
        assertTrue(summary.callbackData().containsAll(List.of("bk:nm", "bk:ph")), summary.callbackData().toString());

        Outgoing asked = tap(summary.messageId(), "bk:nm");
        assertTrue(asked.text().contains("Как салону к вам обращаться") && asked.text().contains("Contact3003"), asked.text());
        assertTrue(tap(summary.messageId(), "bk:b").text().contains("Проверьте запись"), "Back returns to the summary");
        tap(summary.messageId(), "bk:nm");

        Map<String, String> refused = Map.of(
                "Я", "от 2 до 60",
                "x".repeat(61), "от 2 до 60",
                "12345 !!!", "хотя бы одна буква",
                "Анна https://spam.example", "ссылок",
                "Анна t.me/spam", "ссылок",
                "anna@mail.ru", "ссылок",
                "Анна\nМария", "одной строкой");
        for (var e : refused.entrySet()) {
            Outgoing bad = ask(CUSTOMER, e.getKey());
            assertTrue(bad.text().contains(e.getValue()), e.getKey() + " → " + bad.text());
            assertTrue(bad.callbackData().isEmpty(), "no summary for a bad name");
        }
        Turn typed = say(CUSTOMER, "  Мария   Иванова-Петрова ");
        Outgoing again = typed.message();
        assertTrue(again.text().contains("Проверьте запись") && again.text().contains("Имя: Мария Иванова-Петрова"), again.text());
        assertTrue(again.text().contains("+7 916 123-45-67"), "the phone stays: " + again.text());

        tap(again.messageId(), "bk:ok");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("Мария Иванова-Петрова", record.path("fullname").asText());
        assertEquals("79161234567", record.path("phone").asText());
    }

    @Test
    void rememberYesSkipsThePhoneNextTimeAndSurvivesARestart() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing question = confirmAndGetRememberQuestion(walkToSummary());
        Outgoing saved = tap(question.messageId(), "bk:rm:y");
        assertTrue(saved.text().contains("Запомнил") && saved.text().contains("+7 916 123-45-67"), saved.text());
        assertTrue(bot.database().bookingStates().find(CUSTOMER).isEmpty(), "the finished booking's draft is gone");

        bot.restart();
        int flow = walkToTimes();
        Turn direct = press(CUSTOMER, flow, "bk:t:20261201:1");
        Outgoing summary = direct.edit();
        assertEquals(List.of(), direct.messages(), "no phone is asked for");
        for (String part : List.of("Проверьте запись", "11:30", "+7 916 123-45-67", "Имя: Contact3003", "из прошлой записи", "Другой номер")) {
            assertTrue(summary.text().contains(part), part + " missing from " + summary.text());
        }
        assertTrue(summary.callbackData().containsAll(List.of("bk:ph", "bk:nm")), summary.callbackData().toString());
        String confirm = summary.callbackData().stream().filter(d -> d.startsWith("bk:ok:")).findFirst().orElseThrow();

        Turn booked = press(CUSTOMER, flow, confirm);
        assertTrue(booked.edit().text().contains("Вы записаны"));
        assertEquals(List.of(), booked.messages(), "the same number and name: nothing to ask");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(1).body());
        assertEquals("79161234567", record.path("phone").asText());
        assertEquals("Contact3003", record.path("fullname").asText());
        assertNowhere("79161234567");
    }

    @Test
    void anotherNumberThanTheRememberedOneKeepsTheNameAndIsOfferedToBeRemembered() throws Exception {
        setUpCompany();
        mapHaircut();
        tap(confirmAndGetRememberQuestion(walkToSummary()).messageId(), "bk:rm:y");

        int flow = walkToTimes();
        tap(flow, "bk:t:20261201:0");
        Turn other = press(CUSTOMER, flow, "bk:ph");
        assertTrue(other.edit().text().contains("Шаг 5 из 5"));
        assertTrue(other.message().asksForContact());
        Outgoing summary = say(CUSTOMER, "+7 903 111-22-33").messages().get(1);
        assertTrue(summary.text().contains("+7 903 111-22-33") && summary.text().contains("Имя: Contact3003"), summary.text());
        assertFalse(summary.text().contains("из прошлой записи"), summary.text());

        Turn booked = press(CUSTOMER, summary.messageId(), "bk:ok");
        Outgoing question = booked.message();
        assertTrue(question.text().contains("+7 903 111-22-33"), question.text());
        assertTrue(tap(question.messageId(), "bk:rm:n").text().contains("не запоминаю"));

        // the old number stays remembered
        int next = walkToTimes();
        assertTrue(tap(next, "bk:t:20261201:0").text().contains("+7 916 123-45-67"));
    }

    @Test
    void rememberNoAsksForThePhoneNextTime() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing question = confirmAndGetRememberQuestion(walkToSummary());
        Outgoing no = tap(question.messageId(), "bk:rm:n");
        assertTrue(no.text().contains("не запоминаю"), no.text());
        assertTrue(bot.database().bookingStates().find(CUSTOMER).isEmpty(), "the phone is not kept in a draft either");
        assertTrue(tap(question.messageId(), "bk:rm:y").text().contains("устарел"), "a late Yes stores nothing");

        int flow = walkToTimes();
        Turn phoneStep = press(CUSTOMER, flow, "bk:t:20261201:0");
        assertTrue(phoneStep.edit().text().contains("Шаг 5 из 5"));
        assertTrue(phoneStep.message().asksForContact(), "the phone is asked for again");
    }

    @Test
    void forgetmeDeletesTheRememberedContactSoThePhoneIsAskedAgain() throws Exception {
        setUpCompany();
        mapHaircut();
        tap(confirmAndGetRememberQuestion(walkToSummary()).messageId(), "bk:rm:y");

        Outgoing forgotten = ask(CUSTOMER, "/forgetme");
        assertTrue(forgotten.text().contains("запомненные номер и имя"), forgotten.text());

        int flow = walkToTimes();
        Turn phoneStep = pickTime(flow, "bk:t:20261201:0");
        assertTrue(phoneStep.edit().text().contains("Шаг 5 из 5"), "consent asked again, then the phone");
        assertTrue(phoneStep.message().asksForContact());
    }
}
