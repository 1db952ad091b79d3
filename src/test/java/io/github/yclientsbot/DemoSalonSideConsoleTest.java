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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

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
