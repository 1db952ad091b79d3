package io.github.yclientsbot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's salon side in the console: after a booking in the chat, {@code /demo move} and {@code /demo cancel}
 * change the demo YCLIENTS's booking, the record poll runs at once, the customer is told, and /mybookings shows the
 * new state; bad input gets the usage line; a visit booked elsewhere is listed by GET /records without a message.
 */
class DemoSalonSideConsoleTest {
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
    void theSalonMovesThenCancelsAVisitBookedInTheChatAndTheCustomerHearsOfEachOnce() throws Exception {
        String day = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(20).toString();
        String out = converse("/book", "1", "1", "1", "1", "1", "1", "1", "+7 916 123-45-67", "1", "2",
                "/demo move 900001 " + day + " 17:45", "/mybookings", "/demo cancel 900001", "/mybookings",
                "/demo move 900001", "/demo cancel 123");

        assertTrue(out.contains("Номер записи: 900001"), out);
        int moved = out.indexOf("Демо: салон перенёс запись 900001");
        assertTrue(moved > 0, out);
        int told = out.indexOf("Салон перенёс вашу запись", moved);
        assertTrue(told > 0 && out.substring(told, out.indexOf('\n', told)).contains("17:45"), out);
        assertTrue(out.indexOf("17:45", out.indexOf("Ваши предстоящие записи", told)) > 0, "/mybookings shows it: " + out);
        int cancelled = out.indexOf("Салон отменил вашу запись");
        assertTrue(cancelled > told, out);
        assertTrue(out.indexOf("Предстоящих записей, сделанных здесь в чате, нет", cancelled) > 0, out);
        assertTrue(out.indexOf("Салон перенёс", told + 1) < 0 && out.indexOf("Салон отменил", cancelled + 1) < 0,
                "each told once: " + out);
        assertTrue(out.contains("Демо, сторона салона"), "usage on bad input: " + out);
        assertTrue(out.contains("Демо: записи 123 в демо-салоне нет"), out);
    }

    @Test
    void aVisitBookedElsewhereIsListedButNotAnnounced() throws Exception {
        String day = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(3).toString();
        String out = converse("/demo elsewhere +79161234567 " + day + " 12:00");
        // visits booked elsewhere are numbered from 800001, and the demo starts with one
        assertTrue(out.contains("записан по телефону, запись 800002"), out);
        assertFalse(out.contains("Салон"), out);
    }
}
