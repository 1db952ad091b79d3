package io.github.yclientsbot;

import io.github.yclientsbot.booking.ReminderSchedule;
import io.github.yclientsbot.booking.ReminderTimes;
import io.github.yclientsbot.config.ReminderConfig;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot in a child JVM is killed (kill -9) while a reminder is being sent — Telegram has the message, the bot has not
 * noted it — and started again: the send is taken up again once its heartbeat is 30 s old, the reminder noted sent
 * once, and no third copy goes. Two copies is the documented window (the send, then the note), which this test makes
 * wide on purpose by holding Telegram's answer.
 */
class ReminderCrashEndToEndTest extends EndToEndBase {
    private static final Duration CHILD_WAIT = Duration.ofSeconds(90);
    private static final String VISIT = "2026-12-01T10:00:00+03:00";
    private static final Instant DUE = Instant.parse("2026-11-30T07:00:00Z");
    private static final long RECORD = 784512093;
    private static final String HASH = "9f2c4e1ab07d5e3c8a61b4f0d2e7c915";

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReminderKilledMidSendIsSentAgainAfterTheRestartAndNotedOnce() throws Exception {
        Map<String, String> env = new HashMap<>(env());
        env.put("YCLIENTS_COMPANY_ID", Long.toString(COMPANY));
        env.put("YCLIENTS_API_TOKEN", PARTNER);
        yclients.on("GET", "/api/v1/book_record/" + COMPANY + "/" + RECORD + "/" + HASH).respond(200,
                "{\"success\":true,\"data\":{\"id\":784512093,\"datetime\":\"" + VISIT + "\",\"seance_length\":3600,"
                        + "\"services\":[{\"id\":13700211,\"title\":\"Женская стрижка\"}],"
                        + "\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},\"deleted\":false},\"meta\":[]}");
        // booked in the chat before: its reminders planned (24h before: 30 November, 07:00 UTC)
        try (Database db = Database.open(env.get("BOT_DB_URL"), null, null, clock)) {
            db.bookingReferences().add(CUSTOMER, COMPANY, RECORD, HASH, VISIT);
            new ReminderSchedule(ReminderScheduler.client(db.dataSource()), db.bookingReferences(), db.reminders(),
                    new ReminderTimes(new ReminderConfig(List.of(Duration.ofHours(24), Duration.ofHours(2)),
                            Optional.empty())), () -> ZoneId.of("Europe/Moscow"), clock)
                    .replan(db.bookingReferences().forUser(CUSTOMER).get(0).id());
        }
        telegram.holdSendsTo(CUSTOMER);

        env.put("TEST_CLOCK_AT", DUE.plusSeconds(5).toString());
        Path firstLog = dir.resolve("child-1.txt");
        Process first = startChild(env, firstLog);
        await().atMost(CHILD_WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            alive(first, firstLog);
            return telegram.heldSends() == 1;
        });
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the child JVM died");

        Instant heartbeat;
        try (Connection c = DriverManager.getConnection(env.get("BOT_DB_URL"))) {
            heartbeat = pickedHeartbeat(c);
            assertEquals(List.of(), rows(c, "SELECT outcome FROM reminder_log"), "not noted: the process died in the send");
        }
        // Telegram had the message when the process died: it delivers it
        telegram.releaseSendsTo(CUSTOMER);
        await().atMost(CHILD_WAIT).until(() -> reminders().size() == 1);

        // restarted once the dead send's heartbeat is 30 s old (5 s × 6 missed): taken up again at once
        env.put("TEST_CLOCK_AT", heartbeat.plus(ReminderScheduler.HEARTBEAT.multipliedBy(ReminderScheduler.MISSED_HEARTBEATS))
                .plusSeconds(1).toString());
        Path secondLog = dir.resolve("child-2.txt");
        Process second = startChild(env, secondLog);
        await().atMost(CHILD_WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            alive(second, secondLog);
            // sent, and done: its row removed (killed in between, the note alone would keep a third copy from going)
            List<String> seen = lines(secondLog);
            return seen.contains(ChildBotProcess.REMINDERS + "1")
                    && seen.lastIndexOf(ChildBotProcess.PENDING + "1") > seen.indexOf(ChildBotProcess.REMINDERS + "1");
        });
        second.destroyForcibly();
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));

        List<String> sent = reminders();
        assertEquals(2, sent.size(), "the one in flight at the kill, and the retry: " + sent);
        assertTrue(sent.get(1).contains("Женская стрижка · Анна Соколова"), sent.get(1));
        // read with plain JDBC: the schema is there, Hibernate's start is not needed
        try (Connection c = DriverManager.getConnection(env.get("BOT_DB_URL"))) {
            assertEquals(List.of("1440 SENT"), rows(c, "SELECT offset_minutes || ' ' || outcome FROM reminder_log"));
            assertEquals(List.of(COMPANY + "-" + RECORD + "-120", COMPANY + "-" + RECORD + "-followup"),
                    rows(c, "SELECT task_instance FROM scheduled_tasks ORDER BY task_instance"),
                    "only the 2h reminder waits, and the visit's follow-up (planned at the child's start)");
        }
    }

    private List<String> reminders() {
        return telegram.calls("sendmessage").stream().filter(c -> c.chatId() == CUSTOMER).map(Call::text)
                .filter(t -> t.contains("Напоминание")).toList();
    }

    private static List<String> rows(Connection c, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The last heartbeat of the one picked (running) reminder. */
    private static Instant pickedHeartbeat(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_heartbeat FROM scheduled_tasks WHERE picked = TRUE")) {
            assertTrue(rs.next(), "a reminder was running when the process died");
            Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
            assertTrue(!rs.next(), "one");
            return at;
        }
    }

    private Process startChild(Map<String, String> env, Path log) throws IOException {
        Process p = ChildBotProcess.start(dir, env, log);
        children.add(p);
        return p;
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private static void alive(Process p, Path log) throws IOException {
        if (!p.isAlive()) {
            throw new AssertionError("child JVM exited with " + p.exitValue() + ":\n" + String.join("\n", lines(log)));
        }
    }
}
