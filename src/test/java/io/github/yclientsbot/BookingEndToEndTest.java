package io.github.yclientsbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-chat booking as a customer walks it, against the fake YCLIENTS: service → specialist → day → time → phone → confirm. */
class BookingEndToEndTest extends EndToEndBase {
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
    private Call walkToSummary() {
        Call list = ask(CUSTOMER, "/book");
        assertTrue(list.text().contains("Шаг 1 из 5"), list.text());
        String service = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        int flow = list.resultMessageId();

        Call staff = press(flow, service);
        assertTrue(staff.callbackData().containsAll(List.of("bk:st:0", "bk:st:" + ANNA, "bk:st:2290355")), staff.callbackData().toString());
        assertFalse(staff.callbackData().contains("bk:st:2290360"), "a specialist without online booking is not offered");
        assertTrue(staff.buttonTexts().contains("Любой специалист"));
        assertTrue(staff.callbackData().containsAll(List.of("bk:b", "bk:x")), "back and cancel on every step");

        Call days = press(flow, "bk:st:" + ANNA);
        assertTrue(days.text().contains("декабрь 2026"), days.text());
        assertTrue(days.callbackData().containsAll(List.of("bk:d:2026-12-01", "bk:d:2026-12-09")), days.callbackData().toString());
        assertFalse(days.callbackData().contains("bk:d:2026-12-03"), "a working day without free time is not offered");
        // a calendar grid, Monday first: 1 December 2026 is a Tuesday; only the two weeks with free days
        assertEquals(List.of("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс",
                " ", "1", "2", "·", "4", "5", "·",
                "·", "8", "9", "·", "·", "·", "·"), days.buttonTexts().subList(0, 21), days.buttonTexts().toString());
        List<Call> closed = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:n:d"));
        assertTrue(single(closed, "answercallbackquery").body().path("text").asText().contains("свободного времени нет"), closed.toString());
        assertTrue(only(closed, "editmessagetext").isEmpty(), "a closed day changes nothing");

        Call times = press(flow, "bk:d:2026-12-01");
        assertEquals(List.of("10:00", "11:30", "15:00"), times.buttonTexts().subList(0, 3));

        List<Call> contactStep = pickTime(flow, "bk:t:20261201:0");
        assertTrue(single(contactStep, "editmessagetext").text().contains("Шаг 5 из 5"));
        Call ask = single(contactStep, "sendmessage");
        JsonNode button = ask.body().path("reply_markup").path("keyboard").path(0).path(0);
        assertTrue(button.path("request_contact").asBoolean(), ask.body().toString());

        List<Call> shared = exchange(() -> telegram.sendContact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67"));
        List<Call> sent = only(shared, "sendmessage");
        assertEquals(2, sent.size(), shared.toString());
        assertTrue(sent.get(0).body().path("reply_markup").path("remove_keyboard").asBoolean(), "the share-contact keyboard is removed");
        Call summary = sent.get(1);
        for (String part : List.of("Женская стрижка", "Анна Соколова", "1 декабря 2026", "10:00", "Europe/Moscow", "+7 916 123-45-67", "2\u00A0500")) {
            assertTrue(summary.text().contains(part), part + " missing from " + summary.text());
        }
        assertTrue(summary.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), summary.callbackData().toString());
        return summary;
    }

    /** Presses a time; the first time ever, the privacy consent comes first and is given. Returns the phone step. */
    private List<Call> pickTime(int flow, String data) {
        List<Call> after = exchange(() -> telegram.pressButton(CUSTOMER, flow, data));
        Call edit = single(after, "editmessagetext");
        if (!edit.callbackData().contains("bk:agree")) {
            return after;
        }
        assertTrue(edit.text().contains("соглашаетесь") && edit.text().contains(FORM), edit.text());
        assertTrue(edit.buttonUrls().contains(FORM), "the policy (here the booking form's) is one tap away");
        assertEquals(List.of(), only(after, "sendmessage"), "no phone is asked for before the consent");
        return exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:agree"));
    }

    private Call press(int messageId, String data) {
        return single(exchange(() -> telegram.pressButton(CUSTOMER, messageId, data)), "editmessagetext");
    }

    @Test
    void aCustomerBooksInTheChatAndYclientsGetsCheckThenRecord() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();

        Call done = press(summary.resultMessageId(), "bk:ok");
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
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();
        yclients.on("POST", "/api/v1/book_record/" + COMPANY)
                .respond(502, "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Bad gateway\"}}");

        Call unknown = press(summary.resultMessageId(), "bk:ok");
        assertTrue(unknown.text().contains("не знаю, создана ли запись") && unknown.text().contains("+74951234567"), unknown.text());
        assertTrue(unknown.callbackData().isEmpty(), "no Confirm again: " + unknown.callbackData());
        assertTrue(app.database().bookingStates().find(CUSTOMER).isEmpty(), "the conversation is over");
        // a second tap on the old Confirm books nothing
        List<Call> again = exchange(() -> telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok"));
        assertTrue(only(again, "answercallbackquery").size() == 1, again.toString());
        assertEquals(1, yclients.requests("POST", "/api/v1/book_record/" + COMPANY).size(), "book_record is never sent twice");
    }

    @Test
    void aSummaryLeftOnScreenAfterAnotherTimeWasChosenBooksNothing() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();
        String oldConfirm = summary.callbackData().stream().filter(d -> d.startsWith("bk:ok:")).findFirst().orElseThrow();
        // back to the times and 11:30 instead: the phone is known, so the summary comes again (edited in place)
        press(summary.resultMessageId(), "bk:b");
        Call changed = press(summary.resultMessageId(), "bk:t:20261201:1");
        assertTrue(changed.text().contains("11:30"), changed.text());
        String newConfirm = changed.callbackData().stream().filter(d -> d.startsWith("bk:ok:")).findFirst().orElseThrow();
        assertFalse(newConfirm.equals(oldConfirm), "the stamp follows what the summary shows");

        List<Call> stale = exchange(() -> telegram.pressButton(CUSTOMER, summary.resultMessageId(), oldConfirm));
        assertTrue(single(stale, "answercallbackquery").body().path("text").asText().contains("устарела"), stale.toString());
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).isEmpty(), "the 10:00 summary booked nothing");

        Call done = press(summary.resultMessageId(), newConfirm);
        assertTrue(done.text().contains("Вы записаны") && done.text().contains("11:30"), done.text());
    }

    @Test
    void anOldCancelAfterTheBookingSaysNothingWasCancelled() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();
        Call question = confirmAndGetRememberQuestion(summary);
        press(question.resultMessageId(), "bk:rm:n");

        Call old = press(summary.resultMessageId(), "bk:x");
        assertTrue(old.text().contains("ничего не отменила") && old.text().contains("/mybookings"), old.text());
        assertEquals(1, app.database().bookingReferences().forUser(CUSTOMER).size(), "the booking stands");
    }

    @Test
    void cancellingAtThePhoneStepTakesTheShareButtonAwayAndALateContactIsNotKept() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call list = ask(CUSTOMER, "/book");
        int flow = list.resultMessageId();
        press(flow, list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow());
        press(flow, "bk:st:" + ANNA);
        press(flow, "bk:d:2026-12-01");
        pickTime(flow, "bk:t:20261201:0");

        List<Call> cancelled = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:x"));
        assertTrue(single(cancelled, "editmessagetext").text().contains("Запись отменена"));
        Call removed = single(cancelled, "sendmessage");
        assertTrue(removed.body().path("reply_markup").path("remove_keyboard").asBoolean(), removed.body().toString());

        // the button tapped anyway (an old keyboard on another device): not kept, the keyboard goes
        List<Call> late = exchange(() -> telegram.sendContact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67"));
        Call answer = single(late, "sendmessage");
        assertTrue(answer.text().contains("не сохранил"), answer.text());
        assertTrue(answer.body().path("reply_markup").path("remove_keyboard").asBoolean(), answer.body().toString());
        assertNowhere("79161234567");
    }

    @Test
    void aConfirmedBookingIsRememberedAndComesWithACalendarFile() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();

        List<Call> confirmed = exchange(() -> telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok"));
        assertTrue(single(confirmed, "editmessagetext").text().contains("Вы записаны"));
        Call file = single(confirmed, "senddocument");
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

        var refs = app.database().bookingReferences().forUser(CUSTOMER);
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
        Call summary = walkToSummary();
        press(summary.resultMessageId(), "bk:ok");
        app.database().bookingReferences().add(CUSTOMER, COMPANY, 111, "0a0b0c0d0e0f", "2026-01-10T10:00:00+03:00");
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"" + DATETIME
                + "\",\"seance_length\":3600,\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
    }

    /** /mybookings, then Cancel on the one upcoming booking; returns the yes/no question. */
    private Call askToCancel() {
        Call list = ask(CUSTOMER, "/mybookings");
        for (String part : List.of("Женская стрижка", "Анна Соколова", "1 декабря 2026", "10:00")) {
            assertTrue(list.text().contains(part), part + " missing from " + list.text());
        }
        assertEquals(1, list.callbackData().size(), "the past booking is not listed: " + list.callbackData());
        assertTrue(yclients.requests("GET", "/api/v1/book_record/" + COMPANY + "/111/0a0b0c0d0e0f").isEmpty(),
                "a past booking is not even read back");
        Call question = press(list.resultMessageId(), list.callbackData().get(0));
        assertTrue(question.text().contains("Отменить запись") && question.text().contains("1 декабря 2026"), question.text());
        assertEquals(2, question.callbackData().size());
        assertTrue(yclients.requests("DELETE", CANCEL).isEmpty(), "nothing is cancelled before yes");
        return question;
    }

    @Test
    void myBookingsListsTheUpcomingOnesAndCancelsOnlyAfterYclientsAccepted() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        bookAndReadBack();
        yclients.on("DELETE", CANCEL).respond(200, "{\"success\":true,\"data\":null,\"meta\":[]}");

        Call no = press(askToCancel().resultMessageId(), "bk:my:n");
        assertTrue(no.text().contains("остаётся"), no.text());
        assertTrue(yclients.requests("DELETE", CANCEL).isEmpty());

        Call question = askToCancel();
        String yes = question.callbackData().stream().filter(d -> d.startsWith("bk:my:y:")).findFirst().orElseThrow();
        Call done = press(question.resultMessageId(), yes);
        assertTrue(done.text().contains("отменена"), done.text());
        assertEquals(1, yclients.requests("DELETE", CANCEL).size());
        assertEquals(List.of(111L), app.database().bookingReferences().forUser(CUSTOMER).stream()
                .map(r -> r.recordId()).toList(), "the cancelled booking's reference is deleted");
        assertTrue(ask(CUSTOMER, "/mybookings").text().contains("Предстоящих записей"));
        assertNowhere("9f2c4e1ab07d5e3c8a61b4f0d2e7c915");
    }

    @Test
    void myBookingsSaysItCannotCheckWhenYclientsRefusesAndSkipsOnlyABookingThatIsGone() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        bookAndReadBack();

        for (int status : List.of(401, 403)) {
            yclients.on("GET", RECORD).respond(status,
                    "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Недостаточно прав\"}}");
            Call refused = ask(CUSTOMER, "/mybookings");
            assertTrue(refused.text().contains("не отвечает"), status + ": " + refused.text());
            assertFalse(refused.text().contains("Предстоящих записей"), status + " is not 'you have no bookings'");
            assertEquals(List.of(FORM), refused.buttonUrls().stream().map(u -> u.substring(0, FORM.length())).toList());
        }
        assertEquals(2, app.database().bookingReferences().forUser(CUSTOMER).size(), "nothing is forgotten on a refusal");
        assertTrue(logs.text().contains("record 784512093 not readable"), "the refusal is logged as a warning");

        yclients.on("GET", RECORD).respond(404,
                "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Запись не найдена\"}}");
        assertTrue(ask(CUSTOMER, "/mybookings").text().contains("Предстоящих записей"), "a booking YCLIENTS no longer has is skipped");
        assertNowhere("9f2c4e1ab07d5e3c8a61b4f0d2e7c915");
    }

    @Test
    void aRefusedCancellationGivesThePhoneAndTheFormAndForgetmeDeletesTheReferences() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        bookAndReadBack();
        yclients.on("DELETE", CANCEL).respond(422,
                "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Cancellation is not possible\"}}");

        Call question = askToCancel();
        String yes = question.callbackData().stream().filter(d -> d.startsWith("bk:my:y:")).findFirst().orElseThrow();
        Call refused = press(question.resultMessageId(), yes);
        assertTrue(refused.text().contains("не дал отменить") && refused.text().contains("+74951234567"), refused.text());
        assertFalse(refused.text().contains("отменена"), refused.text());
        assertTrue(refused.buttonUrls().stream().anyMatch(u -> u.startsWith(FORM)), refused.buttonUrls().toString());
        assertEquals(2, app.database().bookingReferences().forUser(CUSTOMER).size(), "kept: the booking still stands");

        assertTrue(ask(CUSTOMER, "/forgetme").text().contains("удалил"));
        assertTrue(app.database().bookingReferences().forUser(CUSTOMER).isEmpty(), "/forgetme deletes the references");
    }

    @Test
    void twoQuickTapsOnConfirmBookOnce() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();
        List<Call> calls = exchange(() -> {
            telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok");
            telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok");
        });
        assertEquals(1, yclients.requests("POST", "/api/v1/book_record/" + COMPANY).size());
        assertTrue(only(calls, "editmessagetext").get(0).text().contains("Вы записаны"));
    }

    @Test
    void theSlotTakenBetweenChoosingAndConfirmingOffersTheNearestFreeTimes() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();
        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respondWithFixture(422, "book_check-433.json");

        Call gone = press(summary.resultMessageId(), "bk:ok");
        assertTrue(gone.text().contains("только что заняли") && gone.text().contains("Ближайшее свободное время"), gone.text());
        assertEquals(List.of("11:30", "15:00"), gone.buttonTexts().subList(0, 2));
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).isEmpty(), "nothing booked after a failed check");

        // the customer picks 11:30: the number is remembered, straight to the summary, and booking works
        Call again = press(summary.resultMessageId(), "bk:t:20261201:0");
        assertTrue(again.text().contains("11:30") && again.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), again.text());
    }

    @Test
    void eachBookingErrorCodeHasItsOwnMessage() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        // 432 (wrong SMS code) is not here: without a code it starts the SMS confirmation (BookingSmsEndToEndTest)
        Map<Integer, String> expected = Map.of(431, "не принял номер", 434, "нельзя",
                435, "нужно имя", 437, "пересекаются друг с другом", 438, "больше недоступна");
        for (var e : expected.entrySet()) {
            Call summary = walkToSummary();
            yclients.on("POST", "/api/v1/book_record/" + COMPANY).respond(422,
                    "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"x\",\"errors\":[{\"code\":" + e.getKey() + ",\"message\":\"x\"}]}}");
            Call answer = press(summary.resultMessageId(), "bk:ok");
            assertTrue(answer.text().contains(e.getValue()), e.getKey() + ": " + answer.text());
        }
        // the old error shape ({"errors": {...}}) is understood as well
        Call summary = walkToSummary();
        yclients.on("POST", "/api/v1/book_record/" + COMPANY).respondWithFixture(422, "book_record-437-old-shape.json");
        assertTrue(press(summary.resultMessageId(), "bk:ok").text().contains("пересекаются"));
    }

    @Test
    void anyoneElsesContactIsRefusedAndATypedNumberIsNormalised() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call list = ask(CUSTOMER, "/book");
        int flow = list.resultMessageId();
        press(flow, list.callbackData().get(0));
        press(flow, "bk:st:0");
        press(flow, "bk:d:2026-12-01");
        pickTime(flow, "bk:t:20261201:1");

        Call foreign = single(exchange(() -> telegram.sendContact(CUSTOMER, 4242L, "+79990001122")), "sendmessage");
        assertTrue(foreign.text().contains("не ваш контакт"), foreign.text());
        Call bad = ask(CUSTOMER, "12345");
        assertTrue(bad.text().contains("Не похоже на номер"), bad.text());
        List<Call> typed = exchange(() -> telegram.sendPrivateText(CUSTOMER, "8 916 123 45 67"));
        Call summary = only(typed, "sendmessage").get(1);
        assertTrue(summary.text().contains("+7 916 123-45-67") && summary.text().contains("Любой специалист"), summary.text());
        press(summary.resultMessageId(), "bk:ok");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("79161234567", record.path("phone").asText());
        assertEquals(0, record.path("appointments").path(0).path("staff_id").asLong());
    }

    @Test
    void aRestartMidFlowContinuesWhereTheCustomerWas() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call list = ask(CUSTOMER, "/book");
        int flow = list.resultMessageId();
        press(flow, list.callbackData().get(0));
        press(flow, "bk:st:" + ANNA);

        stopBot();
        startBot();
        Call times = press(flow, "bk:d:2026-12-01");
        assertTrue(times.text().contains("Шаг 4 из 5") && times.text().contains("Анна Соколова"), times.text());
        Call back = press(flow, "bk:b");
        assertTrue(back.text().contains("Шаг 3 из 5"), back.text());
        Call cancelled = press(flow, "bk:x");
        assertTrue(cancelled.text().contains("Запись отменена"), cancelled.text());
        List<Call> stale = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:d:2026-12-01"));
        assertTrue(single(stale, "editmessagetext").text().contains("/book"));
    }

    @Test
    void theServiceListHasBookHereBesideTheFormLinkAndGroupsGetADeepLink() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call list = ask(CUSTOMER, "/services");
        assertEquals(List.of(link(FORM, 13700211, 0)), list.buttonUrls());
        String here = list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow();
        Call staff = press(list.resultMessageId(), here);
        assertTrue(staff.text().contains("Шаг 2 из 5"), staff.text());
        assertTrue(staff.buttonUrls().contains(link(FORM, 13700211, 0)), "the form stays available as a fallback");

        String deepLink = "https://t.me/" + io.github.yclientsbot.testing.FakeTelegramServer.BOT_USERNAME + "?start=book";
        Call group = askInGroup(CUSTOMER, "/book");
        assertEquals(List.of(deepLink), group.buttonUrls());
        assertTrue(ask(CUSTOMER, "/start book").text().contains("Шаг 1 из 5"));

        // in a group "📅 Here" cannot book there: it is the link into the private chat, beside the form link
        Call groupList = askInGroup(CUSTOMER, "/services");
        assertEquals(List.of(link(FORM, 13700211, 0), deepLink), groupList.buttonUrls());
        assertTrue(groupList.buttonTexts().contains("📅 В личном чате"), groupList.buttonTexts().toString());
        assertTrue(groupList.callbackData().stream().noneMatch(d -> d.startsWith("bk:")), groupList.callbackData().toString());

        // booking in the chat only: in a group the service buttons themselves are that link
        assertTrue(ask(ADMIN, "/bookingmode chat").text().contains("прямо в чате"));
        Call chatOnly = askInGroup(CUSTOMER, "/services");
        assertEquals(List.of(deepLink), chatOnly.buttonUrls());
        assertTrue(chatOnly.buttonTexts().stream().anyMatch(t -> t.contains("Женская стрижка")), chatOnly.buttonTexts().toString());
        assertTrue(chatOnly.callbackData().stream().noneMatch(d -> d.startsWith("bk:")), chatOnly.callbackData().toString());
        // in the private chat the service buttons still start the booking right there
        Call privateList = ask(CUSTOMER, "/services");
        assertEquals(List.of(), privateList.buttonUrls());
        assertTrue(privateList.callbackData().stream().anyMatch(d -> d.startsWith("bk:svc:")), privateList.callbackData().toString());
    }

    @Test
    void yclientsDownGivesAClearMessageAndTheForm() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call list = ask(CUSTOMER, "/book");
        int flow = list.resultMessageId();
        press(flow, list.callbackData().get(0));
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respond(503, "<html>down</html>");
        Call down = press(flow, "bk:st:0");
        assertTrue(down.text().contains("не отвечает"), down.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), down.buttonUrls());
    }

    @Test
    void consentComesBeforeThePhoneIsStoredOnceAndForgetmeDeletesIt() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        walkToSummary();
        var consents = app.database().bookingConsents();
        assertTrue(consents.find(CUSTOMER).isPresent(), "the consent is stored with its time");

        // the next booking does not ask again
        Call list = ask(CUSTOMER, "/book");
        int flow = list.resultMessageId();
        press(flow, list.callbackData().get(0));
        press(flow, "bk:st:0");
        press(flow, "bk:d:2026-12-01");
        List<Call> direct = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:t:20261201:0"));
        assertTrue(single(direct, "editmessagetext").text().contains("Шаг 5 из 5"));

        Call forgotten = ask(CUSTOMER, "/forgetme");
        assertTrue(forgotten.text().contains("удалил"), forgotten.text());
        assertTrue(consents.find(CUSTOMER).isEmpty());
        List<Call> stale = exchange(() -> telegram.sendPrivateText(CUSTOMER, "+7 916 123-45-67"));
        assertTrue(single(stale, "sendmessage").text().contains("/services"), "the conversation is gone too");
    }

    /** /book with any specialist up to the time list of 1 December; returns the flow message. */
    private int walkToTimes() {
        Call list = ask(CUSTOMER, "/book");
        int flow = list.resultMessageId();
        press(flow, list.callbackData().get(0));
        press(flow, "bk:st:0");
        press(flow, "bk:d:2026-12-01");
        return flow;
    }

    /** Confirms the summary; returns the "remember this number?" question that follows the booking. */
    private Call confirmAndGetRememberQuestion(Call summary) {
        List<Call> confirmed = exchange(() -> telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok"));
        assertTrue(single(confirmed, "editmessagetext").text().contains("Вы записаны"));
        Call question = single(confirmed, "sendmessage");
        assertTrue(question.text().contains("Запомнить номер +7 916 123-45-67"), question.text());
        assertEquals(List.of("bk:rm:y", "bk:rm:n"), question.callbackData());
        return question;
    }

    @Test
    void refusingTheConsentAsksNoPhoneStoresNothingAndOffersTheForm() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        List<Call> consentStep = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:t:20261201:0"));
        Call consentView = single(consentStep, "editmessagetext");
        assertTrue(consentView.callbackData().contains("bk:agree"), consentView.callbackData().toString());
        assertTrue(consentView.buttonUrls().contains(link(FORM, 13700211, 0)), "the form is offered beside the consent");

        // Back: to the times, no phone asked for
        List<Call> back = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:b"));
        assertTrue(single(back, "editmessagetext").text().contains("Шаг 4 из 5"));
        assertEquals(List.of(), only(back, "sendmessage"), "no phone is asked for");

        // the same time again asks for the consent again; Cancel ends it with the form
        assertTrue(press(flow, "bk:t:20261201:0").callbackData().contains("bk:agree"));
        List<Call> cancelled = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:x"));
        Call declined = single(cancelled, "editmessagetext");
        assertTrue(declined.text().contains("без вашего согласия") && declined.text().contains("ничего не сохраняю"), declined.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), declined.buttonUrls());
        assertEquals(List.of(), only(cancelled, "sendmessage"), "no phone is asked for");

        assertTrue(app.database().bookingConsents().find(CUSTOMER).isEmpty(), "no consent row");
        assertTrue(app.database().bookingStates().find(CUSTOMER).isEmpty(), "the conversation is over");
        List<Call> phone = exchange(() -> telegram.sendPrivateText(CUSTOMER, "+7 916 123-45-67"));
        assertTrue(single(phone, "sendmessage").text().contains("/services"), "a number typed now is not taken");
        assertTrue(telegram.calls().stream().noneMatch(c -> c.body().path("reply_markup").has("keyboard")),
                "the share-contact keyboard was never shown");
        assertTrue(yclients.requests().stream().noneMatch(r -> r.method().equals("POST")));
    }

    @Test
    void someoneElsesContactLeavesTheCustomerAtThePhoneStep() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");

        Call foreign = single(exchange(() -> telegram.sendContact(CUSTOMER, 4242L, "+79990001122")), "sendmessage");
        assertTrue(foreign.text().contains("не ваш контакт"), foreign.text());
        assertTrue(foreign.body().path("reply_markup").path("keyboard").path(0).path(0).path("request_contact").asBoolean(),
                "the share-contact button is offered again");
        assertTrue(app.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("\"step\":\"CONTACT\""));
        assertFalse(app.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("79990001122"));
        Call notAUser = single(exchange(() -> telegram.sendContact(CUSTOMER, null, "+79990001122")), "sendmessage");
        assertTrue(notAUser.text().contains("не ваш контакт"), "a card of no Telegram user is refused too: " + notAUser.text());
        assertTrue(app.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("\"step\":\"CONTACT\""));
    }

    @Test
    void aSharedContactFromAbroadWithoutPlusIsTaken() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");

        // Telegram sends a contact's number without "+"; this one is Ukrainian
        List<Call> shared = exchange(() -> telegram.sendContact(CUSTOMER, CUSTOMER, "380501234567"));
        List<Call> sent = only(shared, "sendmessage");
        assertEquals(2, sent.size(), shared.toString());
        assertTrue(sent.get(0).text().contains("+380501234567"), sent.get(0).text());
        press(sent.get(1).resultMessageId(), "bk:ok");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("380501234567", record.path("phone").asText());
    }

    @Test
    void noSpecialistFreeAnyMore436OffersTheNearestFreeTimes() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        pickTime(flow, "bk:t:20261201:0");
        Call summary = only(exchange(() -> telegram.sendPrivateText(CUSTOMER, "+7 916 123-45-67")), "sendmessage").get(1);
        assertTrue(summary.text().contains("Любой специалист"), summary.text());
        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respond(422,
                "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"x\",\"errors\":[{\"code\":436,"
                        + "\"message\":\"Нет свободных сотрудников\"}]}}");

        Call gone = press(summary.resultMessageId(), "bk:ok");
        assertTrue(gone.text().contains("нет свободных специалистов") && gone.text().contains("Ближайшее свободное время"), gone.text());
        assertEquals(List.of("11:30", "15:00"), gone.buttonTexts().subList(0, 2));
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).isEmpty(), "nothing booked after a failed check");

        yclients.on("POST", "/api/v1/book_check/" + COMPANY).respondWithFixture(201, "book_check-ok.json");
        Call again = press(summary.resultMessageId(), "bk:t:20261201:0");
        assertTrue(again.text().contains("11:30") && again.callbackData().stream().anyMatch(d -> d.startsWith("bk:ok:")), again.text());
        assertTrue(press(summary.resultMessageId(), "bk:ok").text().contains("Вы записаны"));
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals(0, record.path("appointments").path(0).path("staff_id").asLong());
        assertEquals("2026-12-01T11:30:00+03:00", record.path("appointments").path(0).path("datetime").asText());
    }

    @Test
    void theNameFromTheProfileCanBeChangedAndABadOneIsRefused() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call summary = walkToSummary();
        assertTrue(summary.text().contains("Имя: Contact3003"), "the shared contact's name: " + summary.text());
        assertTrue(summary.callbackData().containsAll(List.of("bk:nm", "bk:ph")), summary.callbackData().toString());

        Call asked = press(summary.resultMessageId(), "bk:nm");
        assertTrue(asked.text().contains("Как салону к вам обращаться") && asked.text().contains("Contact3003"), asked.text());
        assertTrue(press(summary.resultMessageId(), "bk:b").text().contains("Проверьте запись"), "Back returns to the summary");
        press(summary.resultMessageId(), "bk:nm");

        Map<String, String> refused = Map.of(
                "Я", "от 2 до 60",
                "x".repeat(61), "от 2 до 60",
                "12345 !!!", "хотя бы одна буква",
                "Анна https://spam.example", "ссылок",
                "Анна t.me/spam", "ссылок",
                "anna@mail.ru", "ссылок",
                "Анна\nМария", "одной строкой");
        for (var e : refused.entrySet()) {
            Call bad = ask(CUSTOMER, e.getKey());
            assertTrue(bad.text().contains(e.getValue()), e.getKey() + " → " + bad.text());
            assertTrue(bad.callbackData().isEmpty(), "no summary for a bad name");
        }
        List<Call> typed = exchange(() -> telegram.sendPrivateText(CUSTOMER, "  Мария   Иванова-Петрова "));
        Call again = single(typed, "sendmessage");
        assertTrue(again.text().contains("Проверьте запись") && again.text().contains("Имя: Мария Иванова-Петрова"), again.text());
        assertTrue(again.text().contains("+7 916 123-45-67"), "the phone stays: " + again.text());

        press(again.resultMessageId(), "bk:ok");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("Мария Иванова-Петрова", record.path("fullname").asText());
        assertEquals("79161234567", record.path("phone").asText());
    }

    @Test
    void rememberYesSkipsThePhoneNextTimeAndSurvivesARestart() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call question = confirmAndGetRememberQuestion(walkToSummary());
        Call saved = press(question.resultMessageId(), "bk:rm:y");
        assertTrue(saved.text().contains("Запомнил") && saved.text().contains("+7 916 123-45-67"), saved.text());
        assertTrue(app.database().bookingStates().find(CUSTOMER).isEmpty(), "the finished booking's draft is gone");

        stopBot();
        startBot();
        int flow = walkToTimes();
        List<Call> direct = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:t:20261201:1"));
        Call summary = single(direct, "editmessagetext");
        assertEquals(List.of(), only(direct, "sendmessage"), "no phone is asked for");
        for (String part : List.of("Проверьте запись", "11:30", "+7 916 123-45-67", "Имя: Contact3003", "из прошлой записи", "Другой номер")) {
            assertTrue(summary.text().contains(part), part + " missing from " + summary.text());
        }
        assertTrue(summary.callbackData().containsAll(List.of("bk:ph", "bk:nm")), summary.callbackData().toString());
        String confirm = summary.callbackData().stream().filter(d -> d.startsWith("bk:ok:")).findFirst().orElseThrow();

        List<Call> booked = exchange(() -> telegram.pressButton(CUSTOMER, flow, confirm));
        assertTrue(single(booked, "editmessagetext").text().contains("Вы записаны"));
        assertEquals(List.of(), only(booked, "sendmessage"), "the same number and name: nothing to ask");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(1).body());
        assertEquals("79161234567", record.path("phone").asText());
        assertEquals("Contact3003", record.path("fullname").asText());
        assertNowhere("79161234567");
    }

    @Test
    void anotherNumberThanTheRememberedOneKeepsTheNameAndIsOfferedToBeRemembered() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        press(confirmAndGetRememberQuestion(walkToSummary()).resultMessageId(), "bk:rm:y");

        int flow = walkToTimes();
        press(flow, "bk:t:20261201:0");
        List<Call> other = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:ph"));
        assertTrue(single(other, "editmessagetext").text().contains("Шаг 5 из 5"));
        assertTrue(single(other, "sendmessage").body().path("reply_markup").path("keyboard").path(0).path(0)
                .path("request_contact").asBoolean());
        Call summary = only(exchange(() -> telegram.sendPrivateText(CUSTOMER, "+7 903 111-22-33")), "sendmessage").get(1);
        assertTrue(summary.text().contains("+7 903 111-22-33") && summary.text().contains("Имя: Contact3003"), summary.text());
        assertFalse(summary.text().contains("из прошлой записи"), summary.text());

        List<Call> booked = exchange(() -> telegram.pressButton(CUSTOMER, summary.resultMessageId(), "bk:ok"));
        Call question = single(booked, "sendmessage");
        assertTrue(question.text().contains("+7 903 111-22-33"), question.text());
        assertTrue(press(question.resultMessageId(), "bk:rm:n").text().contains("не запоминаю"));

        // the old number stays remembered
        int next = walkToTimes();
        assertTrue(press(next, "bk:t:20261201:0").text().contains("+7 916 123-45-67"));
    }

    @Test
    void rememberNoAsksForThePhoneNextTime() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        Call question = confirmAndGetRememberQuestion(walkToSummary());
        Call no = press(question.resultMessageId(), "bk:rm:n");
        assertTrue(no.text().contains("не запоминаю"), no.text());
        assertTrue(app.database().bookingStates().find(CUSTOMER).isEmpty(), "the phone is not kept in a draft either");
        assertTrue(press(question.resultMessageId(), "bk:rm:y").text().contains("устарел"), "a late Yes stores nothing");

        int flow = walkToTimes();
        List<Call> phoneStep = exchange(() -> telegram.pressButton(CUSTOMER, flow, "bk:t:20261201:0"));
        assertTrue(single(phoneStep, "editmessagetext").text().contains("Шаг 5 из 5"));
        assertTrue(single(phoneStep, "sendmessage").body().path("reply_markup").path("keyboard").path(0).path(0)
                .path("request_contact").asBoolean(), "the phone is asked for again");
    }

    @Test
    void forgetmeDeletesTheRememberedContactSoThePhoneIsAskedAgain() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        press(confirmAndGetRememberQuestion(walkToSummary()).resultMessageId(), "bk:rm:y");

        Call forgotten = ask(CUSTOMER, "/forgetme");
        assertTrue(forgotten.text().contains("запомненные номер и имя"), forgotten.text());

        int flow = walkToTimes();
        List<Call> phoneStep = pickTime(flow, "bk:t:20261201:0");
        assertTrue(single(phoneStep, "editmessagetext").text().contains("Шаг 5 из 5"), "consent asked again, then the phone");
        assertTrue(single(phoneStep, "sendmessage").body().path("reply_markup").path("keyboard").path(0).path(0)
                .path("request_contact").asBoolean());
    }
}
