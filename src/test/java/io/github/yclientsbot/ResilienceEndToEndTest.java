package io.github.yclientsbot;

import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YCLIENTS down or refusing, a lost secret key, an environment that disagrees with chat: the bot keeps serving. */
class ResilienceEndToEndTest extends EndToEndBase {
    private static final String BAD_GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

    private void yclientsAnswers502() {
        for (String path : List.of("/api/v1/company/" + COMPANY, "/api/v1/book_services/" + COMPANY, "/api/v1/book_staff/" + COMPANY,
                "/api/v1/company/" + COMPANY + "/services")) {
            yclients.on("GET", path).respond(502, BAD_GATEWAY).contentType("text/html");
        }
    }

    @Test
    void whenYclientsIsDownAdminsAreToldAndCustomersStillGetTheirButtons() throws Exception {
        startBot();
        setUpCompany();
        yclientsAnswers502();

        // /setservice saves without a check, and says so
        Call custom = ask(ADMIN, "/setservice 13700211 Стрижка");
        assertTrue(custom.text().contains("Кнопка добавлена: «Стрижка»"), custom.text());
        assertTrue(custom.text().contains("Сохранено без проверки") && custom.text().contains("YCLIENTS недоступен")
                && custom.text().contains("502"), custom.text());
        Call untitled = ask(ADMIN, "/setservice 13700215 staff=2290355");
        assertTrue(untitled.text().contains("Сохранено без проверки"), untitled.text());
        assertTrue(untitled.text().contains("/setservice 13700215 <название>"), "asks for a title: " + untitled.text());

        // /status shows the error; /yservices says it cannot list
        Call status = ask(SUPPORT, "/status");
        assertTrue(status.text().contains("Проверка YCLIENTS: ⚠️ YCLIENTS недоступен: HTTP 502"), status.text());
        assertTrue(status.text().contains("Кнопок услуг: 2"), status.text());
        assertFalse(status.text().contains("<html>"), "no raw HTML in chat: " + status.text());
        assertFalse(status.text().contains("Проверка YCLIENTS: Проверка"), "said once: " + status.text());
        Call yservices = ask(ADMIN, "/yservices");
        assertTrue(yservices.text().contains("Не удалось получить список услуг"), yservices.text());
        assertTrue(yservices.callbackData().isEmpty());

        // customers: the greeting with the remembered name, and both buttons
        Call start = ask(CUSTOMER, "/start");
        assertTrue(start.text().contains(COMPANY_TITLE), start.text());
        assertEquals(List.of(link(FORM, 13700211, 0), link(FORM, 13700215, 2290355)), start.buttonUrls());

        // /setcompany while down: saved unverified, and customers keep their buttons
        Call company = ask(ADMIN, "/setcompany " + COMPANY);
        assertTrue(company.text().contains("пока не проверен"), company.text());
        assertEquals(2, ask(CUSTOMER, "/services").buttonUrls().size());

        // YCLIENTS is back: /status is green again, and a /setservice is checked again
        yclients.on("GET", "/api/v1/company/" + COMPANY).respondWithFixture(200, "company.json");
        yclients.on("GET", "/api/v1/book_services/" + COMPANY).respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/" + COMPANY).respondWithFixture(200, "book_staff.json");
        assertTrue(ask(SUPPORT, "/status").text().contains("✅ отвечает"));
        Call checked = ask(ADMIN, "/setservice 13700215 staff=2290355");
        assertTrue(checked.text().contains("Кнопка обновлена") && checked.text().contains("Илья Орлов"), checked.text());
        assertEquals(0, telegram.calls().stream().filter(c -> c.text() != null && c.text().contains("что-то пошло не так")).count(),
                "no apology: nothing crashed");
    }

    @Test
    void whenYclientsCannotBeReachedAtAllTheBotStartsAndServesFromWhatItStored() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        stopBot();

        Map<String, String> env = env();
        env.put("YCLIENTS_API_URL", "http://127.0.0.1:" + closedPort());
        startBot(env);
        assertTrue(logs.text().contains("did not answer the start-up check"), logs.text());

        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());
        Call status = ask(ADMIN, "/status");
        assertTrue(status.text().contains("YCLIENTS недоступен") && status.text().contains("network error"), status.text());
        assertTrue(status.text().contains(COMPANY_TITLE), "the remembered title: " + status.text());
        Call mapped = ask(ADMIN, "/setservice 13700342");
        assertTrue(mapped.text().contains("Сохранено без проверки"), mapped.text());
        assertEquals(2, ask(CUSTOMER, "/services").buttonUrls().size());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aTokenYclientsRefusesIsSavedAndReportedWithYclientsOwnMessage() throws Exception {
        yclients.on("GET", "/api/v1/company/" + COMPANY).respondWithFixture(401, "error-401.json");
        startBot();
        Call company = ask(ADMIN, "/setcompany " + COMPANY);
        assertTrue(company.text().contains("пока не проверен"), company.text());

        Call token = ask(ADMIN, "/settoken partner " + PARTNER);
        assertTrue(token.text().contains("part…cdef"), token.text());
        assertTrue(token.text().contains("❌") && token.text().contains("Необходима авторизация") && token.text().contains("401"),
                token.text());
        Call status = ask(SUPPORT, "/status");
        assertTrue(status.text().contains("Необходима авторизация"), status.text());
        assertNowhere(PARTNER);
    }

    @Test
    void whenTelegramCannotDeleteTheTokenMessageTheAdminIsAskedToDeleteIt() throws Exception {
        startBot();
        telegram.failNext("deletemessage", 400, "Bad Request: message can't be deleted for everyone");
        List<Call> calls = exchange(() -> telegram.sendPrivateText(ADMIN, "/settoken partner " + PARTNER));
        List<String> texts = only(calls, "sendmessage").stream().map(Call::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("Не получилось удалить ваше сообщение")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("part…cdef")), texts.toString());
        assertTrue(ask(ADMIN, "/status").text().contains("part…cdef"), "the token was saved all the same");
    }

    @Test
    void telegramHiccupsAreSurvivedAndCountedWhereTheyAreRealErrors() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();

        // getUpdates fails once: polling backs off and carries on (the outage is recorded once for /status)
        telegram.failNext("getupdates", 502, "Bad Gateway");
        assertEquals(1, ask(CUSTOMER, "/services").buttonUrls().size());
        assertTrue(ask(SUPPORT, "/status").text().contains("Ошибок с запуска: 1"));

        // a customer who blocked the bot: skipped quietly, not an error
        telegram.failNext("sendmessage", 403, "Forbidden: bot was blocked by the user");
        exchange(() -> telegram.sendPrivateText(8008, "/services"));
        assertTrue(ask(SUPPORT, "/status").text().contains("Ошибок с запуска: 1"));

        // Telegram refuses a message: counted, and /status names it without any secret
        telegram.failNext("sendmessage", 400, "Bad Request: can't parse entities");
        exchange(() -> telegram.sendPrivateText(CUSTOMER, "/services"));
        Call status = ask(SUPPORT, "/status");
        assertTrue(status.text().contains("Ошибок с запуска: 2") && status.text().contains("can't parse entities"), status.text());
        assertEquals(1, ask(CUSTOMER, "/services").buttonUrls().size(), "customers are answered again");
        assertNowhere(BOT_TOKEN);
        assertNowhere(PARTNER);
    }

    @Test
    void aChangedSecretKeyMakesStatusAskForTheTokenAgainWithoutACrash() throws Exception {
        Map<String, String> env = env();
        env.put("BOT_SECRET_KEY", "the-first-secret-key-of-the-salon");
        startBot(env);
        setUpCompany();
        mapHaircut();
        stopBot();

        env.put("BOT_SECRET_KEY", "a-different-key-after-a-bad-migration");
        startBot(env);
        assertTrue(logs.text().contains("cannot be decrypted"), "the start-up line says what is wrong");
        assertTokenMustBeEnteredAgain();
    }

    @Test
    void aLostKeyFileMakesStatusAskForTheTokenAgainWithoutACrash() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();
        stopBot();

        Files.delete(dir.resolve("db/secret.key"));
        startBot();
        assertTokenMustBeEnteredAgain();
    }

    private void assertTokenMustBeEnteredAgain() {
        Call status = ask(SUPPORT, "/status");
        assertTrue(status.text().contains("Партнёрский токен: ⚠️ сохранён, но не расшифровывается")
                && status.text().contains("/settoken partner"), status.text());
        assertTrue(status.text().contains("Кнопок услуг: 1"), status.text());

        // customers are still answered, with the stored buttons
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(CUSTOMER, "/start").text().contains(COMPANY_TITLE));
        // admins are told what is missing rather than getting an error
        assertTrue(ask(ADMIN, "/yservices").text().contains("не расшифровывается"));

        // entering it again fixes it
        Call again = ask(ADMIN, "/settoken partner " + PARTNER);
        assertTrue(again.text().contains("✅ YCLIENTS отвечает"), again.text());
        Call fixed = ask(SUPPORT, "/status");
        assertTrue(fixed.text().contains("part…cdef (источник: чат)") && fixed.text().contains("✅ отвечает"), fixed.text());
        assertEquals(0, telegram.calls().stream().filter(c -> c.text() != null && c.text().contains("что-то пошло не так")).count(),
                "no apology: nothing crashed");
    }

    @Test
    void aChatValueThatDiffersFromTheEnvironmentIsWarnedAboutByKeyNeverByValue() throws Exception {
        startBot();
        setUpCompany();
        stopBot();

        String rotated = "rotatedENV-partner-token-9876543210";
        Map<String, String> env = env();
        env.put("YCLIENTS_API_TOKEN", rotated);
        env.put("YCLIENTS_COMPANY_ID", "777777");
        int before = logs.rawText().length();
        startBot(env);
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
        Call unset = ask(ADMIN, "/unset partner");
        assertTrue(unset.text().contains("rota…3210") && unset.text().contains("источник: переменная окружения"), unset.text());
        assertNowhere(rotated);

        // an environment that agrees with chat is not warned about
        stopBot();
        env.put("YCLIENTS_COMPANY_ID", Long.toString(COMPANY));
        before = logs.rawText().length();
        startBot(env);
        assertFalse(logs.rawText().substring(before).contains("was set in chat"), logs.rawText().substring(before));
    }
}
