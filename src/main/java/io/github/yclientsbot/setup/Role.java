package io.github.yclientsbot.setup;

public enum Role {
    CUSTOMER, SUPPORT, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
