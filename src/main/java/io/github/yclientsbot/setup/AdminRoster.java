package io.github.yclientsbot.setup;

import io.github.yclientsbot.storage.AdminStore;
import io.github.yclientsbot.storage.AuditLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admins} and {@code /deladmin}: who the admins are, where each comes from, and removing one added in chat.
 * Admins named in {@code bot.admins} are removed there (and a restart), never from chat; the last admin is never
 * removed, so the bot cannot be left without one.
 */
public final class AdminRoster {
    private final Roles roles;
    private final AdminStore store;
    private final AuditLog audit;

    public AdminRoster(Roles roles, AdminStore store, AuditLog audit) {
        this.roles = roles;
        this.store = store;
        this.audit = audit;
    }

    /** Where an admin comes from. */
    public enum Origin {
        /** {@code bot.admins} in the configuration. */
        CONFIG,
        /** The one-time claim code. */
        CLAIM,
        /** An {@code /import} file. */
        IMPORT,
        /** Added in chat some other way (by an older version). */
        CHAT
    }

    /** One admin; {@code since} is empty for admins from the configuration (their start is not recorded). */
    public record Admin(long userId, Origin origin, Optional<Instant> since) {}

    /** The admins from the configuration first (by id), then those added in chat, in the order they were added. */
    public List<Admin> list() {
        Set<Long> config = roles.configAdmins();
        List<Admin> all = new ArrayList<>();
        config.stream().sorted().forEach(id -> all.add(new Admin(id, Origin.CONFIG, Optional.empty())));
        for (AdminStore.Entry e : store.entries()) {
            if (!config.contains(e.userId())) {
                all.add(new Admin(e.userId(), origin(e.how()), Optional.of(e.addedAt())));
            }
        }
        return all;
    }

    private static Origin origin(String how) {
        String h = how == null ? "" : how.toLowerCase(Locale.ROOT);
        if (h.startsWith("claim")) {
            return Origin.CLAIM;
        }
        if (h.startsWith("import")) {
            return Origin.IMPORT;
        }
        return Origin.CHAT;
    }

    /** What came of {@code /deladmin}. */
    public enum Removal {
        REMOVED,
        /** Not an admin (nothing changed). */
        NOT_ADMIN,
        /** Named in {@code bot.admins}: remove it there. */
        IN_CONFIG,
        /** The only admin left. */
        LAST
    }

    /** Removes an admin added in chat; takes effect at once. */
    public synchronized Removal remove(long userId, long removedBy) {
        if (roles.configAdmins().contains(userId)) {
            return Removal.IN_CONFIG;
        }
        Set<Long> admins = new HashSet<>(roles.admins());
        if (!admins.contains(userId)) {
            return Removal.NOT_ADMIN;
        }
        if (admins.size() == 1) {
            return Removal.LAST;
        }
        boolean removed = store.remove(userId);
        roles.refresh();
        if (!removed) {
            return Removal.NOT_ADMIN;
        }
        audit.record(removedBy, "deladmin", "removed admin " + userId);
        return Removal.REMOVED;
    }
}
