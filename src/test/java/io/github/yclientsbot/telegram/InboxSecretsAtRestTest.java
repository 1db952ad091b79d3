package io.github.yclientsbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.InboxStore;
import io.github.yclientsbot.chat.SecretCommands;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * No secret and no phone number at rest: while a /settoken, a /yclogin caption, a /claim, a typed phone number and a
 * shared contact wait in the inbox (their handler held), neither the H2 database file nor PostgreSQL's inbox table
 * holds them — yet the handler gets them whole; nor after they were handled. A replay after a crash carries the mark.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class InboxSecretsAtRestTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long CHAT = 1001;
    private static final String TOKEN = "PARTNERtoken0123456789abcdef";
    private static final String PASSWORD = "Pa55-w0rd-of-the-owner";
    private static final String CODE = "QWERT-YUPAS";
    private static final String PHONE = "9161234567";
    private static final String CONTACT_PHONE = "79035551234";
    private static final List<String> SECRETS = List.of(TOKEN, PASSWORD, CODE, PHONE, CONTACT_PHONE, "916 123-45-67");

    @Parameter
    TestDatabase db;
    @TempDir
    Path dir;

    private final ObjectMapper mapper = BotApplication.objectMapper();
    private final Clock clock = Clock.systemUTC();
    private final RuntimeStats stats = new RuntimeStats(clock, new SimpleMeterRegistry());
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Update> received = new CopyOnWriteArrayList<>();
    private final List<UpdateDispatcher> dispatchers = new ArrayList<>();
    private TestDatabase.Target target;
    private Database database;

    @BeforeEach
    void open() throws Exception {
        target = db.prepare(getClass(), "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath());
        database = target.open(clock);
    }

    @AfterEach
    void close() {
        release.countDown();
        dispatchers.forEach(d -> d.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
        if (database != null) {
            database.close();
        }
    }

    /** Records each update; holds the first until {@link #release} opens. */
    private UpdateDispatcher dispatcher(Database on) {
        UpdateDispatcher d = new UpdateDispatcher(new InboxStore(on.inbox()), mapper, (Update u, FloodGuard.Verdict v,
                BooleanSupplier abandoned) -> {
            received.add(u);
            if (received.size() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return !abandoned.getAsBoolean();
        }, new FloodGuard(0, Duration.ZERO, clock), user -> false, stats, clock, 1, 100);
        dispatchers.add(d);
        return d;
    }

    private Update update(int id, String fields) throws Exception {
        return mapper.readValue("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + CHAT + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + CHAT + ",\"is_bot\":false,\"first_name\":\"Owner\"}," + fields + "}}", Update.class);
    }

    private List<Update> batch() throws Exception {
        return List.of(
                update(1, "\"text\":\"/settoken partner " + TOKEN + "\""),
                update(2, "\"caption\":\"/yclogin@YcBot owner " + PASSWORD + "\",\"document\":{\"file_id\":\"F\",\"file_unique_id\":\"U\"}"),
                update(3, "\"text\":\"/claim " + CODE + "\""),
                update(4, "\"text\":\"+7 " + PHONE + "\""),
                update(5, "\"text\":\"+7 916 123-45-67\""),
                update(6, "\"contact\":{\"phone_number\":\"" + CONTACT_PHONE + "\",\"first_name\":\"Owner\",\"user_id\":" + CHAT + "}"));
    }

    /** Everything at rest: the H2 file's bytes, or the rows of PostgreSQL's inbox table. */
    private String atRest() throws Exception {
        if (db == TestDatabase.H2) {
            return new String(Files.readAllBytes(dir.resolve("bot.mv.db")), StandardCharsets.ISO_8859_1)
                    + new String(Files.readAllBytes(dir.resolve("bot.mv.db")), StandardCharsets.UTF_8);
        }
        StringBuilder rows = new StringBuilder();
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payload FROM inbox_update ORDER BY update_id")) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append('\n');
            }
        }
        return rows.toString();
    }

    private void assertNoSecretIn(String stored, String when) {
        for (String secret : SECRETS) {
            assertFalse(stored.contains(secret), secret + " at rest " + when);
        }
    }

    private void await(BooleanSupplier condition, String what) {
        org.awaitility.Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
    }

    @Test
    void whileHeldAndAfterNoSecretIsAtRestButTheHandlerGetsItWhole() throws Exception {
        UpdateDispatcher d = dispatcher(database);
        d.consume(batch());
        await(() -> received.size() == 1, "the /settoken is being handled");

        assertEquals(6, database.inbox().waitingCount(), "the whole batch is in the inbox");
        if (db == TestDatabase.POSTGRESQL) {
            assertTrue(atRest().contains(SecretCommands.HIDDEN), "the stored rows carry the mark");
        }
        assertNoSecretIn(atRest(), "while the command is in flight");
        assertEquals("/settoken partner " + TOKEN, received.get(0).getMessage().getText(), "the handler gets the token");

        release.countDown();
        await(() -> received.size() == 6 && d.backlog() == 0, "all handled");
        assertEquals("/yclogin@YcBot owner " + PASSWORD, received.get(1).getMessage().getCaption());
        assertEquals("/claim " + CODE, received.get(2).getMessage().getText());
        assertEquals(CONTACT_PHONE, received.get(5).getMessage().getContact().getPhoneNumber());
        assertEquals(0, database.inbox().waitingCount());
        assertNoSecretIn(atRest(), "after they were handled");
    }

    @Test
    void aCommandReplayedAfterACrashCarriesTheMarkNotTheSecret() throws Exception {
        UpdateDispatcher first = dispatcher(database);
        first.consume(batch());
        await(() -> received.size() == 1, "the /settoken is being handled");
        assertFalse(first.finish(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100)), "the process stops mid-command");
        release.countDown();
        assertEquals(6, database.inbox().waitingCount());

        received.clear();
        UpdateDispatcher second = dispatcher(database);
        second.recover();
        await(() -> received.size() == 6 && second.backlog() == 0, "the left-over updates are handled");
        String hidden = SecretCommands.HIDDEN;
        assertEquals("/settoken " + hidden + " " + hidden, received.get(0).getMessage().getText());
        assertEquals("/claim " + hidden, received.get(2).getMessage().getText());
        assertEquals(hidden, received.get(3).getMessage().getText());
        assertEquals(hidden, received.get(5).getMessage().getContact().getPhoneNumber());
        assertNoSecretIn(received.toString() + mapper.writeValueAsString(received), "in what was replayed");
    }
}
