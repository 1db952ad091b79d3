package io.github.yclientsbot.company;

import java.util.List;

/** Whether the bot can talk to YCLIENTS, and if not, exactly what is missing. */
public record Readiness(boolean enabled, List<Missing> missing) {
    public enum Missing { PARTNER_TOKEN, PARTNER_TOKEN_UNREADABLE, USER_TOKEN_UNREADABLE, COMPANY_ID }

    public Readiness {
        missing = List.copyOf(missing);
    }

    /**
     * A readable partner token and a company id: YCLIENTS can be called. Whether customers see the
     * buttons ({@link #enabled}) does not matter here — an admin sets things up with booking switched off.
     * (An unreadable user token only limits the admin catalog.)
     */
    public boolean ready() {
        return missing.stream().allMatch(m -> m == Missing.USER_TOKEN_UNREADABLE);
    }
}
