package io.github.yclientsbot;

import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults around the chat, through Telegram: a bot that starts while YCLIENTS cannot be reached at all, Telegram
 * refusing to delete a token message, getUpdates and sendMessage failing. YCLIENTS down or refusing, a lost secret
 * key and an environment that disagrees with chat run on the chat harness ({@code scenario.ResilienceScenarioTest}).
 */
class ResilienceEndToEndTest extends EndToEndBase {
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
}
