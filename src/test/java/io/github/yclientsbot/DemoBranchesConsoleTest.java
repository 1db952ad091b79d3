package io.github.yclientsbot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console demo is a chain of two branches (issue 13), so a newcomer meets the picker: Moscow and Yekaterinburg
 * (two hours ahead), each with its own buttons, address and local times; "nearest" from {@code /location}.
 */
class DemoBranchesConsoleTest {
    @TempDir
    Path dir;
    ConsoleDemo demo;

    @AfterEach
    void tearDown() {
        if (demo != null) {
            demo.close();
        }
    }

    /** A new demo bot, and the lines typed into it. */
    private String converse(String... lines) throws Exception {
        demo = ConsoleDemo.start(dir);
        return demo.talk(lines);
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
