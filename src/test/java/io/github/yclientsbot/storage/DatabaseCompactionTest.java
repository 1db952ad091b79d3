package io.github.yclientsbot.storage;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.yclientsbot.testing.LogCapture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compaction after the upgrade cannot stop the start: the scrub is committed, the bot can run without it. */
class DatabaseCompactionTest {
    @TempDir
    Path dir;

    @Test
    void aCompactionThatFailsIsAWarningAndTheBotGetsAWorkingPool() throws Exception {
        String url = JdbcUrl.effective("jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath());
        HikariDataSource pool = spy(DatabaseSetup.pool(url, null, null, null));
        doThrow(new SQLException("disk full")).when(pool).getConnection();
        try (LogCapture logs = new LogCapture()) {
            HikariDataSource next = DatabaseSetup.compact(pool, url, null, null, null);
            try (Connection c = next.getConnection()) {
                assertTrue(c.isValid(1));
            } finally {
                next.close();
            }
            assertNotSame(pool, next);
            assertTrue(pool.isClosed());
            assertTrue(logs.text().contains("could not be compacted (disk full)"), logs.text());
        }
    }
}
