package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console demo is a chain of two branches (issue 13), so a newcomer meets the picker: Moscow and Yekaterinburg
 * (two hours ahead), each with its own buttons, address and local times; "nearest" from {@code /location}.
 */
class DemoBranchesConsoleTest {
    @TempDir
    Path dir;
    BotApplication app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
    }

    private String converse(String... lines) throws Exception {
        BotConfig config = new ConfigLoader(Map.of(), dir).load(null, false);
        app = BotApplication.startConsole(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC()),
                true, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String input = String.join("\n", lines) + "\n";
        app.runConsole(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), dir, null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(Messages.isMissingMarker(text), "a message key is missing: " + text);
        return text;
    }

    @Test
    void theDemoPicksYekaterinburgAndBooksAtItsLocalTime() throws Exception {
        // /book: the cities; Yekaterinburg, its branch; the first service, any specialist, day, time, consent, phone, confirm
        String out = converse("/book", "2", "1", "1", "1", "1", "1", "1", "+7 916 123-45-67", "1", "2", "/mybookings");
        assertTrue(out.contains("Выберите город") && out.contains("[1] Москва") && out.contains("[2] Екатеринбург")
                && out.contains("[3] 📍 Ближайший"), out);
        assertTrue(out.contains("Демо-салон «Лён» на Ленина — Екатеринбург, пр. Примерный, 24"), out);
        assertTrue(out.contains("10:00 (по часовому поясу салона: Asia/Yekaterinburg)"), out);
        assertTrue(out.contains("Вы записаны"), out);
        int listed = out.lastIndexOf("Ваши предстоящие записи");
        assertTrue(listed > 0 && out.indexOf("10:00", listed) > 0, "listed at the branch's own local time: " + out);
        assertTrue(out.contains("Демо: пример салона из двух филиалов"), out);
    }

    @Test
    void theNearestBranchFromALocationTypedInTheConsole() throws Exception {
        String out = converse("/services", "3", "/location 56.84 60.61", "1");
        assertTrue(out.contains("/location"), "the send-location button is explained: " + out);
        int list = out.indexOf("сначала ближайшие");
        assertTrue(list > 0, out);
        assertTrue(out.indexOf("[1] Демо-салон «Лён» на Ленина", list) > 0, out);
        assertTrue(out.indexOf("Филиал: Демо-салон «Лён» на Ленина", list) > 0, out);
    }
}
