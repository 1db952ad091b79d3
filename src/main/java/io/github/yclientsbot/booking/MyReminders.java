package io.github.yclientsbot.booking;

import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.ReminderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * What a customer does with reminders: {@code /reminders off|on} (stored with its time), "I'll come" under a
 * reminder (YCLIENTS is asked once per visit: a repeated tap or an older reminder's button makes no call), and
 * {@code /forgetme} (the pending reminders dropped, the notes deleted).
 */
public final class MyReminders {
    private static final Logger log = LoggerFactory.getLogger(MyReminders.class);

    /** What came of "I'll come". */
    public sealed interface Come {
        /** The first tap of this visit: {@code result} is what YCLIENTS made of it (the customer is thanked in any case). */
        record Asked(Attendance.Result result, String startsAt) implements Come {}

        /** Tapped before (this reminder's button or another's): nothing asked again. */
        record Already(String startsAt) implements Come {}

        /** No such visit of this customer any more (cancelled, forgotten, someone else's). */
        record Gone() implements Come {}
    }

    private final BookingReferences references;
    private final ReminderStore store;
    private final ReminderPlan plan;
    private final Attendance attendance;
    private final RuntimeStats stats;
    /** "Remind me of all my visits", taken back by {@code /reminders off}; null: not offered. */
    private final VisitsElsewhere elsewhere;

    public MyReminders(BookingReferences references, ReminderStore store, ReminderPlan plan, Attendance attendance,
                       RuntimeStats stats) {
        this(references, store, plan, attendance, stats, null);
    }

    /** @param elsewhere the visits found by the customer's verified phone: {@code /reminders off} withdraws that yes */
    public MyReminders(BookingReferences references, ReminderStore store, ReminderPlan plan, Attendance attendance,
                       RuntimeStats stats, VisitsElsewhere elsewhere) {
        this.references = references;
        this.store = store;
        this.plan = plan;
        this.attendance = attendance;
        this.stats = stats;
        this.elsewhere = elsewhere;
    }

    /** The customer's reminders are on (nobody said off), and since when they are as they are (empty: never said). */
    public boolean enabled(long userId) {
        return store.choice(userId).map(ReminderStore.Choice::enabled).orElse(true);
    }

    /** When the customer last said on or off. */
    public Optional<Instant> changedAt(long userId) {
        return store.choice(userId).map(ReminderStore.Choice::changedAt);
    }

    /**
     * {@code /reminders on|off}: stored with its time; returns after the commit. Off also withdraws "remind me of all
     * my visits" (the visits found elsewhere are forgotten); on does not restore it — the customer says yes again in
     * /mybookings.
     */
    public void turn(long userId, boolean on) {
        store.choose(userId, on);
        log.info("User {} turned reminders {}", userId, on ? "on" : "off");
        if (!on && elsewhere != null && elsewhere.withdraw(userId)) {
            log.info("User {} withdrew the reminders of visits booked elsewhere", userId);
        }
    }

    /** "I'll come" under a reminder of the customer's visit {@code referenceId}. */
    public Come come(long userId, long referenceId) {
        Optional<BookingReference> found = references.find(userId, referenceId);
        if (found.isEmpty()) {
            return new Come.Gone();
        }
        BookingReference ref = found.get();
        if (!store.confirmOnce(ref.companyId(), ref.recordId(), userId, "ASKING")) {
            return new Come.Already(ref.startsAt());
        }
        Attendance.Result result;
        try {
            result = attendance.confirm(ref.companyId(), ref.recordId());
        } catch (RuntimeException e) {
            log.warn("I'll come for record {} failed: {}", ref.recordId(), e.toString());
            result = Attendance.Result.FAILED;
        }
        store.confirmed(ref.companyId(), ref.recordId(), result.name());
        stats.visitConfirmation(result.name().toLowerCase(java.util.Locale.ROOT));
        log.info("User {} will come to record {}: {}", userId, ref.recordId(), result);
        return new Come.Asked(result, ref.startsAt());
    }

    /** {@code /forgetme}: the customer's pending reminders dropped and their notes deleted (before the visits are). */
    public void forget(long userId) {
        for (BookingReference ref : references.forUser(userId)) {
            try {
                plan.drop(ref.companyId(), ref.recordId());
            } catch (RuntimeException e) {
                log.warn("Reminders of record {} not dropped: {}", ref.recordId(), e.toString());
            }
        }
        int n = store.forget(userId);
        log.info("User {}: {} reminder note(s) deleted", userId, n);
    }
}
