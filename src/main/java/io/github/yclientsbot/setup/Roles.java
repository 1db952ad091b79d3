package io.github.yclientsbot.setup;

import io.github.yclientsbot.storage.AdminStore;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Admins: {@code bot.admins} plus those who claimed the bot in chat. Support: {@code bot.support} plus admins. */
public final class Roles {
    private final Set<Long> configAdmins;
    private final Set<Long> configSupport;
    /** Admins who claimed the bot, read once at start and kept in step by {@link #claimed}: no query per update. */
    private final Set<Long> claimedAdmins = ConcurrentHashMap.newKeySet();

    public Roles(Set<Long> configAdmins, Set<Long> configSupport, AdminStore store) {
        this.configAdmins = Set.copyOf(configAdmins);
        this.configSupport = Set.copyOf(configSupport);
        this.claimedAdmins.addAll(store.all());
    }

    /** Called after a claim was stored. */
    public void claimed(long userId) {
        claimedAdmins.add(userId);
    }

    public Role roleOf(long userId) {
        if (configAdmins.contains(userId) || claimedAdmins.contains(userId)) {
            return Role.ADMIN;
        }
        if (configSupport.contains(userId)) {
            return Role.SUPPORT;
        }
        return Role.CUSTOMER;
    }

    public Set<Long> admins() {
        Set<Long> all = new HashSet<>(configAdmins);
        all.addAll(claimedAdmins);
        return all;
    }

    public boolean hasAnyAdmin() {
        return !configAdmins.isEmpty() || !claimedAdmins.isEmpty();
    }
}
