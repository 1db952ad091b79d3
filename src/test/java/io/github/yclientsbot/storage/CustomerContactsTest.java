package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Remembered contacts: stored encrypted, replaced, deleted; a changed secret key means "ask again", not a crash. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class CustomerContactsTest {

    @Parameter
    TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final SecretBox box = new SecretBox(new byte[32]);
    private Database database;
    private CustomerContacts contacts;

    @BeforeEach
    void open() throws Exception {
        database = db.prepare(getClass(), "jdbc:h2:mem:contacts-" + System.nanoTime()).open(clock);
        contacts = database.customerContacts(box);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aContactIsStoredEncryptedReplacedAndDeleted() throws Exception {
        contacts.save(7_000_000_000L, new CustomerContacts.Contact("79161234567", "Анна 🌸"));
        assertEquals(new CustomerContacts.Contact("79161234567", "Анна 🌸"), contacts.find(7_000_000_000L).orElseThrow());
        assertTrue(contacts.find(1L).isEmpty());

        String raw = rawRow(7_000_000_000L);
        assertFalse(raw.contains("79161234567") || raw.contains("Анна"), "stored in clear: " + raw);
        assertTrue(raw.startsWith("v1:"), raw);

        contacts.save(7_000_000_000L, new CustomerContacts.Contact("79031112233", "Anna"));
        assertEquals(new CustomerContacts.Contact("79031112233", "Anna"), contacts.find(7_000_000_000L).orElseThrow());
        assertFalse(contacts.find(7_000_000_000L).orElseThrow().toString().contains("7903"), "toString hides the phone");

        assertTrue(contacts.delete(7_000_000_000L));
        assertFalse(contacts.delete(7_000_000_000L));
        assertTrue(contacts.find(7_000_000_000L).isEmpty());
    }

    @Test
    void aContactUnderAnotherSecretKeyIsReportedAsNone() {
        contacts.save(5L, new CustomerContacts.Contact("79161234567", "Анна"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertTrue(database.customerContacts(new SecretBox(other)).find(5L).isEmpty());
    }

    private String rawRow(long userId) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT phone_secret, name_secret FROM customer_contact WHERE user_id = " + userId)) {
            assertTrue(r.next());
            return r.getString(1) + " " + r.getString(2);
        }
    }
}
