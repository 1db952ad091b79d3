package io.github.yclientsbot.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the bot keeps of a customer who books in the chat, and what they can do with it: the privacy consent, the
 * name, the number remembered only after Yes, /forgetme, the calendar file, /mybookings and cancelling there.
 */
class CustomerDataScenarioTest extends InChatBookingBase {
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
    void aNameFromTheProfileOrASharedContactIsCheckedLikeATypedOne() throws Exception {
        setUpCompany();
        mapHaircut();
        // a shared contact named with emoji only, from a profile whose name is a link: neither is a name
        toContactStep();
        Outgoing summary = bot.send(Incoming.contact(1, CUSTOMER, ChatType.PRIVATE, CUSTOMER, "https://spam.example", "ru",
                7001, new Incoming.Contact("+79161234567", "💅💅", null, CUSTOMER))).messages().get(1);
        assertTrue(summary.text().contains("Имя: Клиент Telegram"), summary.text());
        assertTrue(summary.callbackData().contains("bk:nm"), "the name can be changed right there");
        tap(summary.messageId(), "bk:ok");
        JsonNode record = mapper.readTree(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).get(0).body());
        assertEquals("Клиент Telegram", record.path("fullname").asText(), "YCLIENTS gets no link as a name");

        // a contact named with one letter: the profile's name, which passes, is taken instead
        press(CUSTOMER, summary.messageId(), "bk:rm:n");
        toContactStep();
        Outgoing second = bot.send(Incoming.contact(2, CUSTOMER, ChatType.PRIVATE, CUSTOMER, "  Мария ", "ru", 7002,
                new Incoming.Contact("+79161234567", "Я", null, CUSTOMER))).messages().get(1);
        assertTrue(second.text().contains("Имя: Мария\n") || second.text().contains("Имя: Мария"), second.text());
        tap(second.messageId(), "bk:x");

        // a typed number from a profile named "t.me/…": the neutral name
        toContactStep();
        Outgoing typed = bot.send(Incoming.text(3, CUSTOMER, ChatType.PRIVATE, CUSTOMER, "t.me/spam_shop", "ru", 7003,
                "+7 916 123-45-67")).messages().get(1);
        assertTrue(typed.text().contains("Имя: Клиент Telegram"), typed.text());
    }

    /** /book with Анна at 10:00 on 1 December, up to the phone step; returns the flow message. */
    private int toContactStep() {
        Outgoing list = ask(CUSTOMER, "/book");
        int flow = list.messageId();
        tap(flow, list.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).findFirst().orElseThrow());
        tap(flow, "bk:st:" + ANNA);
        tap(flow, "bk:d:2026-12-01");
        assertTrue(pickTime(flow, "bk:t:20261201:0").message().asksForContact());
        return flow;
    }

    @Test
    void myBookingsPagesWhenLongAndReadsBackOnlyTheShownPage() throws Exception {
        setUpCompany();
        mapHaircut();
        // seven upcoming bookings made in chat, kept in another order than their times
        for (int i : new int[]{6, 2, 0, 4, 1, 5, 3}) {
            String at = "2026-12-%02dT10:00:00+03:00".formatted(i + 1);
            long record = 900_000 + i;
            bot.database().bookingReferences().add(CUSTOMER, COMPANY, record, "hash" + i, at);
            yclients.on("GET", "/api/v1/book_record/" + COMPANY + "/" + record + "/hash" + i).respond(200,
                    "{\"success\":true,\"data\":{\"id\":" + record + ",\"datetime\":\"" + at + "\",\"seance_length\":3600,"
                            + "\"services\":[{\"id\":13700211,\"title\":\"Стрижка " + (i + 1) + "\"}],"
                            + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
        }

        Outgoing first = ask(CUSTOMER, "/mybookings");
        assertTrue(first.text().contains("1. вторник, 1 декабря 2026, 10:00\nСтрижка 1") && first.text().contains("5. суббота, 5 декабря"),
                first.text());
        assertFalse(first.text().contains("Стрижка 6"), first.text());
        assertTrue(first.text().contains("Страница 1 из 2"), first.text());
        assertEquals(List.of("🔁 1: другое время", "Отменить 1: 1 дек., 10:00", "🔁 2: другое время",
                "Отменить 2: 2 дек., 10:00", "🔁 3: другое время", "Отменить 3: 3 дек., 10:00", "🔁 4: другое время",
                "Отменить 4: 4 дек., 10:00", "🔁 5: другое время", "Отменить 5: 5 дек., 10:00", "1/2", "›"),
                first.buttonTexts());
        assertEquals(5, yclients.requests().stream().filter(r -> r.path().startsWith("/api/v1/book_record/")).count(),
                "only the shown page is read back");

        // › edits the list in place: the last two, numbered on
        Outgoing second = tap(first.messageId(), first.callbackData().get(first.callbackData().size() - 1));
        assertTrue(second.text().contains("6. воскресенье, 6 декабря") && second.text().contains("7. понедельник, 7 декабря"),
                second.text());
        assertFalse(second.text().contains("Стрижка 5"), second.text());
        assertEquals(List.of("🔁 6: другое время", "Отменить 6: 6 дек., 10:00", "🔁 7: другое время",
                "Отменить 7: 7 дек., 10:00", "‹", "2/2"), second.buttonTexts());
        // Cancel on the second page asks about that booking
        Outgoing ask = tap(first.messageId(), second.callbackData().get(3));
        assertTrue(ask.text().contains("Отменить запись на понедельник, 7 декабря"), ask.text());

        // ‹ goes back; a page number out of range (an old list after cancellations) shows the last page there is
        assertTrue(tap(first.messageId(), second.callbackData().get(4)).text().contains("Страница 1 из 2"));
        assertTrue(tap(first.messageId(), "bk:my:p:9").text().contains("Страница 2 из 2"));
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
