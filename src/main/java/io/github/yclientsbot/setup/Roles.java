package io.github.yclientsbot.setup;

import io.github.yclientsbot.storage.AdminStore;

import java.util.HashSet;
import java.util.Set;

/** Admins: {@code bot.admins} plus those who claimed the bot in chat. Support: {@code bot.support} plus admins. */
public final class Roles {
    private final Set<Long> configAdmins;
    private final Set<Long> configSupport;
    private final AdminStore claimedAdmins;

    public Roles(Set<Long> configAdmins, Set<Long> configSupport, AdminStore claimedAdmins) {
        this.configAdmins = Set.copyOf(configAdmins);
        this.configSupport = Set.copyOf(configSupport);
        this.claimedAdmins = claimedAdmins;
    }

    public Role roleOf(long userId) {
        if (configAdmins.contains(userId) || claimedAdmins.all().contains(userId)) {
            return Role.ADMIN;
        }
        if (configSupport.contains(userId)) {
            return Role.SUPPORT;
        }
        return Role.CUSTOMER;
    }

    public Set<Long> admins() {
        Set<Long> all = new HashSet<>(configAdmins);
        all.addAll(claimedAdmins.all());
        return all;
    }

    public boolean hasAnyAdmin() {
        return !configAdmins.isEmpty() || !claimedAdmins.all().isEmpty();
    }
}
