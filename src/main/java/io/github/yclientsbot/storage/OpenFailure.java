package io.github.yclientsbot.storage;

import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/** Maps a failure while opening the database to one line the person running the bot can act on. */
final class OpenFailure {
    /** H2 "Database may be already in use" (another process holds the file lock). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2 "Unsupported database file version or invalid file header". */
    static final int H2_FILE_VERSION_ERROR = 90048;
    /** H2 "Wrong user name or password". */
    static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    /** PostgreSQL SQLState "invalid catalog name": the database named in the URL does not exist. */
    static final String PG_DATABASE_MISSING = "3D000";
    /** PostgreSQL SQLState class 08: connection exceptions (refused, unreachable, timed out). */
    static final String PG_CONNECTION_CLASS = "08";

    private OpenFailure() {
    }

    /** Never shows the URL's parameters or user info (see {@link JdbcUrl#display}). */
    static StorageException describe(String url, Throwable failure) {
        SQLException sql = findSqlException(failure);
        if (sql != null && JdbcUrl.isH2(url) && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return new StorageException(h2Database(url) + " is locked by another process (is the bot already running?)",
                    failure);
        }
        if (sql != null && JdbcUrl.isH2(url) && sql.getErrorCode() == H2_FILE_VERSION_ERROR) {
            return new StorageException(h2Database(url) + " was written by an incompatible H2 version or is damaged",
                    failure);
        }
        if (sql != null && (sql.getErrorCode() == H2_WRONG_USER_OR_PASSWORD && JdbcUrl.isH2(url)
                || "28P01".equals(sql.getSQLState()) || "28000".equals(sql.getSQLState()))) {
            return new StorageException("the database " + JdbcUrl.display(url) + " rejected the user name or password",
                    failure);
        }
        if (sql != null && JdbcUrl.isPostgres(url) && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (PG_DATABASE_MISSING.equals(state)) {
                return new StorageException("the database " + JdbcUrl.display(url) + " does not exist on that server"
                        + " (create it, or fix the name in bot.db.url)", failure);
            }
            if (state.startsWith(PG_CONNECTION_CLASS)) {
                return new StorageException("cannot connect to the PostgreSQL server of " + JdbcUrl.display(url) + ": "
                        + oneLine(sql), failure);
            }
        }
        if (failure instanceof FlywayException) {
            return new StorageException("migrating the database " + JdbcUrl.display(url) + " failed: "
                    + oneLine(failure), failure);
        }
        SchemaManagementException schema = findCause(failure, SchemaManagementException.class);
        if (schema != null) {
            return new StorageException("the database " + JdbcUrl.display(url)
                    + " does not match this version of the bot: " + oneLine(schema), failure);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new StorageException("cannot open the database " + JdbcUrl.display(url) + ": " + oneLine(root), failure);
    }

    /** The exception's message on one line (its class name when it has none). */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static String h2Database(String url) {
        return JdbcUrl.isH2File(url) ? "the database file " + JdbcUrl.h2FilePath(url) + ".mv.db"
                : "the database " + JdbcUrl.display(url);
    }

    private static SQLException findSqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
                if (sql.getErrorCode() != 0) {
                    return sql;
                }
            }
        }
        return found;
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
