package io.github.yclientsbot.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moving a bot in chat: {@code /export} on a bot set up in chat, {@code /import} of that file on a fresh bot
 * (on PostgreSQL when {@code BOT_TEST_PG_URL} names one, else on a fresh H2 file). Bad files are refused and change
 * nothing; customers can do neither. The file's way through Telegram is {@code ExportImportEndToEndTest}'s.
 */
class ExportImportScenarioTest extends ScenarioBase {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void exportFromH2ImportsIntoAFreshBotAndBadFilesChangeNothing() throws Exception {
        // GIVEN a bot on an H2 file, set up in chat
        setUpCompany();
        mapHaircut();
        assertTrue(ask(ADMIN, "/setservice 13700215 staff=2290355 Стрижка у Ильи").text().contains("Стрижка у Ильи"));
        List<String> buttons = ask(CUSTOMER, "/services").buttonUrls();
        assertEquals(2, buttons.size());

        // WHEN the admin exports
        Outgoing document = say(ADMIN, "/export").document();

        // THEN a JSON file arrives in the admin's chat, without tokens, and the caption says so
        assertEquals(ADMIN, document.chatId());
        assertTrue(document.fileName().endsWith(".json"), document.fileName());
        assertTrue(document.caption().contains("Токенов в файле нет"), document.caption());
        byte[] exported = document.file();
        assertNotNull(exported);
        String json = new String(exported, StandardCharsets.UTF_8);
        assertFalse(json.contains(PARTNER), "token in the export");
        JsonNode root = mapper.readTree(json);
        assertEquals("502817", root.path("settings").path("yclients.company.id").asText());
        assertEquals(2, root.path("service_buttons").size());

        // a customer cannot export
        assertTrue(ask(CUSTOMER, "/export").text().contains("только для администраторов"));
        assertNowhere(PARTNER);

        // GIVEN a fresh bot on PostgreSQL (or a fresh H2 file), the partner token in its environment
        Path dir = newDir();
        Map<String, String> env = env(dir);
        if (TestDatabase.postgresAvailable()) {
            TestDatabase.Target pg = TestDatabase.POSTGRESQL.prepare(getClass(), null);
            env.put("BOT_DB_URL", pg.url());
            env.put("BOT_DB_USER", pg.user());
            env.put("BOT_DB_PASSWORD", pg.password());
        }
        env.put("YCLIENTS_API_TOKEN", PARTNER);
        ownBot(dir, env);
        assertTrue(ask(CUSTOMER, "/services").buttonUrls().isEmpty(), "the new bot starts empty");

        // WHEN the admin sends the file back with the caption /import
        Outgoing imported = bot.document(ADMIN, document.fileName(), exported, "/import").message();

        // THEN settings and buttons are restored: the customer gets the same buttons
        assertTrue(imported.text().startsWith("✅ Загружено"), imported.text());
        assertEquals(buttons, ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(ADMIN, "/status").text().contains("Кнопок услуг: 2"));

        // AND bad files are refused with a reason, and change nothing
        Outgoing notJson = bot.document(ADMIN, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "/import").message();
        assertTrue(notJson.text().contains("не JSON"), notJson.text());
        Outgoing otherVersion = bot.document(ADMIN, "x.json", json.replace("\"version\" : 2", "\"version\" : 3")
                .getBytes(StandardCharsets.UTF_8), "/import").message();
        assertTrue(otherVersion.text().contains("другой версии формата (3)"), otherVersion.text());
        String emptiedSecond = json.replace("\"service_id\" : 13700215", "\"service_id\" : -5")
                .replace("\"yclients.company.id\" : \"502817\"", "\"yclients.company.id\" : \"502818\"");
        assertFalse(emptiedSecond.equals(json), "the test edit did not apply");
        Outgoing badId = bot.document(ADMIN, "x.json", emptiedSecond.getBytes(StandardCharsets.UTF_8), "/import").message();
        assertTrue(badId.text().contains("service_buttons[1].service_id"), badId.text());
        assertTrue(badId.text().contains("Ничего не изменено"), badId.text());
        Outgoing notAnExport = bot.document(ADMIN, "x.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "/import").message();
        assertTrue(notAnExport.text().contains("не файл выгрузки"), notAnExport.text());
        assertEquals(buttons, ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(ADMIN, "/status").text().contains("502817"));

        // a file without the caption gets a hint; a customer's /import is refused; /import alone explains
        assertTrue(bot.document(ADMIN, "x.json", exported, null).message().text().contains("/import"));
        assertTrue(bot.document(CUSTOMER, "x.json", exported, "/import").message().text().contains("только для администраторов"));
        assertTrue(ask(ADMIN, "/import").text().contains("с подписью /import"));

        // no token in anything the bot sent, nor in the log
        assertNowhere(PARTNER);
    }
}
