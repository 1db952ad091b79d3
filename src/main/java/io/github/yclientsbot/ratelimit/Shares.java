package io.github.yclientsbot.ratelimit;

import io.github.yclientsbot.ratelimit.RequestLimiter.Window;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link FairScheduler} shares its budget, on top of its turns (one request per waiting caller in turn):
 *
 * @param allButAdmins   what customers and background work together may use: the budget minus a part kept for admins
 * @param eachCustomer   what one customer may use at most (so a customer tapping around cannot use up the minute)
 * @param admins         what admin commands may use at most (they go first, within this)
 * @param background     what background work may use at most
 * @param customerWait   how long a customer's request waits for budget before the customer is told "one moment"
 * @param adminWait      the same for an admin command
 * @param backgroundWait the same for background work (it blocks no one)
 * @param reminders      what reminders and follow-ups reading their visits back may use at most
 * @param remindersWait  how long such a read waits for budget at most
 */
public record Shares(List<Window> allButAdmins, List<Window> eachCustomer, List<Window> admins, List<Window> background,
                     Duration customerWait, Duration adminWait, Duration backgroundWait, List<Window> reminders,
                     Duration remindersWait) {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** The minute of {@link RequestLimiter#yclientsDefault()}, with its margin. */
    private static final long YCLIENTS_MINUTE = 61 * SECOND;

    /**
     * For YCLIENTS's 5 a second and 200 a minute: 10 a minute kept for admin commands (which go first and may use
     * up to 60 a minute), each customer at most 3 a second and 30 a minute (a booking takes 2–5 calls), background
     * work at most 1 a second and 20 a minute, reminders' read-backs at most 2 a second and 60 a minute (a lane of
     * their own: a rush of 300 reminders takes 5 minutes, not 15, and customers keep 130 a minute meanwhile). A
     * customer waits up to 8 s for budget (a chat worker is held meanwhile), an admin 15 s, background work and
     * reminders a minute.
     */
    public static final Shares YCLIENTS = new Shares(
            List.of(new Window(190, YCLIENTS_MINUTE)),
            List.of(new Window(3, SECOND), new Window(30, MINUTE)),
            List.of(new Window(60, MINUTE)),
            List.of(new Window(1, SECOND), new Window(20, MINUTE)),
            Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(60),
            List.of(new Window(2, SECOND), new Window(60, MINUTE)), Duration.ofSeconds(60));

    /** Turns only: no part kept, no caps; every caller waits up to 5 s. */
    public static final Shares NONE = new Shares(List.of(), List.of(), List.of(), List.of(),
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

    /** Reminders capped as background work. */
    public Shares(List<Window> allButAdmins, List<Window> eachCustomer, List<Window> admins, List<Window> background,
                  Duration customerWait, Duration adminWait, Duration backgroundWait) {
        this(allButAdmins, eachCustomer, admins, background, customerWait, adminWait, backgroundWait, background,
                backgroundWait);
    }

    public Shares {
        reminders = List.copyOf(reminders);
        Objects.requireNonNull(remindersWait, "remindersWait");
        allButAdmins = List.copyOf(allButAdmins);
        eachCustomer = List.copyOf(eachCustomer);
        admins = List.copyOf(admins);
        background = List.copyOf(background);
        Objects.requireNonNull(customerWait, "customerWait");
        Objects.requireNonNull(adminWait, "adminWait");
        Objects.requireNonNull(backgroundWait, "backgroundWait");
    }

    /** How long {@code caller} waits for budget at most. */
    public Duration waitFor(Caller caller) {
        return switch (caller.kind()) {
            case CUSTOMER -> customerWait;
            case ADMIN -> adminWait;
            case BACKGROUND -> backgroundWait;
            case REMINDERS -> remindersWait;
        };
    }
}
