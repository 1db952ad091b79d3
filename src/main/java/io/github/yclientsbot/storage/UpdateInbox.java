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
import java.util.List;
import java.util.Objects;
import org.hibernate.SessionFactory;

/**
 * Telegram updates between "received" and "handled". The poller {@link #add adds} a batch in one transaction
 * before the library confirms it to Telegram; a worker {@link #markHandled marks} an update handled after its
 * reply went out, which moves its id to {@code handled_update}. An id found there (or still waiting here) is
 * never queued again, so an update Telegram sends twice is answered once. Plain JDBC on Hibernate's
 * connection: the payload column is TEXT, which H2 and PostgreSQL map to different JDBC types.
 */
public final class UpdateInbox {

    /** One received update: its id, the chat it belongs to (0 if none), and the Update as JSON. */
    public record Entry(long updateId, long chatId, String payload, Instant receivedAt) {
        public Entry {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    private final SessionFactory sessionFactory;
    private final Clock clock;

    UpdateInbox(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores the updates not seen before (neither waiting nor handled), in one transaction, and returns them in
     * the given order with their receive time. Returns after the commit.
     */
    public List<Entry> add(List<Entry> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Instant now = Database.now(clock);
        return sessionFactory.fromTransaction(session -> session.doReturningWork(connection -> {
            List<Entry> added = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbox_update (update_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?)")) {
                for (Entry e : candidates) {
                    if (known(connection, e.updateId())) {
                        continue;
                    }
                    insert.setLong(1, e.updateId());
                    insert.setLong(2, e.chatId());
                    insert.setString(3, e.payload());
                    insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.executeUpdate();
                    added.add(new Entry(e.updateId(), e.chatId(), e.payload(), now));
                }
            }
            return added;
        }));
    }

    private static boolean known(Connection connection, long updateId) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT 1 FROM inbox_update WHERE update_id = ? UNION ALL SELECT 1 FROM handled_update WHERE update_id = ?")) {
            q.setLong(1, updateId);
            q.setLong(2, updateId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** True if the update was handled (its id is recorded). */
    public boolean isHandled(long updateId) {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM handled_update WHERE update_id = ?")) {
                q.setLong(1, updateId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        }));
    }

    /** Removes the update from the inbox and records its id as handled, in one transaction. Idempotent. */
    public void markHandled(long updateId) {
        Instant now = Database.now(clock);
        sessionFactory.inTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM inbox_update WHERE update_id = ?")) {
                delete.setLong(1, updateId);
                delete.executeUpdate();
            }
            boolean recorded;
            try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM handled_update WHERE update_id = ?")) {
                q.setLong(1, updateId);
                try (ResultSet rs = q.executeQuery()) {
                    recorded = rs.next();
                }
            }
            if (!recorded) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO handled_update (update_id, handled_at) VALUES (?, ?)")) {
                    insert.setLong(1, updateId);
                    insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            }
        }));
    }

    /** The updates still waiting, oldest update id first. */
    public List<Entry> waiting() {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(connection -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT update_id, chat_id, payload, received_at FROM inbox_update ORDER BY update_id");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        }));
    }

    /** How many updates are waiting. */
    public int waitingCount() {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM inbox_update");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    /** Forgets handled ids recorded before {@code before}; returns how many. Telegram keeps updates about 24 h. */
    public int pruneHandled(Instant before) {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM handled_update WHERE handled_at < ?")) {
                delete.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        }));
    }
}
