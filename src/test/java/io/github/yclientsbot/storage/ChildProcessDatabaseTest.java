package io.github.yclientsbot.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour that needs a second JVM: surviving kill -9, and a file held by another process. */
class ChildProcessDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aCommittedSettingSurvivesKillMinus9() throws Exception {
        // GIVEN the default-style URL, without WRITE_DELAY: effectiveUrl must add it
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();

        // WHEN a child JVM saves a setting and is killed right after "saved"
        try (ChildJvm child = ChildJvm.start(dir, url, "company_id", "424242")) {
            child.awaitWritten();
            child.kill();
        }

        // THEN the setting is there after restart
        try (Database database = Database.open(url, null, null, Clock.systemUTC())) {
            StoredSetting setting = database.settings(new SecretBox(new byte[32])).get("company_id").orElseThrow();
            assertEquals("424242", setting.value());
            assertEquals(42L, setting.updatedBy());
        }
    }

    @Test
    void aFileHeldByAnotherProcessIsReportedAsLocked() throws Exception {
        Path base = dir.resolve("db").toAbsolutePath();
        String url = "jdbc:h2:file:" + base;
        try (ChildJvm child = ChildJvm.start(dir, url, "company_id", "1")) {
            child.awaitWritten();

            StorageException failure = assertThrows(StorageException.class,
                    () -> Database.open(url, null, null, Clock.systemUTC()));

            assertEquals("the database file " + base + ".mv.db is locked by another process "
                    + "(is the bot already running?)", failure.getMessage());
        }
    }
}
