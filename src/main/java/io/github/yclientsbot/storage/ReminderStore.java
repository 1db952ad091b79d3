package io.github.yclientsbot.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the reminders of visits keep besides the schedule itself ({@code scheduled_tasks}, db-scheduler's): which
 * reminder of which visit is done and how ({@code reminder_log}), who turned reminders off ({@code reminder_choice}),
 * and which visits "I'll come" was pressed for ({@code visit_confirmation}). Plain JDBC on the pool: small rows
 * written once, read by key.
 */
public final class ReminderStore {
    /**
     * What became of one reminder (or follow-up): Telegram took it (SENT); Telegram refused it for good or it was given
     * up before the visit (UNDELIVERED); not sent on purpose — the visit gone or past, a later one stands in, off (SKIPPED).
     */
    public enum Outcome { SENT, UNDELIVERED, SKIPPED }

    /** A customer's /reminders answer and when it was given. */
    public record Choice(boolean enabled, Instant changedAt) {}

    /** The reminders' tables could not be read or written (the database is down or closed). */
    public static final class ReminderStoreException extends RuntimeException {
        ReminderStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Unique key violated (SQLState 23505 on H2 and PostgreSQL): the row is there already. */
    private static final String DUPLICATE = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    ReminderStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @FunctionalInterface
    private interface Work<T> { T run(Connection connection) throws SQLException; }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ReminderStoreException("reminders: could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    // --- reminder_log -----------------------------------------------------------------------------------------

    /**
     * Notes that the reminder at {@code offsetMinutes} before the visit starting at {@code visitStart} is done.
     * Returns after the commit; {@code false} when it was noted before (nothing written).
     */
    public boolean markDone(long companyId, long recordId, int offsetMinutes, Instant visitStart, long userId,
                            Outcome outcome) {
        Instant now = Database.now(clock);
        try {
            return inTransaction("note a reminder as done", c -> {
                if (doneOutcome(c, companyId, recordId, offsetMinutes, visitStart).isPresent()) {
                    return false;
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO reminder_log (company_id, record_id,"
                        + " offset_minutes, visit_start, user_id, outcome, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, companyId);
                    insert.setLong(2, recordId);
                    insert.setInt(3, offsetMinutes);
                    insert.setObject(4, utc(visitStart));
                    insert.setLong(5, userId);
                    insert.setString(6, outcome.name());
                    insert.setObject(7, utc(now));
                    insert.executeUpdate();
                }
                return true;
            });
        } catch (ReminderStoreException e) {
            if (e.getCause() instanceof SQLException s && DUPLICATE.equals(s.getSQLState())) {
                return false; // noted at the same moment by another run
            }
            throw e;
        }
    }

    /** How that reminder ended, when it did. */
    public Optional<Outcome> done(long companyId, long recordId, int offsetMinutes, Instant visitStart) {
        return inTransaction("read a reminder's outcome", c -> doneOutcome(c, companyId, recordId, offsetMinutes, visitStart));
    }

    private static Optional<Outcome> doneOutcome(Connection c, long companyId, long recordId, int offsetMinutes,
                                                 Instant visitStart) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT outcome FROM reminder_log WHERE company_id = ? AND record_id = ?"
                + " AND offset_minutes = ? AND visit_start = ?")) {
            q.setLong(1, companyId);
            q.setLong(2, recordId);
            q.setInt(3, offsetMinutes);
            q.setObject(4, utc(visitStart));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(Outcome.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** The offsets (minutes) of the visit starting at {@code visitStart} whose reminders are done. */
    public Set<Integer> doneOffsets(long companyId, long recordId, Instant visitStart) {
        return inTransaction("read a visit's reminders", c -> {
            Set<Integer> offsets = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT offset_minutes FROM reminder_log WHERE company_id = ?"
                    + " AND record_id = ? AND visit_start = ?")) {
                q.setLong(1, companyId);
                q.setLong(2, recordId);
                q.setObject(3, utc(visitStart));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        offsets.add(rs.getInt(1));
                    }
                }
            }
            return offsets;
        });
    }

    /** Reminders that ended with {@code outcome} since {@code since} (for /status); follow-ups not counted. */
    public int count(Outcome outcome, Instant since) {
        return count(outcome, since, "offset_minutes > 0");
    }

    /** Follow-ups after visits (noted with offset 0) that ended with {@code outcome} since {@code since}. */
    public int followups(Outcome outcome, Instant since) {
        return count(outcome, since, "offset_minutes = 0");
    }

    private int count(Outcome outcome, Instant since, String which) {
        return inTransaction("count reminders", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM reminder_log WHERE outcome = ? AND done_at >= ?"
                    + " AND " + which)) {
                q.setString(1, outcome.name());
                q.setObject(2, utc(since));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** How many visits got a reminder (one sent at least) since {@code since} (the confirm rate's denominator). */
    public int remindedVisits(Instant since) {
        return inTransaction("count reminded visits", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM (SELECT DISTINCT company_id, record_id"
                    + " FROM reminder_log WHERE outcome = ? AND done_at >= ? AND offset_minutes > 0) v")) {
                q.setString(1, Outcome.SENT.name());
                q.setObject(2, utc(since));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** How many visits got "I'll come" since {@code since}; with {@code outcome} only those that ended so (null: all). */
    public int confirmations(Instant since, String outcome) {
        return inTransaction("count I'll come", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM visit_confirmation WHERE confirmed_at >= ?"
                    + (outcome == null ? "" : " AND outcome = ?"))) {
                q.setObject(1, utc(since));
                if (outcome != null) {
                    q.setString(2, outcome);
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** How many reminders of task {@code taskName} wait in the durable schedule (db-scheduler's; follow-ups not counted). */
    public int pending(String taskName) {
        return inTransaction("count pending reminders", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?"
                    + " AND task_instance NOT LIKE '%-followup'")) {
                q.setString(1, taskName);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The instance ids of task {@code taskName} that start with {@code prefix} (digits and dashes only). */
    public List<String> instances(String taskName, String prefix) {
        if (!prefix.matches("[0-9-]+")) {
            throw new IllegalArgumentException("not a reminder prefix: " + prefix);
        }
        return inTransaction("read a visit's pending reminders", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT task_instance FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")) {
                q.setString(1, taskName);
                q.setString(2, prefix + "%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * How many executions of task {@code taskName} are due by {@code now} and free, or running in scheduler
     * {@code scheduler} (picked by it; one picked by a process that died is not waited for).
     */
    public int dueOrRunning(String taskName, Instant now, String scheduler) {
        return inTransaction("count due reminders", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?"
                    + " AND ((execution_time <= ? AND picked = FALSE) OR (picked = TRUE AND picked_by = ?))")) {
                q.setString(1, taskName);
                q.setObject(2, utc(now));
                q.setString(3, scheduler);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * The notes of visits that started before {@code before} are deleted, and the "I'll come" taps made before it
     * (a repeated tap on so old a visit's button finds the visit past anyway).
     */
    public int deleteOld(Instant before) {
        return inTransaction("delete old reminder notes", c -> {
            int n;
            try (PreparedStatement d = c.prepareStatement("DELETE FROM reminder_log WHERE visit_start < ?")) {
                d.setObject(1, utc(before));
                n = d.executeUpdate();
            }
            try (PreparedStatement d = c.prepareStatement("DELETE FROM visit_confirmation WHERE confirmed_at < ?")) {
                d.setObject(1, utc(before));
                n += d.executeUpdate();
            }
            return n;
        });
    }

    // --- reminder_choice --------------------------------------------------------------------------------------

    /** /reminders on|off, stored with its time. */
    public void choose(long userId, boolean enabled) {
        Instant now = Database.now(clock);
        inTransaction("store a reminders choice", c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM reminder_choice WHERE user_id = ?")) {
                d.setLong(1, userId);
                d.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reminder_choice (user_id, enabled, changed_at) VALUES (?, ?, ?)")) {
                insert.setLong(1, userId);
                insert.setBoolean(2, enabled);
                insert.setObject(3, utc(now));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The customer's /reminders answer; empty: never given (reminders on). */
    public Optional<Choice> choice(long userId) {
        return inTransaction("read a reminders choice", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT enabled, changed_at FROM reminder_choice WHERE user_id = ?")) {
                q.setLong(1, userId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new Choice(rs.getBoolean(1), instant(rs, "changed_at"))) : Optional.empty();
                }
            }
        });
    }

    // --- visit_confirmation -----------------------------------------------------------------------------------

    /**
     * Notes the first "I'll come" of a visit, with what came of it. Returns after the commit; {@code false} when the
     * visit had one already (nothing written).
     */
    public boolean confirmOnce(long companyId, long recordId, long userId, String outcome) {
        Instant now = Database.now(clock);
        try {
            return inTransaction("note I'll come", c -> {
                if (confirmation(c, companyId, recordId).isPresent()) {
                    return false;
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO visit_confirmation (company_id, record_id,"
                        + " user_id, outcome, confirmed_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, companyId);
                    insert.setLong(2, recordId);
                    insert.setLong(3, userId);
                    insert.setString(4, outcome);
                    insert.setObject(5, utc(now));
                    insert.executeUpdate();
                }
                return true;
            });
        } catch (ReminderStoreException e) {
            if (e.getCause() instanceof SQLException s && DUPLICATE.equals(s.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** What came of the first "I'll come" of a visit, when there was one. */
    public Optional<String> confirmation(long companyId, long recordId) {
        return inTransaction("read I'll come", c -> confirmation(c, companyId, recordId));
    }

    /** Replaces the outcome noted for a visit's "I'll come" (the call's answer, after the tap was noted). */
    public void confirmed(long companyId, long recordId, String outcome) {
        inTransaction("note what I'll come did", c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE visit_confirmation SET outcome = ? WHERE company_id = ? AND record_id = ?")) {
                u.setString(1, outcome);
                u.setLong(2, companyId);
                u.setLong(3, recordId);
                u.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<String> confirmation(Connection c, long companyId, long recordId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT outcome FROM visit_confirmation WHERE company_id = ? AND record_id = ?")) {
            q.setLong(1, companyId);
            q.setLong(2, recordId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    // --- /forgetme ----------------------------------------------------------------------------------------------

    /** Everything kept about the customer's reminders, choice and taps is deleted; how many rows went. */
    public int forget(long userId) {
        return inTransaction("forget a customer's reminders", c -> {
            int n = 0;
            for (String table : new String[] {"reminder_log", "reminder_choice", "visit_confirmation"}) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                    d.setLong(1, userId);
                    n += d.executeUpdate();
                }
            }
            return n;
        });
    }
}
