package io.github.yclientsbot.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Empties an open {@link Database} between tests that share it (Hibernate's start is what a test class saves):
 * every table the migrations made loses its rows, the migrations' history stays, and the buttons' read cache is
 * dropped. What the layers above keep in memory (settings, the YCLIENTS cache) is the caller's to reload.
 */
public final class DatabaseReset {
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private DatabaseReset() {
    }

    public static void empty(Database database) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : tables(connection)) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database: " + e.getMessage(), e);
        }
        database.serviceMappings().changed();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase(Locale.ROOT).equals(FLYWAY_HISTORY)) {
                    tables.add(name);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found in schema " + connection.getSchema());
        }
        return tables;
    }
}
