package io.github.yclientsbot.setup;

import io.github.yclientsbot.storage.AdminStore;

import java.util.HashSet;
import java.util.Set;

/**
 * Admins: {@code bot.admins} plus those added in chat (claimed, or from an {@code /import} file). Support:
 * {@code bot.support} plus admins.
 */
public final class Roles {
    private final Set<Long> configAdmins;
    private final Set<Long> configSupport;
    private final AdminStore store;
    /**
     * Admins added in chat, read at start and again after every change ({@link #claimed}, {@link #refresh}): no query
     * per update, and a change takes effect at once.
     */
    private volatile Set<Long> storedAdmins;

    public Roles(Set<Long> configAdmins, Set<Long> configSupport, AdminStore store) {
        this.configAdmins = Set.copyOf(configAdmins);
        this.configSupport = Set.copyOf(configSupport);
        this.store = store;
        this.storedAdmins = Set.copyOf(store.all());
    }

    /** Called after a claim was stored. */
    public synchronized void claimed(long userId) {
        Set<Long> now = new HashSet<>(storedAdmins);
        now.add(userId);
        storedAdmins = Set.copyOf(now);
    }

    /** Reads the stored admins again, after admins were added or removed. */
    public synchronized void refresh() {
        storedAdmins = Set.copyOf(store.all());
    }

    public Role roleOf(long userId) {
        if (configAdmins.contains(userId) || storedAdmins.contains(userId)) {
            return Role.ADMIN;
        }
        if (configSupport.contains(userId)) {
            return Role.SUPPORT;
        }
        return Role.CUSTOMER;
    }

    public Set<Long> admins() {
        Set<Long> all = new HashSet<>(configAdmins);
        all.addAll(storedAdmins);
        return all;
    }

    /** Admins named in {@code bot.admins}: they can be removed there only, not in chat. */
    public Set<Long> configAdmins() {
        return configAdmins;
    }

    public boolean hasAnyAdmin() {
        return !configAdmins.isEmpty() || !storedAdmins.isEmpty();
    }
}
