package io.github.yclientsbot;

import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole bot, as a salon would run it, against a fake Telegram and a fake YCLIENTS: an admin sets
 * it up in chat, a customer gets booking links, support checks /status, and after a restart on the
 * same database the buttons are still there. No secret reaches a message or a log line.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class BotEndToEndTest extends EndToEndBase {
    /** The scenario runs on H2 and, when CI provides one, on PostgreSQL (skipped with a reason otherwise). */
    @Parameter
    TestDatabase db;
    private TestDatabase.Target database;

    @Override
    Map<String, String> env() {
        if (database == null) {
            database = db.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath());
        }
        Map<String, String> env = super.env();
        env.put("BOT_DB_URL", database.url());
        if (database.user() != null) {
            env.put("BOT_DB_USER", database.user());
            env.put("BOT_DB_PASSWORD", database.password());
        }
        return env;
    }

    @Test
    void adminSetsUpCustomerBooksSupportChecksAndItSurvivesARestart() throws Exception {
        startBot();

        // the default command menu is registered at start, in both languages
        telegram.await(c -> c.method().equalsIgnoreCase("setmycommands"), 3, WAIT);

        // before setup, a customer is told booking is unavailable — no broken links
        Call early = ask(CUSTOMER, "/services");
        assertTrue(early.text().contains("Онлайн-запись сейчас недоступна"), early.text());
        assertTrue(early.buttonUrls().isEmpty());

        // admin: partner token (the message is deleted, the reply shows it masked)
        int tokenMessage = telegram.sendPrivateText(ADMIN, "/settoken partner " + PARTNER);
        Call saved = telegram.await(c -> c.method().equals("sendmessage") && c.chatId() == ADMIN, 1, WAIT).get(0);
        assertTrue(saved.text().contains("part…cdef"), saved.text());
        assertTrue(saved.text().contains("/setcompany"), "token check waits for the company: " + saved.text());
        List<Call> deletes = telegram.await(c -> c.method().equals("deletemessage"), 1, WAIT);
        assertEquals(tokenMessage, deletes.get(0).body().path("message_id").asInt());
        // the admin's private chat got a menu with the admin commands
        telegram.await(c -> c.method().equals("setmycommands") && c.body().path("scope").path("chat_id").asLong() == ADMIN, 1, WAIT);

        // admin: unknown company is refused, the real one is saved with its booking form
        Call unknown = ask(ADMIN, "/setcompany 404404");
        assertTrue(unknown.text().contains("Филиал не найден"), unknown.text());
        Call company = ask(ADMIN, "/setcompany 502817");
        assertTrue(company.text().contains("Студия «Лён»"), company.text());
        assertTrue(company.text().contains("https://n611204.yclients.com"), company.text());

        // admin: user token, checked live
        Call user = ask(ADMIN, "/settoken user " + USER_TOKEN);
        assertTrue(user.text().contains("✅"), user.text());

        // admin: map two services, one with a specialist; an unknown id is refused
        assertTrue(ask(ADMIN, "/setservice 13700211").text().contains("Женская стрижка"));
        Call withStaff = ask(ADMIN, "/setservice 13700215 staff=2290355");
        assertTrue(withStaff.text().contains("Илья Орлов"), withStaff.text());
        Call missing = ask(ADMIN, "/setservice 99999999");
        assertTrue(missing.text().contains("99999999") && missing.text().contains("Ничего не сохранено"), missing.text());
        Call usage = ask(ADMIN, "/setservice abc");
        assertTrue(usage.text().startsWith("Использование: /setservice"), usage.text());

        // a customer cannot run admin commands, and nothing changes
        Call refused = ask(CUSTOMER, "/setcompany 1");
        assertTrue(refused.text().contains("только для администраторов"), refused.text());

        // the customer's list: one URL button per service, deep-linked to service and specialist
        Call list = ask(CUSTOMER, "/services");
        assertEquals(List.of(
                "https://n611204.yclients.com/company/502817/personal/select-time?o=m-1s13700211",
                "https://n611204.yclients.com/company/502817/personal/select-time?o=m2290355s13700215"), list.buttonUrls());
        assertTrue(list.buttonTexts().get(0).contains("2\u00A0500–4\u00A0000\u00A0₽"), list.buttonTexts().toString());

        // support: /status reports configuration, live check and counts, tokens masked
        Call status = ask(SUPPORT, "/status");
        String s = status.text();
        assertTrue(s.contains("502817") && s.contains("Студия «Лён»"), s);
        assertTrue(s.contains("part…cdef") && s.contains("user…3210"), s);
        assertTrue(s.contains("✅ отвечает"), s);
        assertTrue(s.contains("Кнопок услуг: 2"), s);
        assertTrue(s.contains("База данных: ✅"), s);

        // YCLIENTS got the documented headers
        var req = yclients.requests("GET", "/api/v1/company/502817/services").get(0);
        assertEquals("application/vnd.yclients.v2+json", req.header("Accept"));
        assertEquals("Bearer " + PARTNER + ", User " + USER_TOKEN, req.header("Authorization"));

        // restart on the same database: the mappings and the tokens are still there
        stopBot();
        startBot();
        Call after = ask(CUSTOMER, "/services");
        assertEquals(list.buttonUrls(), after.buttonUrls());

        // no secret in anything the bot sent, nor in the log
        for (Call c : telegram.calls()) {
            String body = c.body().toString();
            assertFalse(body.contains(PARTNER) || body.contains(USER_TOKEN) || body.contains(BOT_TOKEN), "secret leaked in " + c);
        }
        String log = logs.text();
        assertFalse(log.isEmpty());
        assertFalse(log.contains(PARTNER), "partner token in the log");
        assertFalse(log.contains(USER_TOKEN), "user token in the log");
        assertFalse(log.contains(BOT_TOKEN), "bot token in the log");
        assertTrue(log.contains("Refused /setcompany from user " + CUSTOMER), "refusal is logged with the user id");
    }
}
