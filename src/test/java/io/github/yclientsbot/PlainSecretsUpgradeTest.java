package io.github.yclientsbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingDrafts;
import io.github.yclientsbot.chat.SecretCommands;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.storage.UpdateInbox;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An installation upgraded from a version that stored secrets in plain text: the rows are written first the old way
 * (schema version 6, the update JSON as received, the draft's phone and name in clear — one update already handled
 * and deleted, so only the file's free space holds it), then the bot's database is opened as the bot opens it. After
 * that no token, password, claim code, phone number or customer name is in the H2 file (compacted) or in
 * PostgreSQL's tables (rewritten), the waiting updates are still there (masked) and the draft still reads.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class PlainSecretsUpgradeTest {
    private static final long CHAT = 1001;
    private static final String TOKEN = "OLDpartnerTOKEN0123456789";
    private static final String PASSWORD = "old-Pa55w0rd-owner";
    private static final String CODE = "ZXCVB-NMQWE";
    private static final String PHONE = "79161234567";
    private static final String NAME = "Анна Смирнова";
    private static final List<String> PLAIN = List.of(TOKEN, PASSWORD, CODE, PHONE, "916 123-45-67", NAME);

    @Parameter
    TestDatabase db;
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ObjectMapper mapper = BotApplication.objectMapper();
    private final SecretBox box = new SecretBox(new byte[32]);
    private TestDatabase.Target target;
    private LogCapture logs;
    private Database database;

    @BeforeEach
    void prepare() {
        target = db.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath());
        logs = new LogCapture();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    private String update(int id, String fields) throws Exception {
        Update u = mapper.readValue("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + CHAT + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + CHAT + ",\"is_bot\":false,\"first_name\":\"Owner\"}," + fields + "}}", Update.class);
        // as versions before 7 stored it: the whole update as received
        return mapper.writeValueAsString(u);
    }

    /** A database as version 6 left it: waiting updates and a draft in plain text, a handled update deleted. */
    private void writeTheOldWay() throws Exception {
        Flyway.configure().dataSource(Database.effectiveUrl(target.url()), target.user(), target.password())
                .locations("classpath:db/migration").target("6").load().migrate();
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = connect();
             PreparedStatement inbox = c.prepareStatement(
                     "INSERT INTO inbox_update (update_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?)");
             PreparedStatement draft = c.prepareStatement(
                     "INSERT INTO booking_state (user_id, state_json, version, updated_at) VALUES (?, ?, 1, ?)");
             Statement s = c.createStatement()) {
            String[] payloads = {
                update(1, "\"text\":\"/yclogin owner " + PASSWORD + "\""),
                update(2, "\"text\":\"/settoken partner " + TOKEN + "\""),
                update(3, "\"caption\":\"/claim " + CODE + "\",\"document\":{\"file_id\":\"F\",\"file_unique_id\":\"U\"}"),
                update(4, "\"text\":\"+7 916 123-45-67\""),
                update(5, "\"contact\":{\"phone_number\":\"" + PHONE + "\",\"first_name\":\"Анна\",\"user_id\":" + CHAT + "}"),
                update(6, "\"text\":\"/services\"")};
            for (int i = 0; i < payloads.length; i++) {
                inbox.setLong(1, i + 1);
                inbox.setLong(2, CHAT);
                inbox.setString(3, payloads[i]);
                inbox.setObject(4, at);
                inbox.executeUpdate();
            }
            BookingDraft d = BookingDraft.start().service(13700211, "Стрижка", null, null, 0, false, "Europe/Moscow")
                    .time("10:00", "2026-12-01T10:00:00+03:00").contact(PHONE, NAME).step(BookingDraft.Step.SUMMARY);
            draft.setLong(1, CHAT);
            draft.setString(2, mapper.writeValueAsString(d));
            draft.setObject(3, at);
            draft.executeUpdate();
            // update 1 was handled: gone from the table, not from the file
            s.executeUpdate("DELETE FROM inbox_update WHERE update_id = 1");
        }
    }

    /**
     * Plain JDBC on the test database; on H2 without the compaction a clean close does for up to 200 ms (which would
     * wipe this small file, not a real bot's larger one).
     */
    private Connection connect() throws SQLException {
        String url = Database.effectiveUrl(target.url()) + (db == TestDatabase.H2 ? ";MAX_COMPACT_TIME=0" : "");
        return DriverManager.getConnection(url, target.user(), target.password());
    }

    /** Whether the H2 file holds {@code text}, in UTF-8 or as H2 writes strings (its own two- and three-byte forms). */
    private boolean inH2File(String text) throws Exception {
        return inFile(dir.resolve("bot.mv.db"), text);
    }

    private static boolean inFile(Path path, String text) throws Exception {
        byte[] file = Files.readAllBytes(path);
        return indexOf(file, text.getBytes(StandardCharsets.UTF_8)) >= 0 || indexOf(file, h2Encoded(text)) >= 0;
    }

    private static byte[] h2Encoded(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (char c : s.toCharArray()) {
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xc0 | (c >> 6));
                out.write(c & 0x3f);
            } else {
                out.write(0xe0 | (c >> 12));
                out.write((c >> 6) & 0x3f);
                out.write(c & 0x3f);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String tables() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : List.of("SELECT payload FROM inbox_update", "SELECT state_json FROM booking_state")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private long fileNode(String table) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_relation_filenode('" + table + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private Database openAsTheBotDoes() throws Exception {
        return Database.open(target.url(), target.user(), target.password(), clock, metrics, new PlainSecretsUpgrade(mapper, box));
    }

    @Test
    void theUpgradeScrubsTheOldRowsAndTheOldBytesAreGoneFromDisk() throws Exception {
        writeTheOldWay();
        long inboxNode = 0;
        if (db == TestDatabase.H2) {
            for (String plain : PLAIN) {
                assertTrue(inH2File(plain), "the old version left " + plain + " in the file");
            }
        } else {
            assertTrue(tables().contains(TOKEN));
            inboxNode = fileNode("inbox_update");
        }

        database = openAsTheBotDoes();
        assertTrue(database.ping(), "the database works after the upgrade (on H2 through the pool opened after the compaction)");
        assertEquals(1, metrics.find("hikaricp.connections.max").gauges().size(), "one pool's meters, the live one's");
        // the update workers and the poller (10), and the reminders' schedule (4)
        assertEquals(14, metrics.get("hikaricp.connections.max").gauge().value());

        String rows = tables();
        for (String plain : PLAIN) {
            assertFalse(rows.contains(plain), plain + " still in a table after the upgrade");
        }
        if (db == TestDatabase.H2) {
            // read while the bot runs (as a backup or a copied disk would), and after it stopped
            for (String plain : PLAIN) {
                assertFalse(inH2File(plain), plain + " still in the H2 file after the upgrade");
            }
            database.close();
            for (String plain : PLAIN) {
                assertFalse(inH2File(plain), plain + " still in the H2 file after the bot stopped");
            }
            // SHUTDOWN COMPACT compresses the pages it copies, which could hide a string as well as remove it: the live
            // pages, copied once more without compression, hold the masked rows as written and still no plain secret
            Path copy = dir.resolve("copy.mv.db");
            Files.copy(dir.resolve("bot.mv.db"), copy);
            MVStoreTool.compact(copy.toString(), false);
            for (String plain : PLAIN) {
                assertFalse(inFile(copy, plain), plain + " in the live pages after the upgrade");
            }
            String h = SecretCommands.HIDDEN;
            assertTrue(inFile(copy, "\"/settoken " + h + " " + h + "\"") && inFile(copy, "\"/services\""),
                    "the live rows are readable in the uncompressed copy");
            database = openAsTheBotDoes();
            assertTrue(logs.text().contains("the database file was compacted"), logs.text());

        } else {
            assertNotEquals(inboxNode, fileNode("inbox_update"), "VACUUM FULL rewrote the inbox into a new file");
            assertTrue(logs.text().contains("VACUUM FULL"), logs.text());
        }

        // nothing lost: the waiting updates are there, masked; the draft reads with its phone and name
        List<UpdateInbox.Entry> waiting = database.inbox().waiting();
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), waiting.stream().map(UpdateInbox.Entry::updateId).toList());
        Update token = mapper.readValue(waiting.get(0).payload(), Update.class);
        String h = SecretCommands.HIDDEN;
        assertEquals("/settoken " + h + " " + h, token.getMessage().getText());
        assertEquals("/services", mapper.readValue(waiting.get(4).payload(), Update.class).getMessage().getText());
        BookingDraft draft = new BookingDrafts(database.bookingStates(), box).find(CHAT).orElseThrow().draft();
        assertEquals(PHONE, draft.phone());
        assertEquals(NAME, draft.name());
        assertEquals(BookingDraft.Step.SUMMARY, draft.step());
        assertTrue(logs.text().contains("4 waiting update(s) masked and 1 booking draft(s) encrypted"), logs.text());
    }

    @Test
    void theUpgradeRunsOnceAndANewDatabaseIsNotCompacted() throws Exception {
        database = openAsTheBotDoes();
        database.close();
        database = openAsTheBotDoes();
        assertFalse(logs.text().contains("Upgrade:"), "a new installation has nothing to scrub: " + logs.text());

        database.close();
        database = null;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO booking_state (user_id, state_json, version, updated_at) VALUES (1, "
                    + "'{\"step\":\"CONTACT\",\"phone\":\"" + PHONE + "\"}', 1, CURRENT_TIMESTAMP)");
        }
        database = openAsTheBotDoes();
        assertTrue(tables().contains(PHONE), "version 7 ran once, at the upgrade; it is not repeated at every start");
    }
}
