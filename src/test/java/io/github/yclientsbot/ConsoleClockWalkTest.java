package io.github.yclientsbot;

import io.github.yclientsbot.console.ConsoleClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a booking in the console demo without waiting a day: book, then {@code /clock +…} moves the bot's clock
 * and the reminder (or, past the visit, the follow-up) that came due is printed after that line, with its buttons
 * numbered.
 */
class ConsoleClockWalkTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dir;
    ConsoleDemo demo;
    ConsoleClock clock;

    @AfterEach
    void tearDown() {
        if (demo != null) {
            demo.close();
        }
    }

    private String talk(String... lines) {
        return demo.talk(lines);
    }

    /**
     * Starts the demo on a clock the console moves and books its first visit (Moscow branch, the first service and
     * specialist, the first free day — tomorrow in Moscow, not a Sunday — at its first time, 10:00); returns when that
     * visit starts and, in {@code booked}, what the booking printed.
     */
    private Instant bookTheFirstVisit(StringBuilder booked) throws Exception {
        clock = new ConsoleClock(Clock.systemUTC());
        demo = ConsoleDemo.start(dir, clock);
        LocalDate day = LocalDate.now(MOSCOW).plusDays(1);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        booked.append(talk("/book", "1", "1", "1", "2", "1", "1", "1", "+79161234567", "1", "2"));
        return day.atTime(LocalTime.of(10, 0)).atZone(MOSCOW).toInstant();
    }

    @Test
    void clockMovesTheBotsTimeAndTheReminderThatCameDueIsPrinted() throws Exception {
        StringBuilder booked = new StringBuilder();
        Instant visit = bookTheFirstVisit(booked);
        assertTrue(booked.toString().contains("Номер записи: 900001"), booked.toString());

        long minutes = Duration.between(clock.instant(), visit.minus(Duration.ofHours(23))).toMinutes() + 1;
        String walk = talk("/clock", "/clock +" + minutes + "m", "/reminders", "/clock", "3");
        assertTrue(walk.contains("Часы бота: ") && walk.contains("(сдвиг 0d 0h 0m от настоящего времени)"), walk);
        assertTrue(walk.contains("Часы бота переведены на "), walk);
        int reminder = walk.indexOf("⏰ Напоминание: через 2");
        assertTrue(reminder > walk.indexOf("Часы бота переведены"), "printed after the /clock line: " + walk);
        assertTrue(walk.contains("Женская стрижка · Анна Соколова"), walk);
        // the demo has a user token: I'll come is offered too
        assertTrue(walk.contains("[1] ✅ Приду") && walk.contains("[2] 🔁 Другое время [3] ❌ Отменить"), walk);
        assertTrue(walk.contains("Отменить запись на"), "its Cancel asks yes or no: " + walk);
        assertEquals(0, walk.indexOf("⏰", reminder + 1) < 0 ? 0 : 1, "one reminder: the 24h one");
        assertTrue(talk("/clock yesterday").contains("Использование: /clock"));
    }

    @Test
    void illComeUnderTheReminderIsRecordedInTheDemoYclientsAndAnotherTimeStartsTheMove() throws Exception {
        Instant visit = bookTheFirstVisit(new StringBuilder());
        long minutes = Duration.between(clock.instant(), visit.minus(Duration.ofHours(23))).toMinutes() + 1;

        // I'll come: the demo YCLIENTS (it has a user token) takes the attendance; a second tap asks it nothing new
        String come = talk("/clock +" + minutes + "m", "1", "1", "2", "/as admin", "/status");
        int thanks = come.indexOf("Спасибо, что подтвердили");
        assertTrue(thanks > come.indexOf("⏰ Напоминание"), come);
        assertTrue(come.indexOf("Вы уже ответили «Приду»", thanks) > 0, come);

        // 🔁 Another time from the same reminder: the move's calendar for the same service and specialist
        assertTrue(come.indexOf("🔁 Переносим запись на", thanks) > 0, come);
        // YCLIENTS took it: /status counts no failed "I'll come"
        assertTrue(come.contains("«Приду» не удалось отметить в YCLIENTS сегодня (UTC): 0"), come);
    }

    @Test
    void pastTheVisitTheFollowUpIsPrintedAndBookAgainStartsTheSameServiceAndSpecialist() throws Exception {
        Instant visit = bookTheFirstVisit(new StringBuilder());
        // the visit is 10:00–11:00; booking.followup's 3h after its end is 14:00 in Moscow
        long minutes = Duration.between(clock.instant(), visit.plus(Duration.ofHours(4))).toMinutes() + 1;
        String walk = talk("/clock +" + minutes + "m", "1");
        int thanks = walk.indexOf("Спасибо, что были у нас");
        assertTrue(thanks > walk.indexOf("Часы бота переведены"), "printed after the /clock line: " + walk);
        assertTrue(walk.indexOf("Женская стрижка · Анна Соколова", thanks) > 0, walk);
        assertTrue(walk.indexOf("[1] 📅 Записаться снова", thanks) > 0, walk);
        assertFalse(walk.contains("⏰"), "the reminders of a visit already over are not sent late: " + walk);
        // 📅 Book again: the times of the same service and specialist, in a new message
        int times = walk.indexOf("Шаг 4 из 5: выберите время.", thanks);
        assertTrue(times > 0, walk);
        String again = walk.substring(walk.indexOf("[1] 📅 Записаться снова", thanks), times);
        assertTrue(again.contains("Услуга: Женская стрижка") && again.contains("Специалист: Анна Соколова"), again);
    }
}
