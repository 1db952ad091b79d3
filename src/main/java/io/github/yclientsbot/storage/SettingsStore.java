package io.github.yclientsbot.storage;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings changed from chat (tokens, company id, ...). Secret values are encrypted with the {@link SecretBox}
 * before they reach the database and decrypted on read; a secret that no longer decrypts (key lost or
 * changed) comes back as {@link StoredSetting#undecryptable()} instead of failing.
 *
 * <p>Database failures surface as unchecked {@code jakarta.persistence.PersistenceException}s.
 */
public final class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_STORED_LENGTH = 4000;

    private final SessionFactory sessionFactory;
    private final SecretBox secretBox;
    private final Clock clock;

    SettingsStore(SessionFactory sessionFactory, SecretBox secretBox, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.secretBox = Objects.requireNonNull(secretBox, "secretBox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<StoredSetting> get(String name) {
        Objects.requireNonNull(name, "name");
        BotSettingEntity row = sessionFactory.fromTransaction(session -> session.find(BotSettingEntity.class, name));
        return Optional.ofNullable(row).map(this::toStored);
    }

    /** Every stored setting by name, in name order. */
    public Map<String, StoredSetting> all() {
        List<BotSettingEntity> rows = sessionFactory.fromTransaction(session -> session
                .createSelectionQuery("from BotSettingEntity order by name", BotSettingEntity.class)
                .getResultList());
        Map<String, StoredSetting> result = new LinkedHashMap<>();
        for (BotSettingEntity row : rows) {
            result.put(row.name(), toStored(row));
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Inserts or replaces a setting. A secret value is encrypted before it is written. Returns only after
     * the transaction committed, so the caller may say "saved".
     *
     * @param updatedBy Telegram user id of the admin, or {@code null}
     * @throws IllegalArgumentException if the name is blank or too long, or the value is too long to store
     */
    public void put(String name, String value, boolean secret, Long updatedBy) {
        validateName(name);
        Objects.requireNonNull(value, "value");
        String stored = secret ? secretBox.encrypt(value) : value;
        if (stored.length() > MAX_STORED_LENGTH) {
            throw new IllegalArgumentException("the value of setting " + name + " is too long to store");
        }
        try {
            write(name, stored, secret, updatedBy);
        } catch (ConstraintViolationException concurrentInsert) {
            // Another thread inserted the same name between our find and our insert: now it is an update.
            write(name, stored, secret, updatedBy);
        }
        log.debug("setting {} saved (secret={})", name, secret);
    }

    /** @return {@code true} if the setting existed and was removed */
    public boolean remove(String name) {
        Objects.requireNonNull(name, "name");
        int removed = sessionFactory.fromTransaction(session -> session
                .createMutationQuery("delete from BotSettingEntity where name = :name")
                .setParameter("name", name)
                .executeUpdate());
        return removed > 0;
    }

    private void write(String name, String stored, boolean secret, Long updatedBy) {
        sessionFactory.inTransaction(session -> {
            BotSettingEntity row = session.find(BotSettingEntity.class, name);
            if (row == null) {
                row = new BotSettingEntity(name);
                row.update(stored, secret, Database.now(clock), updatedBy);
                session.persist(row);
            } else {
                row.update(stored, secret, Database.now(clock), updatedBy);
            }
        });
    }

    private StoredSetting toStored(BotSettingEntity row) {
        if (!row.secret()) {
            return new StoredSetting(row.name(), row.storedValue(), false, false, row.updatedAt(), row.updatedBy());
        }
        try {
            String plain = secretBox.decrypt(row.storedValue());
            return new StoredSetting(row.name(), plain, true, false, row.updatedAt(), row.updatedBy());
        } catch (SecretBoxException e) {
            log.warn("stored secret setting {} cannot be decrypted (was the secret key changed?)", row.name());
            return new StoredSetting(row.name(), null, true, true, row.updatedAt(), row.updatedBy());
        }
    }

    private static void validateName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a setting name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
    }
}
