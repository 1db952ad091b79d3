package io.github.yclientsbot;

import io.github.yclientsbot.booking.ReminderSchedule;
import io.github.yclientsbot.booking.ReminderTimes;
import io.github.yclientsbot.config.ReminderConfig;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable schedule on db-scheduler's table from our migration V8, on H2 and PostgreSQL: planned once ("if not
 * exists"), kept across a restart, each reminder run once when due by the injected clock, no task data, and a send
 * killed mid-way taken up again once its heartbeat is 30 s old — within a minute.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ReminderSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    /** 1 December 2026, 15:00 in Moscow: both reminders in the day. */
    private static final String VISIT = "2026-12-01T15:00:00+03:00";
    private static final Instant DAY_BEFORE = Instant.parse("2026-11-30T12:00:00Z");

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(NOW);
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<ReminderScheduler> started = new ArrayList<>();
    private Database database;
    private ReminderSchedule schedule;
    private long referenceId;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:schedule-" + System.nanoTime()).open(clock);
        schedule = new ReminderSchedule(ReminderScheduler.client(database.dataSource()), database.bookingReferences(),
                database.reminders(), new ReminderTimes(new ReminderConfig(List.of(Duration.ofHours(24), Duration.ofHours(2)),
                Optional.empty())), () -> ZoneId.of("Europe/Moscow"), clock);
        database.bookingReferences().add(3003, 502817, 784512093, "9f2c4e1a", VISIT);
        referenceId = database.bookingReferences().forUser(3003).get(0).id();
    }

    @AfterEach
    void close() {
        started.forEach(ReminderScheduler::close);
        if (database != null) {
            database.close();
        }
    }

    /** A runner as after a start: every due reminder it runs is noted in {@link #ran}. */
    private ReminderScheduler start() {
        ReminderScheduler s = ReminderScheduler.build(database.dataSource(), database.reminders(), schedule, instance -> {
            ran.add(instance);
            return Optional.empty();
        }, instance -> { }, clock, "test-" + started.size());
        started.add(s);
        s.start();
        return s;
    }

    private List<String> instances() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT task_name, task_instance, task_data FROM scheduled_tasks ORDER BY task_instance")) {
            while (rs.next()) {
                assertEquals(ReminderSchedule.TASK, rs.getString(1));
                assertNull(rs.getBytes(3), "no task data: nothing serialized");
                out.add(rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void aVisitsRemindersArePlannedOnceWithVisitAndOffsetInTheInstanceId() throws Exception {
        schedule.replan(referenceId);
        schedule.replan(referenceId);
        assertEquals(List.of("502817-784512093-120", "502817-784512093-1440"), instances());
        assertEquals(2, schedule.pendingCount());
        schedule.drop(502817, 784512093);
        assertEquals(List.of(), instances());
    }

    @Test
    void plannedRemindersSurviveARestartAndRunOnceEachWhenDue() throws Exception {
        schedule.replan(referenceId);
        start().close();

        ReminderScheduler after = start();
        after.runDueNow();
        assertEquals(List.of(), ran, "nothing before its time");
        clock.set(DAY_BEFORE);
        after.runDueNow();
        assertEquals(List.of("502817-784512093-1440"), ran);
        after.runDueNow();
        assertEquals(List.of("502817-784512093-1440"), ran, "done once");
        assertEquals(List.of("502817-784512093-120"), instances());
    }

    @Test
    void aSendKilledMidWayIsTakenUpAgainOnceItsHeartbeatIsThirtySecondsOld() throws Exception {
        schedule.replan(referenceId);
        clock.set(DAY_BEFORE);
        // a bot picked the reminder and died mid-send: picked, its last heartbeat at the kill
        try (Connection c = database.dataSource().getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'killed', last_heartbeat = ? WHERE task_instance = ?")) {
            u.setObject(1, OffsetDateTime.ofInstant(DAY_BEFORE, ZoneOffset.UTC));
            u.setString(2, "502817-784512093-1440");
            assertEquals(1, u.executeUpdate());
        }
        clock.set(DAY_BEFORE.plusSeconds(25));
        start().runDueNow();
        assertEquals(List.of(), ran, "25 s after the last heartbeat it may still be running");

        Duration dead = ReminderScheduler.HEARTBEAT.multipliedBy(ReminderScheduler.MISSED_HEARTBEATS);
        assertTrue(dead.compareTo(Duration.ofSeconds(40)) <= 0, "found dead within a minute, with the checks' delays");
        clock.set(DAY_BEFORE.plus(dead).plusSeconds(1));
        ReminderScheduler next = start();
        // its dead-execution check runs at its start, on its own thread: the revived reminder is due at once
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            next.runDueNow();
            return !ran.isEmpty();
        });
        assertEquals(List.of("502817-784512093-1440"), ran, "revived and run again, once");
    }
}
