package io.github.yclientsbot.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 7, a Java migration: no secret and no phone number at rest. Versions before it wrote each update
 * to the inbox as received ({@code /settoken partner <token>}, {@code /yclogin <login> <password>}, {@code /claim},
 * typed and shared phone numbers) and kept the customer's phone and name in the booking draft in plain text. This
 * masks the waiting updates and encrypts the drafts ({@link PlainSecretsScrub}), once, in Flyway's transaction; the
 * rows already handled and deleted still lie in the database file's free space, which {@link DatabaseSetup}
 * compacts right after (H2: {@code SHUTDOWN COMPACT}; PostgreSQL: {@code VACUUM FULL} of the two tables).
 */
final class PlainSecretsMigration implements JavaMigration {
    private static final Logger log = LoggerFactory.getLogger(PlainSecretsMigration.class);
    static final String VERSION = "7";

    private final PlainSecretsScrub scrub;

    PlainSecretsMigration(PlainSecretsScrub scrub) {
        this.scrub = Objects.requireNonNull(scrub, "scrub");
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "no plain secrets at rest";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        int inbox = rewrite(c, "inbox_update", "update_id", "payload", scrub::inboxPayload);
        int drafts = rewrite(c, "booking_state", "user_id", "state_json", scrub::bookingState);
        if (inbox + drafts > 0) {
            log.info("Upgrade: {} waiting update(s) masked and {} booking draft(s) encrypted; no secret or phone number"
                    + " is kept in plain text any more", inbox, drafts);
        }
    }

    /** Rewrites (or deletes, when the scrub says null) each row of {@code table} whose text changes; returns how many. */
    private static int rewrite(Connection c, String table, String key, String column, UnaryOperator<String> how)
            throws SQLException {
        Map<Long, String> changed = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + key + ", " + column + " FROM " + table);
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                String before = rs.getString(2);
                String after = how.apply(before);
                if (!Objects.equals(before, after)) {
                    changed.put(rs.getLong(1), after);
                }
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE " + key + " = ?")) {
            for (Map.Entry<Long, String> e : changed.entrySet()) {
                if (e.getValue() == null) {
                    delete.setLong(1, e.getKey());
                    delete.executeUpdate();
                } else {
                    update.setString(1, e.getValue());
                    update.setLong(2, e.getKey());
                    update.executeUpdate();
                }
            }
        }
        return changed.size();
    }
}
