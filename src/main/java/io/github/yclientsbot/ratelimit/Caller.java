package io.github.yclientsbot.ratelimit;

/**
 * On whose share of a rate-limited budget a request is counted ({@link FairScheduler}): one customer (by Telegram
 * user id), the admins' commands, or the bot's own background work.
 */
public record Caller(Kind kind, long id) {
    public enum Kind {
        /** A customer's own step (each customer has a share of their own). */
        CUSTOMER,
        /** An admin or support command (a share kept for them). */
        ADMIN,
        /** What the bot does on its own: catalog refresh, form discovery, record polls (a capped share). */
        BACKGROUND,
        /**
         * Reminders and follow-ups reading their visits back right before they go: a lane of their own in turn with
         * the customers, capped apart from the background's so a morning's rush of reminders is not held to its pace.
         */
        REMINDERS
    }

    public static final Caller ADMIN = new Caller(Kind.ADMIN, 0);
    public static final Caller BACKGROUND = new Caller(Kind.BACKGROUND, 0);
    public static final Caller REMINDERS = new Caller(Kind.REMINDERS, 0);

    public Caller {
        if (kind == null || (kind != Kind.CUSTOMER && id != 0)) {
            throw new IllegalArgumentException("a caller is a kind, and an id only for a customer");
        }
    }

    public static Caller customer(long userId) {
        return new Caller(Kind.CUSTOMER, userId);
    }

    @Override
    public String toString() {
        return kind == Kind.CUSTOMER ? "customer " + id : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
