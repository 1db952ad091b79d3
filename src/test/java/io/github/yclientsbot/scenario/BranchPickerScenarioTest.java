package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.testing.Salon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chain's customers (issue 13): three branches in two cities and two time zones — Покровка (Moscow), Ленина
 * (Yekaterinburg, +2 h) and Арбат (Moscow, no coordinates, no buttons). The picker (city, then branch), the nearest
 * by location, a booking in each zone with its own local times, buttons, form and company, /branch to change,
 * /mybookings across branches, /forgetme.
 */
class BranchPickerScenarioTest extends InChatBookingBase {
    static final long EKB = Salon.BRANCH_EKB;
    static final long ARBAT = Salon.BRANCH_ARBAT;
    static final String EKB_FORM = "https://n611301.yclients.com";
    /** 12:00 and 13:30 in Yekaterinburg (+05:00) — 10:00 and 11:30 in Moscow. */
    static final String EKB_TIMES = "{\"success\":true,\"data\":[{\"time\":\"12:00\",\"seance_length\":2700,\"sum_length\":2700,"
            + "\"datetime\":\"2026-12-01T12:00:00+05:00\"},{\"time\":\"13:30\",\"seance_length\":2700,\"sum_length\":2700,"
            + "\"datetime\":\"2026-12-01T13:30:00+05:00\"}],\"meta\":[]}";
    static final String EKB_RECORD = "{\"success\":true,\"data\":[{\"id\":1,\"record_id\":885500101,"
            + "\"record_hash\":\"5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e\"}],\"meta\":[]}";

    @BeforeEach
    void chain() {
        Salon.serveBranches(yclients);
        yclients.on("GET", "/api/v1/book_dates/" + EKB).respondWithFixture(200, "book_dates.json");
        yclients.on("GET", "/api/v1/book_times/" + EKB + "/" + ANNA + "/2026-12-01").respond(200, EKB_TIMES);
        yclients.on("POST", "/api/v1/book_check/" + EKB).respondWithFixture(201, "book_check-ok.json");
        yclients.on("POST", "/api/v1/book_record/" + EKB).respond(201, EKB_RECORD);
        // the Yekaterinburg branch confirms bookings by SMS (its own phone_confirmation), Покровка does not
        yclients.on("POST", "/api/v1/book_code/" + EKB).respond(201, "{\"success\":true,\"data\":null,\"meta\":[]}");
        setUpCompany();
        mapHaircut();
        assertTrue(ask(ADMIN, "/settoken user " + USER_TOKEN).text().contains("user…3210"));
        assertTrue(ask(ADMIN, "/setchain " + Salon.CHAIN).text().contains("филиалов: 3"));
        assertTrue(ask(ADMIN, "/setservice 13700215 branch=" + EKB).text().contains("Мужская стрижка"));
    }

    private Turn location(long user, double latitude, double longitude) {
        return bot.send(Incoming.location(90_000 + (int) (latitude * 10), user, ChatType.PRIVATE, user, "User" + user,
                "ru", 5000, new Incoming.Location(latitude, longitude)));
    }

    @Test
    void theCustomerPicksTheCityThenTheBranchAndBooksItsServiceInItsOwnTimeZone() {
        // WHEN a customer of the chain asks to book
        Outgoing picker = ask(CUSTOMER, "/book");

        // THEN a city first (two cities), and "nearest" in the private chat
        assertTrue(picker.text().contains("Выберите город"), picker.text());
        assertEquals(List.of("Москва", "Екатеринбург", "📍 Ближайший"), picker.buttonTexts());
        assertEquals(List.of("br:c:0:b", "br:c:1:b", "br:n:b"), picker.callbackData());

        // WHEN Yekaterinburg: its branch with title and address, and back to the cities
        Outgoing city = edit(CUSTOMER, picker.messageId(), "br:c:1:b");
        assertTrue(city.text().contains("Екатеринбург"), city.text());
        assertEquals(List.of("br:b:" + EKB + ":b", "br:a:b"), city.callbackData());
        assertTrue(city.buttonTexts().get(0).contains("пр. Ленина, 24"), city.buttonTexts().toString());
        // Moscow has two
        Outgoing moscow = edit(CUSTOMER, picker.messageId(), "br:c:0:b");
        assertEquals(List.of("br:b:" + COMPANY + ":b", "br:b:" + ARBAT + ":b", "br:a:b"), moscow.callbackData());
        assertEquals(picker.callbackData(), edit(CUSTOMER, picker.messageId(), "br:a:b").callbackData());

        // WHEN the branch is chosen: the picker says which, and the booking starts there with that branch's buttons only
        Turn chosen = press(CUSTOMER, picker.messageId(), "br:b:" + EKB + ":b");
        assertTrue(chosen.edit().text().contains("Филиал:") && chosen.edit().text().contains("пр. Ленина, 24"),
                chosen.edit().text());
        Outgoing services = chosen.message();
        assertTrue(services.text().contains("Шаг 1 из 5"), services.text());
        assertEquals(1, services.callbackData().stream().filter(d -> d.startsWith("bk:svc:")).count(), services.toString());
        assertTrue(services.buttonTexts().get(0).contains("Мужская стрижка"), services.buttonTexts().toString());
        assertEquals(OptionalLong.of(EKB), bot.database().customerBranches().find(CUSTOMER));

        // AND every step is the branch's: its specialists, days and free times in Yekaterinburg's own time
        int flow = services.messageId();
        tap(flow, services.callbackData().get(0));
        assertFalse(yclients.requests("GET", "/api/v1/book_staff/" + EKB).isEmpty(), "the branch's specialists");
        tap(flow, "bk:st:" + ANNA);
        Outgoing times = tap(flow, "bk:d:2026-12-01");
        assertEquals(List.of("12:00", "13:30"), times.buttonTexts().subList(0, 2));
        assertTrue(times.buttonUrls().stream().anyMatch(u -> u.startsWith(EKB_FORM + "/company/" + EKB + "/")),
                "the way out is the branch's own form: " + times.buttonUrls());
        pickTime(flow, "bk:t:20261201:0");
        Turn shared = bot.contact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67");
        Outgoing summary = shared.messages().get(1);
        assertTrue(summary.text().contains("12:00") && summary.text().contains("Asia/Yekaterinburg"), summary.text());
        assertTrue(summary.text().contains("Филиал: ") && summary.text().contains("пр. Ленина, 24"), "the branch and its address: "
                + summary.text());

        // WHEN confirmed: the branch's own setting asks for an SMS code; then booked at the branch's company
        press(CUSTOMER, summary.messageId(), "bk:ok");
        assertEquals(1, yclients.requests("POST", "/api/v1/book_code/" + EKB).size(), "the branch's phone_confirmation");
        Turn booked = say(CUSTOMER, "531974");
        assertTrue(booked.all().stream().anyMatch(o -> String.valueOf(o.text()).contains("Вы записаны")), booked.toString());
        assertEquals(1, yclients.requests("POST", "/api/v1/book_record/" + EKB).size());
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + COMPANY).isEmpty());
        assertTrue(yclients.requests("POST", "/api/v1/book_record/" + EKB).get(0).body().contains("2026-12-01T12:00:00+05:00"));
        assertEquals(EKB, bot.database().bookingReferences().forUser(CUSTOMER).get(0).companyId());
        Outgoing remember = booked.messages().stream().filter(o -> o.callbackData().contains("bk:rm:n")).findFirst().orElseThrow();
        press(CUSTOMER, remember.messageId(), "bk:rm:n");

        // AND the next /book goes straight to the branch chosen
        Outgoing again = ask(CUSTOMER, "/book");
        assertTrue(again.text().contains("Шаг 1 из 5") && again.buttonTexts().get(0).contains("Мужская стрижка"), again.toString());
        press(CUSTOMER, again.messageId(), "bk:x");

        // WHEN /branch: the picker again, saying which one is chosen now; Покровка chosen — its own buttons and times
        Outgoing change = ask(CUSTOMER, "/branch");
        assertTrue(change.text().contains("Сейчас выбран филиал") && change.text().contains("пр. Ленина"), change.text());
        Turn moscowChosen = press(CUSTOMER, change.messageId(), "br:b:" + COMPANY + ":b");
        assertTrue(moscowChosen.message().buttonTexts().get(0).contains("Женская стрижка"), moscowChosen.toString());
        Outgoing moscowSummary = walkToSummary();
        assertTrue(moscowSummary.text().contains("10:00") && moscowSummary.text().contains("Europe/Moscow"), moscowSummary.text());
        assertTrue(press(CUSTOMER, moscowSummary.messageId(), "bk:ok").edit().text().contains("Вы записаны"));
        assertEquals(1, yclients.requests("POST", "/api/v1/book_record/" + COMPANY).size());

        // AND /mybookings lists both, each read with its own company, each at its own local time
        yclients.on("GET", "/api/v1/book_record/" + EKB + "/885500101/5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e").respond(200,
                "{\"success\":true,\"data\":{\"id\":885500101,\"datetime\":\"2026-12-01T12:00:00+05:00\",\"seance_length\":2700,"
                        + "\"services\":[{\"id\":13700215,\"title\":\"Мужская стрижка\"}],"
                        + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
        yclients.on("GET", RECORD).respond(200, "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"" + DATETIME
                + "\",\"seance_length\":3600,\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
        String mine = ask(CUSTOMER, "/mybookings").text();
        assertTrue(mine.contains("Мужская стрижка") && mine.contains("12:00"), mine);
        assertTrue(mine.contains("Женская стрижка") && mine.contains("10:00"), mine);
        // each with its branch (title and address)
        assertTrue(mine.contains("Филиал: ") && mine.contains("пр. Ленина, 24") && mine.contains("Покровка ул., 17с1"), mine);
    }

    @Test
    void theNearestBranchesComeFromALocationThatIsNotKept() {
        // GIVEN the picker of /services
        Outgoing picker = ask(CUSTOMER, "/services");
        assertTrue(picker.callbackData().contains("br:n:s"), picker.callbackData().toString());

        // WHEN "nearest": a new message with the send-location reply keyboard (an edit cannot carry one)
        Turn asked = press(CUSTOMER, picker.messageId(), "br:n:s");
        Outgoing ask = asked.message();
        assertNotNull(ask.keyboard().locationButton(), ask.toString());
        assertTrue(ask.text().contains("не сохраняется"), ask.text());

        // WHEN the customer sends a location in Yekaterinburg: that branch first, then Покровка, Арбат (no coordinates) last
        Turn near = location(CUSTOMER, 56.84, 60.61);
        assertTrue(near.messages().get(0).removesKeyboard(), "the send-location keyboard goes");
        Outgoing list = near.messages().get(1);
        assertEquals(List.of("br:b:" + EKB + ":b", "br:b:" + COMPANY + ":b", "br:b:" + ARBAT + ":b"), list.callbackData());
        assertTrue(list.buttonTexts().get(0).matches(".* · \\d+ м"), list.buttonTexts().toString());
        assertTrue(list.buttonTexts().get(1).matches(".* · \\d+ км"), list.buttonTexts().toString());
        assertFalse(list.buttonTexts().get(2).contains("км"), list.buttonTexts().toString());

        // AND from Moscow, Покровка first — Арбат is still last, it has no coordinates
        Outgoing fromMoscow = location(CUSTOMER, 55.7558, 37.6173).messages().get(1);
        assertEquals(List.of("br:b:" + COMPANY + ":b", "br:b:" + EKB + ":b", "br:b:" + ARBAT + ":b"), fromMoscow.callbackData());
        assertFalse(logs.rawText().contains("55.7558") || logs.rawText().contains("56.84"), "the location is not logged");

        // AND choosing from there works like the picker
        Turn chosen = press(CUSTOMER, fromMoscow.messageId(), "br:b:" + ARBAT + ":b");
        assertTrue(chosen.edit().text().contains("Арбат"), chosen.toString());
        assertEquals(OptionalLong.of(ARBAT), bot.database().customerBranches().find(CUSTOMER));
    }

    @Test
    void theMenuAndHelpHaveBranchAndForgetMeDeletesTheChoice() {
        List<Action.CommandInfo> menu = bot.bot().customerMenu("ru");
        assertTrue(menu.stream().anyMatch(c -> c.command().equals("branch")), menu.toString());
        assertTrue(ask(CUSTOMER, "/help").text().contains("/branch"));

        Outgoing picker = ask(CUSTOMER, "/book");
        press(CUSTOMER, picker.messageId(), "br:b:" + EKB + ":b");
        assertEquals(OptionalLong.of(EKB), bot.database().customerBranches().find(CUSTOMER));

        assertTrue(ask(CUSTOMER, "/forgetme").text().contains("Выбранный филиал я тоже забыл"));
        assertEquals(OptionalLong.empty(), bot.database().customerBranches().find(CUSTOMER));
        assertTrue(ask(CUSTOMER, "/book").text().contains("Выберите город"), "picked again after /forgetme");
    }

    @Test
    void withOneBranchNothingChanges() {
        // GIVEN the admin goes back to one company
        assertTrue(ask(ADMIN, "/setcompany " + COMPANY).text().contains("сброшены"));

        // THEN no /branch in the menu or the help, no picker, no branch line in the summary
        assertFalse(bot.bot().customerMenu("ru").stream().anyMatch(c -> c.command().equals("branch")));
        assertFalse(ask(CUSTOMER, "/help").text().contains("/branch"));
        assertTrue(ask(CUSTOMER, "/branch").text().contains("один филиал"));
        Outgoing summary = walkToSummary();
        assertFalse(summary.text().contains("Филиал:"), summary.text());
        assertEquals(OptionalLong.empty(), bot.database().customerBranches().find(CUSTOMER));
        // and a location sent is not read
        assertTrue(location(CUSTOMER, 55.75, 37.61).message().text().contains("не умею"));
    }

    @Test
    void aBranchThatLeftTheBotIsPickedAgainAndAGroupGetsNoNearestButton() {
        Outgoing inGroup = askInGroup(CUSTOMER, "/services");
        assertEquals(List.of("br:c:0:s", "br:c:1:s"), inGroup.callbackData(), "no location in a group");

        Turn gone = press(CUSTOMER, 77, "br:b:700001:b");
        assertTrue(gone.answer().text().contains("больше нет"), gone.toString());
        assertEquals(OptionalLong.empty(), bot.database().customerBranches().find(CUSTOMER));
    }
}
