package io.github.yclientsbot.booking;

import io.github.yclientsbot.ReminderScheduler;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Button;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.chat.ReminderView;
import io.github.yclientsbot.config.BookingLimits;
import io.github.yclientsbot.config.ReminderConfig;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.storage.ReminderStore;
import io.github.yclientsbot.yclients.RecordInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A due reminder decided and worded, and "I'll come": the buttons follow what YCLIENTS can be told and what the
 * company allows; a visit kept without a hash is read with the user token and skipped quietly without one; "I'll
 * come" asks YCLIENTS once per visit and thanks the customer whatever it answers.
 */
class VisitRemindersTest {
    private static final Instant DAY_BEFORE = Instant.parse("2026-11-30T07:00:00Z");

    private final BookingFixture f = new BookingFixture(new BookingLimits(0, 0, 0));
    private final AtomicInteger confirmCalls = new AtomicInteger();
    private Attendance.Result answer = Attendance.Result.CONFIRMED;
    private boolean possible = true;
    private boolean changesAllowed = true;
    private final Attendance attendance = new Attendance() {
        @Override
        public boolean possible() {
            return possible;
        }

        @Override
        public Result confirm(long companyId, long recordId) {
            confirmCalls.incrementAndGet();
            return answer;
        }
    };
    private final VisitChanges changes = new VisitChanges() {
        @Override
        public boolean canMove(long companyId, Instant visitStart) {
            return changesAllowed;
        }

        @Override
        public boolean canCancel(long companyId, Instant visitStart) {
            return changesAllowed;
        }
    };
    private final RuntimeStats stats = new RuntimeStats(f.clock, new SimpleMeterRegistry());
    private final ReminderStore store = f.database.reminders();
    private final ReminderSchedule schedule = new ReminderSchedule(ReminderScheduler.client(f.database.dataSource()),
            f.references, store, new ReminderTimes(new ReminderConfig(List.of(Duration.ofHours(24), Duration.ofHours(2)),
            Optional.empty())), () -> ZoneId.of("Europe/Moscow"), f.clock);
    private final VisitReminders visits = new VisitReminders(f.references, store, f.yclients, schedule, attendance, changes,
            stats, f.clock);
    private final MyReminders mine = new MyReminders(f.references, store, schedule, attendance, stats);

    VisitRemindersTest() throws Exception {
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long keep(String hash) throws Exception {
        f.references.add(BookingFixture.ANN, BookingFixture.COMPANY, BookingFixture.RECORD, hash, BookingFixture.TEN);
        when(f.yclients.record(BookingFixture.COMPANY, BookingFixture.RECORD, "h4sh")).thenReturn(visit());
        return f.references.forUser(BookingFixture.ANN).get(0).id();
    }

    private static RecordInfo visit() {
        return new RecordInfo(BookingFixture.RECORD, BookingFixture.TEN, 3600, List.of("Женская стрижка"), "Анна Соколова", false);
    }

    private static final ReminderId DAY = new ReminderId(BookingFixture.COMPANY, BookingFixture.RECORD, 1440);

    @Test
    void illComeIsOfferedWhenYclientsCanBeToldAndTheChangesWhereTheCompanyAllowsThem() throws Exception {
        long id = keep("h4sh");
        f.clock.set(DAY_BEFORE);
        VisitReminders.Due.Send all = assertInstanceOf(VisitReminders.Due.Send.class, visits.prepare(DAY));
        assertEquals(List.of("bk:my:ok:" + id, "bk:my:mv:" + id, "bk:my:c:" + id), data(view(ZoneId.of("Europe/Moscow")).render(all)));

        possible = false;
        changesAllowed = false;
        VisitReminders.Due.Send none = assertInstanceOf(VisitReminders.Due.Send.class, visits.prepare(DAY));
        assertEquals(List.of(), data(view(ZoneId.of("Europe/Moscow")).render(none)));
    }

    @Test
    void theTextSaysTheVisitInTheCompanysZoneAndTheTimeLeft() throws Exception {
        keep("h4sh");
        f.clock.set(DAY_BEFORE.plus(Duration.ofMinutes(70)));
        VisitReminders.Due.Send s = assertInstanceOf(VisitReminders.Due.Send.class, visits.prepare(DAY));
        Action.Send sent = (Action.Send) view(ZoneId.of("Asia/Vladivostok")).render(s).actions().get(0);
        assertEquals(BookingFixture.ANN, sent.chatId());
        assertTrue(sent.text().contains("через 22 ч 50 мин ваш визит"), sent.text());
        assertTrue(sent.text().contains("вторник, 1 декабря 2026, 17:00"), "10:00 in Moscow is 17:00 in Vladivostok: " + sent.text());
        assertTrue(sent.text().contains("📍 Москва, Тверская, 1"), sent.text());
        assertEquals(Instant.parse("2026-12-01T07:00:00Z"), sent.keepUntil());
    }

    @Test
    void aChainsReminderIsWordedInItsOwnBranchsZone() throws Exception {
        keep("h4sh");
        f.clock.set(DAY_BEFORE.plus(Duration.ofMinutes(70)));
        VisitReminders.Due.Send s = assertInstanceOf(VisitReminders.Due.Send.class, visits.prepare(DAY));
        // the visit's company is Yekaterinburg's here, another branch Vladivostok's
        ReminderView chain = new ReminderView(new Messages("ru"), (java.util.function.LongFunction<ZoneId>) company ->
                company == BookingFixture.COMPANY ? ZoneId.of("Asia/Yekaterinburg") : ZoneId.of("Asia/Vladivostok"));
        Action.Send sent = (Action.Send) chain.render(s).actions().get(0);
        assertTrue(sent.text().contains("вторник, 1 декабря 2026, 12:00"), "10:00 in Moscow is 12:00 in Yekaterinburg: "
                + sent.text());
    }

    @Test
    void aVisitKeptWithoutAHashIsReadWithTheUserTokenAndSkippedQuietlyWithoutOne() throws Exception {
        keep("");
        f.clock.set(DAY_BEFORE);
        when(f.yclients.staffRecord(BookingFixture.COMPANY, BookingFixture.RECORD)).thenReturn(Optional.empty());
        assertInstanceOf(VisitReminders.Due.Skip.class, visits.prepare(DAY));
        assertEquals(Optional.of(ReminderStore.Outcome.SKIPPED), store.done(BookingFixture.COMPANY, BookingFixture.RECORD, 1440,
                Instant.parse("2026-12-01T07:00:00Z")));

        ReminderId nearer = new ReminderId(BookingFixture.COMPANY, BookingFixture.RECORD, 120);
        f.clock.set(Instant.parse("2026-12-01T05:00:00Z"));
        when(f.yclients.staffRecord(BookingFixture.COMPANY, BookingFixture.RECORD)).thenReturn(Optional.of(visit()));
        assertInstanceOf(VisitReminders.Due.Send.class, visits.prepare(nearer));
        verify(f.yclients, never()).record(BookingFixture.COMPANY, BookingFixture.RECORD, "");
    }

    @Test
    void illComeAsksYclientsOnceAndThanksWhateverItAnswers() throws Exception {
        long id = keep("h4sh");
        answer = Attendance.Result.FAILED;
        MyReminders.Come first = mine.come(BookingFixture.ANN, id);
        assertEquals(Attendance.Result.FAILED, assertInstanceOf(MyReminders.Come.Asked.class, first).result());
        assertInstanceOf(MyReminders.Come.Already.class, mine.come(BookingFixture.ANN, id), "the same button again");
        assertInstanceOf(MyReminders.Come.Already.class, mine.come(BookingFixture.ANN, id), "an older reminder's button");
        assertEquals(1, confirmCalls.get(), "a repeated tap makes no call");
        assertEquals(Optional.of("FAILED"), store.confirmation(BookingFixture.COMPANY, BookingFixture.RECORD));
        assertInstanceOf(MyReminders.Come.Gone.class, mine.come(42, id), "someone else's visit");
        assertEquals(1, confirmCalls.get());
    }

    @Test
    void forgetMeDropsThePlanAndTheNotes() throws Exception {
        long id = keep("h4sh");
        schedule.replan(id);
        assertEquals(2, schedule.pendingCount());
        mine.turn(BookingFixture.ANN, false);
        mine.come(BookingFixture.ANN, id);
        mine.forget(BookingFixture.ANN);
        assertEquals(0, schedule.pendingCount());
        assertEquals(Optional.empty(), store.choice(BookingFixture.ANN));
        assertEquals(Optional.empty(), store.confirmation(BookingFixture.COMPANY, BookingFixture.RECORD));
    }

    private static ReminderView view(ZoneId zone) {
        return new ReminderView(new Messages("ru"), () -> zone);
    }

    private static List<String> data(Reply reply) {
        Action.Send s = (Action.Send) reply.actions().get(0);
        return s.keyboard().rows().stream().flatMap(List::stream).map(Button::callbackData).toList();
    }
}
