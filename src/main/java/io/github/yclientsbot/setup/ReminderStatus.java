package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.storage.ReminderStore;
import io.github.yclientsbot.yclients.YclientsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The reminders' figures for /status: pending in the schedule, sent and failed today (the company's day), and the
 * confirm rate of the last 7 days — visits "I'll come" was pressed for over the visits reminded — with the taps YCLIENTS
 * did not take. {@code GET /metrics} counts the same as {@code yclients_bot_reminders_total} and
 * {@code yclients_bot_visit_confirmations_total}.
 */
public final class ReminderStatus {
    /** The confirm rate looks this far back. */
    static final Duration RATE_WINDOW = Duration.ofDays(7);
    /** The outcome a failed "I'll come" is noted with ({@code booking.Attendance.Result.FAILED}). */
    static final String FAILED = "FAILED";

    private final ReminderStore store;
    private final String taskName;
    private final boolean enabled;
    private final boolean followups;
    private final YclientsDirectory yclients;
    private final Clock clock;

    /**
     * @param taskName the durable schedule's task of reminders
     * @param enabled   {@code booking.reminders} is not empty
     * @param followups {@code booking.followup} is not empty
     */
    public ReminderStatus(ReminderStore store, String taskName, boolean enabled, boolean followups,
                          YclientsDirectory yclients, Clock clock) {
        this.followups = followups;
        this.store = store;
        this.taskName = taskName;
        this.enabled = enabled;
        this.yclients = yclients;
        this.clock = clock;
    }

    /**
     * The figures; {@code confirmed} of {@code reminded} visits in the last 7 days, {@code confirmFailed} of those taps
     * failed; {@code followupsToday} follow-ups sent today, -1 when follow-ups are off.
     */
    public record Figures(boolean enabled, int pending, int sentToday, int failedToday, int reminded, int confirmed,
                          int confirmFailed, int followupsToday) {}

    /** @throws RuntimeException when the database does not answer */
    public Figures collect() {
        Instant now = clock.instant();
        Instant today = LocalDate.ofInstant(now, zone()).atStartOfDay(zone()).toInstant();
        Instant week = now.minus(RATE_WINDOW);
        return new Figures(enabled, store.pending(taskName), store.count(ReminderStore.Outcome.SENT, today),
                store.count(ReminderStore.Outcome.UNDELIVERED, today), store.remindedVisits(week),
                store.confirmations(week, null), store.confirmations(week, FAILED),
                followups ? store.followups(ReminderStore.Outcome.SENT, today) : -1);
    }

    private ZoneId zone() {
        try {
            String name = yclients.company().timezoneName();
            return name == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(name);
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return ZoneId.of("Europe/Moscow");
        }
    }
}
