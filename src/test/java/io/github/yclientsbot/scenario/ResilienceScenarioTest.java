package io.github.yclientsbot.scenario;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YCLIENTS down or refusing, a lost secret key, an environment that disagrees with chat: the bot keeps serving. What
 * Telegram's faults and the start-up do is {@code ResilienceEndToEndTest}'s.
 */
class ResilienceScenarioTest extends ScenarioBase {
    private static final String BAD_GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

    private void yclientsAnswers502() {
        for (String path : List.of("/api/v1/company/" + COMPANY, "/api/v1/book_services/" + COMPANY, "/api/v1/book_staff/" + COMPANY,
                "/api/v1/company/" + COMPANY + "/services")) {
            yclients.on("GET", path).respond(502, BAD_GATEWAY).contentType("text/html");
        }
    }

    @Test
    void whenYclientsIsDownAdminsAreToldAndCustomersStillGetTheirButtons() throws Exception {
        setUpCompany();
        yclientsAnswers502();

        // /setservice saves without a check, and says so
        Outgoing custom = ask(ADMIN, "/setservice 13700211 Стрижка");
        assertTrue(custom.text().contains("Кнопка добавлена: «Стрижка»"), custom.text());
        assertTrue(custom.text().contains("Сохранено без проверки") && custom.text().contains("YCLIENTS недоступен")
                && custom.text().contains("502"), custom.text());
        Outgoing untitled = ask(ADMIN, "/setservice 13700215 staff=2290355");
        assertTrue(untitled.text().contains("Сохранено без проверки"), untitled.text());
        assertTrue(untitled.text().contains("/setservice 13700215 <название>"), "asks for a title: " + untitled.text());

        // /status shows the error; /yservices says it cannot list
        Outgoing status = ask(SUPPORT, "/status");
        assertTrue(status.text().contains("Проверка YCLIENTS: ⚠️ YCLIENTS недоступен: HTTP 502"), status.text());
        assertTrue(status.text().contains("Кнопок услуг: 2"), status.text());
        assertFalse(status.text().contains("<html>"), "no raw HTML in chat: " + status.text());
        assertFalse(status.text().contains("Проверка YCLIENTS: Проверка"), "said once: " + status.text());
        Outgoing yservices = ask(ADMIN, "/yservices");
        assertTrue(yservices.text().contains("Не удалось получить список услуг"), yservices.text());
        assertTrue(yservices.callbackData().isEmpty());

        // customers: the greeting with the remembered name, and both buttons
        Outgoing start = ask(CUSTOMER, "/start");
        assertTrue(start.text().contains(COMPANY_TITLE), start.text());
        assertEquals(List.of(link(FORM, 13700211, 0), link(FORM, 13700215, 2290355)), start.buttonUrls());

        // /setcompany while down: saved unverified, and customers keep their buttons
        Outgoing company = ask(ADMIN, "/setcompany " + COMPANY);
        assertTrue(company.text().contains("пока не проверен"), company.text());
        assertEquals(2, ask(CUSTOMER, "/services").buttonUrls().size());

        // YCLIENTS is back: /status is green again, and a /setservice is checked again
        yclients.on("GET", "/api/v1/company/" + COMPANY).respondWithFixture(200, "company.json");
        yclients.on("GET", "/api/v1/book_services/" + COMPANY).respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/" + COMPANY).respondWithFixture(200, "book_staff.json");
        assertTrue(ask(SUPPORT, "/status").text().contains("✅ отвечает"));
        Outgoing checked = ask(ADMIN, "/setservice 13700215 staff=2290355");
        assertTrue(checked.text().contains("Кнопка обновлена") && checked.text().contains("Илья Орлов"), checked.text());
        assertNoApology();
    }

    @Test
    void aTokenYclientsRefusesIsSavedAndReportedWithYclientsOwnMessage() throws Exception {
        yclients.on("GET", "/api/v1/company/" + COMPANY).respondWithFixture(401, "error-401.json");
        Outgoing company = ask(ADMIN, "/setcompany " + COMPANY);
        assertTrue(company.text().contains("пока не проверен"), company.text());

        Outgoing token = ask(ADMIN, "/settoken partner " + PARTNER);
        assertTrue(token.text().contains("part…cdef"), token.text());
        assertTrue(token.text().contains("❌") && token.text().contains("Необходима авторизация") && token.text().contains("401"),
                token.text());
        Outgoing status = ask(SUPPORT, "/status");
        assertTrue(status.text().contains("Необходима авторизация"), status.text());
        assertNowhere(PARTNER);
    }

    @Test
    void aChangedSecretKeyMakesStatusAskForTheTokenAgainWithoutACrash() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.put("BOT_SECRET_KEY", "the-first-secret-key-of-the-salon");
        ownBot(dir, env);
        setUpCompany();
        mapHaircut();

        env.put("BOT_SECRET_KEY", "a-different-key-after-a-bad-migration");
        bot.restart(env);
        assertTrue(logs.text().contains("cannot be decrypted"), "the start-up line says what is wrong");
        assertTokenMustBeEnteredAgain();
    }

    @Test
    void aLostKeyFileMakesStatusAskForTheTokenAgainWithoutACrash() throws Exception {
        Path dir = newDir();
        ownBot(dir, env(dir));
        setUpCompany();
        mapHaircut();

        Files.delete(dir.resolve("db/secret.key"));
        bot.restart();
        assertTokenMustBeEnteredAgain();
    }

    private void assertTokenMustBeEnteredAgain() {
        Outgoing status = ask(SUPPORT, "/status");
        assertTrue(status.text().contains("Партнёрский токен: ⚠️ сохранён, но не расшифровывается")
                && status.text().contains("/settoken partner"), status.text());
        assertTrue(status.text().contains("Кнопок услуг: 1"), status.text());

        // customers are still answered, with the stored buttons
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(CUSTOMER, "/start").text().contains(COMPANY_TITLE));
        // admins are told what is missing rather than getting an error
        assertTrue(ask(ADMIN, "/yservices").text().contains("не расшифровывается"));

        // entering it again fixes it
        Outgoing again = ask(ADMIN, "/settoken partner " + PARTNER);
        assertTrue(again.text().contains("✅ YCLIENTS отвечает"), again.text());
        Outgoing fixed = ask(SUPPORT, "/status");
        assertTrue(fixed.text().contains("part…cdef (источник: чат)") && fixed.text().contains("✅ отвечает"), fixed.text());
        assertNoApology();
    }

    @Test
    void aChatValueThatDiffersFromTheEnvironmentIsWarnedAboutByKeyNeverByValue() throws Exception {
        Path dir = newDir();
        ownBot(dir, env(dir));
        setUpCompany();

        String rotated = "rotatedENV-partner-token-9876543210";
        Map<String, String> env = env(dir);
        env.put("YCLIENTS_API_TOKEN", rotated);
        env.put("YCLIENTS_COMPANY_ID", "777777");
        int before = logs.rawText().length();
        bot.restart(env);
        String startLog = logs.rawText().substring(before);
        List<String> warnings = startLog.lines().filter(l -> l.startsWith("WARN") && l.contains("was set in chat")).toList();
        assertEquals(2, warnings.size(), startLog);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("yclients.api.token") && w.contains("/unset partner")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("yclients.company.id") && w.contains("/unset company")), warnings.toString());
        for (String w : warnings) {
            assertFalse(w.contains(rotated) || w.contains(PARTNER) || w.contains("777777") || w.contains(Long.toString(COMPANY)), w);
            assertFalse(w.contains("part…") || w.contains("rota…"), "not even masked: " + w);
        }
        assertNowhere(rotated);

        // the chat values are in effect; /unset hands over to the environment
        assertTrue(ask(ADMIN, "/status").text().contains("part…cdef (источник: чат)"));
        Outgoing unset = ask(ADMIN, "/unset partner");
        assertTrue(unset.text().contains("rota…3210") && unset.text().contains("источник: переменная окружения"), unset.text());
        assertNowhere(rotated);

        // an environment that agrees with chat is not warned about
        env.put("YCLIENTS_COMPANY_ID", Long.toString(COMPANY));
        before = logs.rawText().length();
        bot.restart(env);
        assertFalse(logs.rawText().substring(before).contains("was set in chat"), logs.rawText().substring(before));
    }

    private void assertNoApology() {
        assertTrue(bot.history().stream().noneMatch(o -> String.valueOf(o.text()).contains("что-то пошло не так")),
                "no apology: nothing crashed");
    }
}
