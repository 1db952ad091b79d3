package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin commands as an admin types them: bad input, booking form, on/off, /yservices, pages, /yclogin. */
class AdminCommandsScenarioTest extends ScenarioBase {

    @Test
    void malformedCommandsGetTheirUsageAndChangeNothing() throws Exception {
        setUpCompany();
        mapHaircut();
        String before = settingsPart(ask(ADMIN, "/status").text());
        assertEquals(7, before.lines().count(), before);

        assertTrue(ask(ADMIN, "/setcompany abc").text().startsWith("Использование: /setcompany"));
        assertTrue(ask(ADMIN, "/setcompany").text().startsWith("Использование: /setcompany"));
        assertTrue(ask(ADMIN, "/setservice").text().startsWith("Использование: /setservice"));
        assertTrue(ask(ADMIN, "/setservice 13700215 staff=abc").text().startsWith("Использование: /setservice"));
        assertTrue(ask(ADMIN, "/delservice x").text().startsWith("Использование: /delservice"));
        assertTrue(ask(ADMIN, "/delservice").text().startsWith("Использование: /delservice"));
        assertTrue(ask(ADMIN, "/unset foo").text().startsWith("Использование: /unset"));
        assertTrue(ask(ADMIN, "/unset").text().startsWith("Использование: /unset"));
        assertTrue(ask(ADMIN, "/setbookingurl").text().startsWith("Использование: /setbookingurl"));
        Outgoing notUrl = ask(ADMIN, "/setbookingurl not-a-url");
        assertTrue(notUrl.text().contains("Это не веб-адрес") && notUrl.text().contains("Ничего не сохранено"), notUrl.text());
        Outgoing journal = ask(ADMIN, "/setbookingurl https://yclients.com/timetable/502817");
        assertTrue(journal.text().contains("журнал сотрудников") && journal.text().contains("Ничего не сохранено"), journal.text());
        Turn missingToken = say(ADMIN, "/settoken partner");
        assertTrue(missingToken.message().text().startsWith("Использование: /settoken"));
        assertTrue(ask(ADMIN, "/settoken sideways " + PARTNER).text().startsWith("Использование: /settoken"));
        assertTrue(ask(ADMIN, "/settoken partner short").text().contains("не похоже на токен"));
        assertTrue(ask(ADMIN, "/setservice 13700215 " + "Очень длинное название ".repeat(5)).text().contains("слишком длинное"));
        Outgoing english = askInLanguage(ADMIN, "en", "/setcompany abc");
        assertTrue(english.text().startsWith("Usage: /setcompany"), english.text());

        // nothing changed: same company, form, tokens, buttons and audit trail; customers see the same list
        assertEquals(before, settingsPart(ask(ADMIN, "/status").text()));
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());
        // the token messages were deleted even though they were malformed (they may hold a secret)
        List<Outgoing> deletes = bot.history().stream().filter(Outgoing::isDelete).toList();
        assertTrue(deletes.size() >= 2, deletes.toString());
    }

    @Test
    void bookingModeIsSwitchedInChatAndCustomersSeeItAtOnce() throws Exception {
        setUpCompany();
        mapHaircut();
        // default "both": the form link and "📅 Здесь" side by side
        Outgoing both = ask(CUSTOMER, "/services");
        assertEquals(List.of(link(FORM, 13700211, 0)), both.buttonUrls());
        assertEquals(1, both.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).count(), both.callbackData().toString());
        Outgoing now = ask(ADMIN, "/bookingmode");
        assertTrue(now.text().contains("Способ записи сейчас: both (источник: по умолчанию)") && now.text().contains("Использование: /bookingmode"),
                now.text());

        // bad input: the usage line, nothing saved, nothing in the audit trail
        assertTrue(ask(ADMIN, "/bookingmode sometimes").text().startsWith("Использование: /bookingmode"));
        assertTrue(ask(ADMIN, "/bookingmode chat form").text().startsWith("Использование: /bookingmode"));
        assertTrue(ask(ADMIN, "/status").text().contains("Способ записи: both (источник: по умолчанию)"));
        // a customer cannot switch it
        assertFalse(ask(CUSTOMER, "/bookingmode form").text().contains("Способ записи"));
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());

        // "form": only the booking-form links; /book shows the same list
        Outgoing form = ask(ADMIN, "/bookingmode FORM");
        assertTrue(form.text().contains("✅ Способ записи: form") && form.text().contains("через форму YCLIENTS"), form.text());
        Outgoing formList = ask(CUSTOMER, "/services");
        assertEquals(List.of(link(FORM, 13700211, 0)), formList.buttonUrls());
        assertTrue(formList.callbackData().stream().noneMatch(d -> d.startsWith("bk:")), formList.callbackData().toString());
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/book").buttonUrls());
        assertTrue(ask(ADMIN, "/status").text().contains("Способ записи: form (источник: чат)"));

        // "chat": each service button starts the booking here, no form link in the list
        assertTrue(ask(ADMIN, "/bookingmode chat").text().contains("прямо в чате"));
        Outgoing chatList = ask(CUSTOMER, "/services");
        assertTrue(chatList.buttonUrls().isEmpty(), chatList.buttonUrls().toString());
        assertEquals(1, chatList.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).count(), chatList.callbackData().toString());
        Outgoing english = askInLanguage(ADMIN, "en", "/bookingmode");
        assertTrue(english.text().startsWith("Booking mode now: chat (from chat)"), english.text());

        // /unset bookingmode: back to the configuration's value (the default, both)
        assertTrue(ask(ADMIN, "/unset bookingmode").text().contains("booking.mode"));
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(ADMIN, "/status").text().contains("Способ записи: both (источник: по умолчанию)"));
    }

    /** The /status lines that describe the configuration (not the live latency, uptime or counters). */
    private static String settingsPart(String status) {
        return status.lines()
                .filter(l -> l.startsWith("Онлайн-запись") || l.startsWith("Филиал") || l.startsWith("Форма записи")
                        || l.contains("токен:") || l.startsWith("Кнопок услуг") || l.startsWith("Последнее изменение"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void bookingFormEnableDisableAndDelservice() throws Exception {
        setUpCompany();
        mapHaircut();
        Outgoing withStaff = ask(ADMIN, "/setservice 13700215 staff=2290355 Стрижка у Ильи");
        assertTrue(withStaff.text().contains("«Стрижка у Ильи»"), withStaff.text());

        // an explicit booking form (trailing slash and all) is saved and used in the links
        Outgoing saved = ask(ADMIN, "/setbookingurl https://n611204.yclients.com/");
        assertTrue(saved.text().contains("Форма онлайн-записи сохранена: " + FORM), saved.text());
        assertTrue(ask(ADMIN, "/status").text().contains("Форма записи: " + FORM + " (источник: чат)"), "explicit form from chat");
        Outgoing english = askInLanguage(ADMIN, "en", "/status");
        assertTrue(english.text().contains("Booking form: " + FORM + " (from chat)"), english.text());
        String other = "https://n611987.yclients.com";
        assertTrue(ask(ADMIN, "/setbookingurl " + other + "/").text().contains(other));
        assertEquals(List.of(link(other, 13700211, 0), link(other, 13700215, 2290355)), ask(CUSTOMER, "/services").buttonUrls());

        // /unset bookingurl: back to the form discovered from the company
        Outgoing unset = ask(ADMIN, "/unset bookingurl");
        assertTrue(unset.text().contains("yclients.booking.url") && unset.text().contains("сброшено"), unset.text());
        assertEquals(List.of(link(FORM, 13700211, 0), link(FORM, 13700215, 2290355)), ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(ADMIN, "/status").text().contains("Форма записи: " + FORM + " (источник: YCLIENTS"));
        assertTrue(ask(ADMIN, "/unset bookingurl").text().contains("ничего не задано"));

        // /disable: customers are told booking is unavailable, and get no links
        assertTrue(ask(ADMIN, "/disable").text().contains("выключена"));
        Outgoing off = ask(CUSTOMER, "/services");
        assertTrue(off.text().contains("Онлайн-запись сейчас недоступна"), off.text());
        assertTrue(off.buttonUrls().isEmpty(), off.buttonUrls().toString());
        Outgoing startOff = ask(CUSTOMER, "/start");
        assertTrue(startOff.text().contains("недоступна") && startOff.buttonUrls().isEmpty(), startOff.text());
        assertTrue(ask(ADMIN, "/services").text().contains("/enable"), "the admin is told how to turn it back on");
        assertTrue(ask(SUPPORT, "/status").text().contains("выключена"));

        // /enable: the buttons are back
        assertTrue(ask(ADMIN, "/enable").text().contains("включена"));
        assertEquals(2, ask(CUSTOMER, "/services").buttonUrls().size());

        // /delservice: the exact pair, with a hint when the specialist is missing
        Outgoing ambiguous = ask(ADMIN, "/delservice 13700215");
        assertTrue(ambiguous.text().contains("staff=2290355"), ambiguous.text());
        assertTrue(ask(ADMIN, "/delservice 13700215 staff=2290355").text().contains("убрана"));
        assertTrue(ask(ADMIN, "/delservice 13700215 staff=2290355").text().contains("Ничего не изменилось"));
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(ADMIN, "/delservice 13700211").text().contains("убрана"));
        Outgoing empty = ask(CUSTOMER, "/services");
        assertTrue(empty.buttonUrls().isEmpty() && empty.text().contains("Услуг для онлайн-записи пока нет"), empty.text());
        assertTrue(ask(ADMIN, "/status").text().contains("Кнопок услуг: 0"));
    }

    @Test
    void yservicesListsTheCatalogAndOneTapMapsAServiceButOnlyForAdmins() throws Exception {
        setUpCompany();

        Outgoing list = ask(ADMIN, "/yservices");
        assertTrue(list.text().contains("Услуг в YCLIENTS: 4"), list.text());
        assertTrue(list.text().contains("13700342 — Маникюр с покрытием гель-лак"), list.text());
        assertEquals(List.of("ysm:13700211", "ysm:13700215", "ysm:13700342", "ysm:13700350"), list.callbackData());
        assertTrue(list.buttonTexts().stream().allMatch(t -> t.startsWith("➕ ")), list.buttonTexts().toString());
        int messageId = list.messageId();
        assertTrue(messageId > 0);

        // a customer pressing an admin's button (a forwarded or forged one) is refused, nothing is mapped
        Turn forged = press(CUSTOMER, messageId, "ysm:13700342");
        Outgoing refusal = forged.answer();
        assertTrue(refusal.text().contains("только для администраторов"), refusal.toString());
        assertEquals(List.of(), forged.messages());
        assertTrue(ask(CUSTOMER, "/services").buttonUrls().isEmpty());
        assertTrue(logs.text().contains("Refused admin button from user " + CUSTOMER));

        // the admin presses ➕: the service is mapped with its YCLIENTS title
        Turn pressed = press(ADMIN, messageId, "ysm:13700342");
        assertEquals(1, pressed.answers().size(), pressed.toString());
        Outgoing added = pressed.message();
        assertTrue(added.text().contains("Кнопка добавлена: «Маникюр с покрытием гель-лак»"), added.text());
        Outgoing customerList = ask(CUSTOMER, "/services");
        assertEquals(List.of(link(FORM, 13700342, 0)), customerList.buttonUrls());
        assertTrue(customerList.buttonTexts().get(0).startsWith("Маникюр с покрытием гель-лак"), customerList.buttonTexts().toString());

        // pressing it again keeps the button as it is (no duplicate, an admin's title kept); the list marks it ✅
        Turn again = press(ADMIN, messageId, "ysm:13700342");
        assertTrue(again.answers().stream().anyMatch(c -> c.text().contains("Кнопка уже есть")),
                again.toString());
        assertEquals(1, ask(CUSTOMER, "/services").buttonUrls().size());
        assertTrue(ask(ADMIN, "/yservices").buttonTexts().contains("✅ Маникюр с покрытием гель-лак"));

        // a stale or forged button is answered, not crashed on
        Turn stale = press(ADMIN, messageId, "something-old");
        assertTrue(stale.answer().text().contains("устарела"));
    }

    @Test
    void withAUserTokenAServiceHiddenFromOnlineBookingIsListedFlaggedAndMappedWithAWarning() throws Exception {
        yclients.on("GET", "/api/v1/company/" + COMPANY + "/services").respond(200, "{\"success\":true,\"data\":["
                + "{\"id\":13700211,\"title\":\"Женская стрижка\",\"price_min\":2500,\"price_max\":4000,\"active\":1,\"is_online\":true},"
                + "{\"id\":13700999,\"title\":\"Окрашивание у топ-стилиста\",\"price_min\":12000,\"price_max\":12000,\"active\":1,\"is_online\":false}"
                + "],\"meta\":{\"total_count\":2}}");
        setUpCompany();

        // without the user token the hidden service is unknown, and the admin is told why it may be
        Outgoing unknown = ask(ADMIN, "/setservice 13700999");
        assertTrue(unknown.text().contains("Ничего не сохранено") && unknown.text().contains("/yclogin"), unknown.text());
        assertTrue(ask(ADMIN, "/yservices").text().contains("Показаны только услуги, открытые для онлайн-записи"));

        assertTrue(ask(ADMIN, "/settoken user " + USER_TOKEN).text().contains("✅"));
        Outgoing list = ask(ADMIN, "/yservices");
        assertTrue(list.text().contains("13700999 — Окрашивание у топ-стилиста") && list.text().contains("(скрыта из онлайн-записи)"),
                list.text());
        assertTrue(list.callbackData().contains("ysm:13700999"), list.callbackData().toString());
        Outgoing hidden = ask(ADMIN, "/setservice 13700999");
        assertTrue(hidden.text().contains("Кнопка добавлена") && hidden.text().contains("скрыта из онлайн-записи"), hidden.text());
        assertNowhere(USER_TOKEN);
    }

    @Test
    void moreThanTenServicesArePagedAndTheArrowsEditTheMessageInPlace() throws Exception {
        List<Long> ids = IntStream.rangeClosed(1, 12).mapToObj(i -> 13_800_000L + i).toList();
        yclients.on("GET", "/api/v1/book_services/" + COMPANY).respond(200, bookServices(ids));
        setUpCompany();

        // /yservices pages too (8 a page): › edits the admin's list in place
        Outgoing catalog = ask(ADMIN, "/yservices");
        assertTrue(catalog.callbackData().contains("ysp:1"), catalog.callbackData().toString());
        Turn nextCatalog = press(ADMIN, catalog.messageId(), "ysp:1");
        Outgoing catalogEdit = nextCatalog.edit();
        assertEquals(catalog.messageId(), catalogEdit.messageId());
        assertEquals(List.of(), nextCatalog.messages());
        assertTrue(catalogEdit.callbackData().contains("ysm:13800012") && !catalogEdit.callbackData().contains("ysm:13800001"),
                catalogEdit.callbackData().toString());

        for (long id : ids) {
            assertTrue(ask(ADMIN, "/setservice " + id).text().contains("Кнопка добавлена"));
        }

        // the first page: ten URL buttons and the page row
        Outgoing first = ask(CUSTOMER, "/services");
        assertEquals(ids.subList(0, 10).stream().map(id -> link(FORM, id, 0)).toList(), first.buttonUrls());
        assertEquals(List.of("svc:0", "svc:1"), first.callbackData().stream().filter(d -> d.startsWith("svc:")).toList());
        assertEquals(10, first.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).count(), "book here beside each");
        assertTrue(first.buttonTexts().containsAll(List.of("1/2", "›")), first.buttonTexts().toString());
        assertFalse(first.buttonTexts().contains("‹"));

        // › edits that very message with the second page
        Turn next = press(CUSTOMER, first.messageId(), "svc:1");
        assertEquals(List.of(), next.messages(), "the page is edited in place, not sent anew");
        assertEquals(1, next.answers().size(), "the button press is answered");
        Outgoing second = next.edit();
        assertEquals(first.messageId(), second.messageId());
        assertEquals(CUSTOMER, second.chatId());
        assertEquals(ids.subList(10, 12).stream().map(id -> link(FORM, id, 0)).toList(), second.buttonUrls());
        assertTrue(second.buttonTexts().containsAll(List.of("‹", "2/2")) && !second.buttonTexts().contains("›"),
                second.buttonTexts().toString());

        // ‹ goes back
        Turn back = press(CUSTOMER, first.messageId(), "svc:0");
        assertEquals(first.buttonUrls(), back.edit().buttonUrls());
    }

    private static String bookServices(List<Long> ids) {
        List<String> services = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            services.add("{\"id\":" + ids.get(i) + ",\"title\":\"Услуга " + (i + 1) + "\",\"category_id\":1,"
                    + "\"price_min\":" + (1000 + i * 100) + ",\"price_max\":" + (1000 + i * 100) + ",\"active\":1}");
        }
        return "{\"success\":true,\"data\":{\"events\":[],\"services\":[" + String.join(",", services)
                + "],\"category\":[{\"id\":1,\"title\":\"Всё\"}]},\"meta\":[]}";
    }

    @Test
    void ycloginGetsTheUserTokenWithoutKeepingTheLoginOrThePassword() throws Exception {
        String login = "anna.owner@example.com";
        String password = "Pa55-word-S3cret!";
        String userToken = "yclUSER-token-from-auth-0123456789";
        yclients.on("POST", "/api/v1/auth").respond(201,
                "{\"success\":true,\"data\":{\"id\":42,\"user_token\":\"" + userToken + "\",\"name\":\"Анна\"},\"meta\":[]}");

        // before a partner token, /yclogin cannot reach YCLIENTS and says so (and still deletes the message)
        Turn early = say(ADMIN, "/yclogin " + login + " " + password);
        assertTrue(early.message().text().contains("Сначала задайте партнёрский токен"));
        assertEquals(1, early.deletes().size());

        setUpCompany();
        Turn calls = say(ADMIN, "/yclogin " + login + " " + password);
        // the message is deleted first, then answered
        assertTrue(calls.all().get(0).isDelete(), calls.toString());
        assertEquals(bot.lastUserMessageId(), calls.all().get(0).messageId());
        Outgoing reply = calls.message();
        assertTrue(reply.text().contains("Анна") && reply.text().contains("yclU…6789"), reply.text());
        assertTrue(reply.text().contains("Пароль не сохранён"), reply.text());

        // YCLIENTS got the login and password once, with the partner token
        var auth = yclients.requests("POST", "/api/v1/auth");
        assertEquals(1, auth.size());
        assertTrue(auth.get(0).body().contains(login) && auth.get(0).body().contains(password));
        assertEquals("Bearer " + PARTNER, auth.get(0).header("Authorization"));

        // the user token is in effect
        Outgoing status = ask(ADMIN, "/status");
        assertTrue(status.text().contains("Пользовательский токен: yclU…6789 (источник: чат"), status.text());

        // a refused login shows YCLIENTS's reason, and the message is deleted all the same
        yclients.on("POST", "/api/v1/auth").respond(401,
                "{\"success\":false,\"data\":null,\"meta\":{\"message\":\"Неверный логин или пароль\"}}");
        Turn refused = say(ADMIN, "/yclogin " + login + " wrong-" + password);
        assertTrue(refused.message().text().contains("Неверный логин или пароль"));
        assertEquals(1, refused.deletes().size());

        // a bare /yclogin gets its usage line
        assertTrue(ask(ADMIN, "/yclogin").text().startsWith("Использование: /yclogin"));

        // in a group: refused, deletion attempted
        Turn group = bot.text(GROUP, ChatType.SUPERGROUP, ADMIN, "ru", "/yclogin " + login + " " + password);
        assertEquals(1, group.deletes().size());
        assertTrue(group.message().text().contains("смените этот пароль"));

        assertNowhere(password);
        assertNowhere(login);
        assertNowhere(userToken);
        assertNowhere(PARTNER);
    }
}
