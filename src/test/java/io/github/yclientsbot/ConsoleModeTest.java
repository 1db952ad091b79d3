package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.demo.DemoYclients;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console: the same bot driven through an input and an output stream, with the built-in demo YCLIENTS.
 * No Telegram token, nothing written to disk.
 */
class ConsoleModeTest {
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
        return talk(lines);
    }

    /** The lines typed into the started console; returns what it printed. */
    private String talk(String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String input = String.join("\n", lines) + "\n";
        app.runConsole(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), dir, null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(Messages.isMissingMarker(text), "a message key is missing: " + text);
        return text;
    }

    @Test
    void aCustomerSeesTheDemoServicesAsNumberedButtonsAndANumberPrintsTheLink() throws Exception {
        // each service: its booking-form link [odd] and "book here" [even] beside it (booking.mode=both)
        String out = converse("/start", "1", "1", "3", "7");

        assertTrue(out.contains("(сейчас: customer)"), out);
        assertTrue(out.contains("Демо-салон «Лён»"), "greeting with the demo salon: " + out);
        assertTrue(out.contains("[1] Женская стрижка · 2\u00A0500–4\u00A0000\u00A0₽ ↗"), out);
        assertTrue(out.contains("[5] Маникюр с покрытием гель-лак"), out);
        assertTrue(out.contains("[2] 📅 Здесь"), out);
        // a URL button prints its link: the specialist-bound demo button, deep-linked to the demo booking form
        Matcher link = Pattern.compile("Кнопка открывает: (http://127\\.0\\.0\\.1:\\d+/company/777001/personal/select-time\\?o=m9200002s9100002)")
                .matcher(out);
        assertTrue(link.find(), out);
        assertTrue(out.contains("Кнопки 7 нет: у последнего сообщения их 6."), out);
    }

    @Test
    void rolesSwitchWithAsAndAdminFlowsWorkIncludingPagesThatEditTheMessage() throws Exception {
        String out = converse(
                "/setcompany 1",                        // a customer is refused
                "/as nobody",
                "/as admin",
                "/status",
                "/yservices branch=777001",             // 9 services: page 1 of 2, buttons 1-8 map, 9 = "1/2", 10 = "›"
                "10",                                   // next page: the message is edited in place
                "1",                                    // map the service on page 2
                "/settoken partner not-the-demo-token-123456",
                "/as support",
                "/status",
                "/setservice 9100003");

        assertTrue(out.contains("только для администраторов"), out);
        assertTrue(out.contains("Использование: /as admin | /as support | /as customer"), out);
        assertTrue(out.contains("Теперь вы — admin (Telegram id 1000001)"), out);
        assertTrue(out.contains("Филиал: 777001"), out);
        assertTrue(out.contains("demo…0001 (источник: консольный режим)"), "demo tokens shown masked: " + out);
        assertTrue(out.contains("✅ отвечает"), "live check against the demo YCLIENTS: " + out);
        assertTrue(out.contains("Услуг в YCLIENTS: 9"), out);
        assertTrue(out.contains("[10] ›"), out);
        assertTrue(out.contains("бот (сообщение ") && out.contains(" изменено):"), "the page edit is printed: " + out);
        assertTrue(out.contains("‹"), "page 2 offers the way back: " + out);
        assertTrue(out.contains("Кнопка добавлена"), "pressing a callback button on page 2 maps a service: " + out);
        assertTrue(out.contains("(бот удалил ваше сообщение: в нём был секрет)"), out);
        assertFalse(out.contains("not-the-demo-token-123456"), "the token is never echoed");
        assertTrue(out.contains("Теперь вы — support"), out);
        assertTrue(out.lastIndexOf("📊") > out.indexOf("Теперь вы — support"), "support may run /status");
        assertTrue(out.substring(out.indexOf("Теперь вы — support")).contains("только для администраторов"),
                "support may not map services: " + out);
    }

    @Test
    void endOfInputEndsTheProgramWithExitZeroAndNothingIsWrittenToDisk() throws Exception {
        Path data = Path.of("data");
        boolean dataExisted = Files.exists(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--console", "--demo"},
                new ByteArrayInputStream("/services\n1\n1\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir, null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("Женская стрижка"), text);
        assertEquals(dataExisted, Files.exists(data), "console mode without --config must not create ./data");
    }

    @Test
    void withoutDemoOrTokenTheConsoleStillStartsAndSaysWhatIsMissing() throws Exception {
        BotConfig config = new ConfigLoader(Map.of(), dir).load(null, false);
        app = BotApplication.startConsole(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC()),
                false, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.runConsole(new ByteArrayInputStream("/services\n/whoami\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), dir, null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Онлайн-запись сейчас недоступна"), text);
        assertTrue(text.contains("1000003"), "/whoami answers with the console customer's id: " + text);
        assertFalse(text.contains("Демо:"), text);
        assertTrue(app.isPolling(), "the console counts as alive for /health");
        assertFalse(Files.exists(dir.resolve("data")));
        assertTrue(DemoYclients.COMPANY_ID > 0);
    }

    @Test
    void theDemoWalksABookingInTheConsole() throws Exception {
        // /book, the first service, any specialist, the first day, the first time, consent, a typed number, confirm
        String out = converse("/book", "1", "1", "1", "1", "1", "1", "1", "+7 916 123-45-67", "1");
        assertTrue(out.contains("соглашаетесь"), out);
        assertTrue(out.contains("Шаг 5 из 5"), out);
        assertTrue(out.contains("Проверьте запись"), out);
        assertTrue(out.contains("Вы записаны") && out.contains("Номер записи: 900001"), out);
    }

    @Test
    void theCalendarFileAfterABookingIsPrintedAndSavedBesideTheOneAlreadyThere() throws Exception {
        // a file of that name from an earlier run (record ids start again at 900001 in every demo) is never overwritten
        Path earlier = dir.resolve("booking-900001.ics");
        Files.writeString(earlier, "an earlier run's file");

        String out = converse("/book", "1", "1", "1", "1", "1", "1", "1", "+7 916 123-45-67", "1");

        Path saved = dir.resolve("booking-900001-1.ics");
        assertTrue(Files.exists(saved), out);
        String ics = Files.readString(saved);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR") && ics.contains("Женская стрижка"), ics);
        assertTrue(out.contains("бот: 📎 файл booking-900001.ics (" + Files.size(saved) + " байт) сохранён: " + saved), out);
        assertTrue(out.contains(") сохранён: " + saved + "\n📅 Добавьте запись в календарь"), "the caption follows: " + out);
        assertEquals("an earlier run's file", Files.readString(earlier));
        assertTrue(out.contains("сохраняются в " + dir.toAbsolutePath().normalize()), "the banner says where: " + out);
    }

    @Test
    void exportPrintsTheFilesNameAndSizeAndSavesIt() throws Exception {
        String out = converse("/as admin", "/export", "/export");

        Matcher printed = Pattern.compile("бот: 📎 файл (yclients-bot[^ ]+\\.json) \\((\\d+) байт\\) сохранён: (.+)").matcher(out);
        assertTrue(printed.find(), out);
        Path first = Path.of(printed.group(3).strip());
        assertEquals(dir.resolve(printed.group(1)).toAbsolutePath().normalize(), first);
        assertEquals(Long.parseLong(printed.group(2)), Files.size(first));
        assertTrue(Files.readString(first).contains("\"service_buttons\""), "the export itself: " + Files.readString(first));
        assertFalse(Files.readString(first).contains(DemoYclients.PARTNER_TOKEN), "tokens are left out");
        assertTrue(printed.find(), "the second /export is printed too: " + out);
        assertFalse(Path.of(printed.group(3).strip()).equals(first), "and saved beside the first, not over it: " + out);
    }

    @Test
    void inTheDemoABookingIsListedByMybookingsAndCancelledThere() throws Exception {
        // book (any specialist), "remember?" no; then /mybookings, Cancel 1 (after 🔁 1), "yes, cancel", /mybookings again
        String out = converse("/book", "1", "1", "1", "1", "1", "1", "1", "+7 916 123-45-67", "1", "2",
                "/mybookings", "2", "1", "/mybookings");
        assertTrue(out.contains("Номер записи: 900001"), out);
        int listed = out.indexOf("Ваши предстоящие записи");
        assertTrue(listed > 0, "the booking just made is read back from the demo YCLIENTS: " + out);
        // "any specialist": the demo gives the booking to the one who does the service, as YCLIENTS would
        assertTrue(out.indexOf("Женская стрижка · Анна Соколова", listed) > 0, out);
        int cancelled = out.indexOf("отменена", listed);
        assertTrue(cancelled > 0, "Cancel is accepted by the demo YCLIENTS: " + out);
        assertTrue(out.indexOf("Предстоящих записей, сделанных здесь в чате, нет", cancelled) > 0,
                "a cancelled booking is no longer listed: " + out);
    }

    @Test
    void inTheDemoABookingIsMovedToAnotherTime() throws Exception {
        // book the first time of the first day; then /mybookings, 🔁 1, the first day, its first other time, Move
        String out = converse("/book", "1", "1", "1", "1", "1", "1", "1", "+7 916 123-45-67", "1", "2",
                "/mybookings", "1", "1", "1", "1", "/mybookings");
        int moving = out.indexOf("Переносим запись на");
        assertTrue(moving > 0, out);
        int moved = out.indexOf("Запись перенесена", moving);
        assertTrue(moved > 0, "the demo YCLIENTS moves it: " + out);
        assertTrue(out.indexOf("11:30", moved) > 0, "10:00 was booked, 11:30 is the first other time: " + out);
    }

    @Test
    void inTheDemoASharedNumberFindsTheVisitBookedByPhoneWhenTheCustomerSaysYes() throws Exception {
        // book (any specialist) sharing the number the demo's visit booked by phone waits under; "remember?" no;
        // "remind me of all my visits?" yes; then /mybookings
        String out = converse("/book", "1", "1", "1", "1", "1", "1", "1", "/contact +7 900 000-00-00", "1", "2", "1",
                "/mybookings");
        assertTrue(out.contains("/contact"), "the share-contact button is explained: " + out);
        assertTrue(out.contains("Напоминать обо всех ваших записях в «"), out);
        assertTrue(out.contains("Уже нашёл записей, сделанных не в чате: 1"), out);
        int listed = out.lastIndexOf("Ваши предстоящие записи");
        assertTrue(listed > 0 && out.indexOf("записано не в чате", listed) > 0, out);
        assertTrue(out.indexOf("12:00", listed) > 0, "the visit booked by phone, read with the user token: " + out);
    }

    @Test
    void theDemoOffersOnlyTheSpecialistsWhoDoTheService() throws Exception {
        // as YCLIENTS filters book_staff by service_ids[]: haircut → its two stylists; manicure → its one master
        String out = converse("/book", "1", "1", "1", "/book", "3");
        String haircut = out.substring(out.indexOf("Услуга: Женская стрижка"), out.lastIndexOf("Запись. Шаг 1 из 5"));
        assertTrue(haircut.contains("[2] Анна Соколова · Топ-стилист") && haircut.contains("[3] Екатерина Лебедева · Стилист"),
                haircut);
        assertFalse(haircut.contains("Илья Орлов") || haircut.contains("Мария Ким"), haircut);
        String manicure = out.substring(out.indexOf("Услуга: Маникюр с покрытием гель-лак"));
        assertTrue(manicure.contains("[2] Мария Ким · Мастер маникюра") && manicure.contains("[3] ‹ Назад"), manicure);
    }

    @Test
    void withYclientsUnreachableAtTheFirstStartTheLogTheCustomersAndStatusTellTheSameStory() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("YCLIENTS_API_URL", "http://127.0.0.1:" + closedPort,
                "YCLIENTS_API_TOKEN", "partner-token-0001", "YCLIENTS_COMPANY_ID", "502817");
        String startLog;
        try (LogCapture logs = new LogCapture()) {
            app = BotApplication.startConsole(new ConfigLoader(env, dir).load(null, false),
                    BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC()), false, true);
            startLog = logs.text();
        }
        String out = talk("/services", "/as admin", "/status");

        // no booking form could be found: customers are told booking is not available — and the log and /status say so
        assertTrue(startLog.contains("did not answer the start-up check"), startLog);
        assertTrue(startLog.contains("No booking form is known yet, so customers are told online booking is not available"
                + " until it is found: the bot asks YCLIENTS again every 300 s"), startLog);
        assertFalse(startLog.contains("still get their booking buttons"), startLog);
        assertTrue(out.contains("Онлайн-запись сейчас недоступна"), out);
        assertTrue(out.contains("Онлайн-запись: ⚠️ включена, но клиентам недоступна — нет формы записи"), out);
        assertFalse(out.contains("✅ включена"), out);
        assertTrue(out.contains("Форма записи: ❌ нет"), out);
    }

    @Test
    void withAFormButNoServiceTheLogTheCustomersAndStatusSayNoServicesAreOpen() throws Exception {
        Map<String, String> env = Map.of("YCLIENTS_API_URL", "http://127.0.0.1:1", "YCLIENTS_API_TOKEN", "partner-token-0001",
                "YCLIENTS_COMPANY_ID", "502817", "YCLIENTS_BOOKING_URL", "https://n611204.yclients.com");
        String startLog;
        try (LogCapture logs = new LogCapture()) {
            app = BotApplication.startConsole(new ConfigLoader(env, dir).load(null, false),
                    BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC()), false, true);
            startLog = logs.text();
        }
        String out = talk("/book", "/as admin", "/status");

        assertTrue(startLog.contains("Customers are told no services are open for booking yet: add them with /yservices or /setservice"),
                startLog);
        assertTrue(out.contains("Услуг для онлайн-записи пока нет"), out);
        assertTrue(out.contains("Онлайн-запись: ⚠️ включена, но кнопок услуг нет"), out);
        assertTrue(out.contains("Форма записи: https://n611204.yclients.com"), out);
    }
}
