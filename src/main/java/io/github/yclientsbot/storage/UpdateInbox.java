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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Telegram updates between "received" and "handled". The poller {@link #add adds} a batch in one transaction
 * before the library confirms it to Telegram; after their replies went out, a worker's update ids are
 * {@link #markHandled(Collection) marked handled} — in batches, one transaction each — which moves them to
 * {@code handled_update}. An id found there (or still waiting here) is never queued again, so an update Telegram
 * sends twice is answered once.
 *
 * <p>Plain JDBC on the pool, no Hibernate: this is the hot path of a rush (one batch write per getUpdates and one
 * per group of handled ids), and the payload column is TEXT, which H2 and PostgreSQL map to different JDBC types
 * ({@code setString}/{@code getString} work on both).
 */
public final class UpdateInbox {

    /** One received update: its id, the chat it belongs to (0 if none), and the Update as JSON. */
    public record Entry(long updateId, long chatId, String payload, Instant receivedAt) {
        public Entry {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** The inbox could not be read or written (the database is down or closed). */
    public static final class InboxException extends RuntimeException {
        InboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Ids per IN list: well under every driver's limit on parameters (a power of two, see {@link #inList}). */
    private static final int IN_CHUNK = 512;

    private final DataSource dataSource;
    private final Clock clock;

    UpdateInbox(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction; commits, or rolls back and throws. */
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
            throw new InboxException("update inbox: could not " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the updates not seen before (neither waiting nor handled), in one transaction (one query for the
     * known ids, one JDBC batch of inserts), and returns them in the given order with their receive time.
     * Returns after the commit.
     */
    public List<Entry> add(List<Entry> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Instant now = Database.now(clock);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return inTransaction("store received updates", connection -> {
            Set<Long> known = known(connection, candidates.stream().map(Entry::updateId).toList());
            List<Entry> added = new ArrayList<>(candidates.size());
            Set<Long> inBatch = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbox_update (update_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?)")) {
                for (Entry e : candidates) {
                    if (known.contains(e.updateId()) || !inBatch.add(e.updateId())) {
                        continue;
                    }
                    insert.setLong(1, e.updateId());
                    insert.setLong(2, e.chatId());
                    insert.setString(3, e.payload());
                    insert.setObject(4, at);
                    insert.addBatch();
                    added.add(new Entry(e.updateId(), e.chatId(), e.payload(), now));
                }
                if (!added.isEmpty()) {
                    insert.executeBatch();
                }
            }
            return added;
        });
    }

    /** Which of {@code ids} are waiting or handled. */
    private static Set<Long> known(Connection connection, List<Long> ids) throws SQLException {
        Set<Long> known = new HashSet<>();
        for (List<Long> chunk : chunks(ids)) {
            String in = inList(chunk.size());
            try (PreparedStatement q = connection.prepareStatement("SELECT update_id FROM inbox_update WHERE update_id IN (" + in
                    + ") UNION ALL SELECT update_id FROM handled_update WHERE update_id IN (" + in + ")")) {
                int next = setIds(q, 1, chunk);
                setIds(q, next, chunk);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getLong(1));
                    }
                }
            }
        }
        return known;
    }

    /** True if the update was handled (its id is recorded). */
    public boolean isHandled(long updateId) {
        return inTransaction("read handled ids", connection -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM handled_update WHERE update_id = ?")) {
                q.setLong(1, updateId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Removes the update from the inbox and records its id as handled, in one transaction. Idempotent. */
    public void markHandled(long updateId) {
        markHandled(List.of(updateId));
    }

    /**
     * Removes the updates from the inbox and records their ids as handled, all in one transaction (a group
     * commit: one write for many handled updates). Idempotent.
     */
    public void markHandled(Collection<Long> updateIds) {
        if (updateIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(updateIds));
        OffsetDateTime at = OffsetDateTime.ofInstant(Database.now(clock), ZoneOffset.UTC);
        inTransaction("record handled updates", connection -> {
            Set<Long> recorded = new HashSet<>();
            for (List<Long> chunk : chunks(ids)) {
                String in = inList(chunk.size());
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM inbox_update WHERE update_id IN (" + in + ")")) {
                    setIds(delete, 1, chunk);
                    delete.executeUpdate();
                }
                try (PreparedStatement q = connection.prepareStatement("SELECT update_id FROM handled_update WHERE update_id IN (" + in + ")")) {
                    setIds(q, 1, chunk);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            recorded.add(rs.getLong(1));
                        }
                    }
                }
            }
            if (recorded.size() < ids.size()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO handled_update (update_id, handled_at) VALUES (?, ?)")) {
                    for (long id : ids) {
                        if (!recorded.contains(id)) {
                            insert.setLong(1, id);
                            insert.setObject(2, at);
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    /** The updates still waiting, oldest update id first. */
    public List<Entry> waiting() {
        return inTransaction("read waiting updates", connection -> {
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
        });
    }

    /** How many updates are waiting. */
    public int waitingCount() {
        return inTransaction("count waiting updates", connection -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM inbox_update");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Forgets handled ids recorded before {@code before}; returns how many. Telegram keeps updates about 24 h. */
    public int pruneHandled(Instant before) {
        return inTransaction("forget old handled ids", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM handled_update WHERE handled_at < ?")) {
                delete.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        });
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
        }
        return out;
    }

    /**
     * The placeholders of an IN list for {@code n} ids, rounded up to a power of two: a handful of distinct SQL
     * texts, so the database's statement cache finds them instead of parsing each group's query anew (parsing was
     * a fifth of the handled-id writes' time). {@link #setIds} fills the spare places with the last id.
     */
    private static String inList(int n) {
        return String.join(", ", java.util.Collections.nCopies(places(n), "?"));
    }

    /** {@code n} rounded up to a power of two. */
    private static int places(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /** Sets the ids from parameter {@code first} on, repeating the last one up to the size of {@link #inList}; returns the next index. */
    private static int setIds(PreparedStatement statement, int first, List<Long> ids) throws SQLException {
        int places = places(ids.size());
        for (int i = 0; i < places; i++) {
            statement.setLong(first + i, ids.get(Math.min(i, ids.size() - 1)));
        }
        return first + places;
    }
}
