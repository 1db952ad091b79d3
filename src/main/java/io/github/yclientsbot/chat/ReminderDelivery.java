package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.ReminderId;
import io.github.yclientsbot.booking.VisitReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends one reminder that came due: {@link VisitReminders} decides, {@link ReminderView} words it, the
 * {@link Outbox} carries it (Telegram's paced send path, or the console), and it is noted as sent right after.
 */
public final class ReminderDelivery {
    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final VisitReminders reminders;
    private final ReminderView view;
    private final Outbox outbox;

    public ReminderDelivery(VisitReminders reminders, ReminderView view, Outbox outbox) {
        this.reminders = reminders;
        this.view = view;
        this.outbox = outbox;
    }

    /**
     * Runs the reminder of schedule instance {@code instance}.
     *
     * @return when to run it again (the visit moved); empty when it is done (sent or skipped)
     * @throws VisitReminders.NotNow   when YCLIENTS cannot be asked now (tried again later)
     * @throws IllegalStateException   when the bot is stopping and the message did not go (tried again at the next start)
     */
    public Optional<Instant> run(String instance) {
        Optional<ReminderId> id = ReminderId.parse(instance);
        if (id.isEmpty()) {
            log.warn("Reminder with an unreadable id {} dropped", instance);
            return Optional.empty();
        }
        VisitReminders.Due due = reminders.prepare(id.get());
        if (due instanceof VisitReminders.Due.Later later) {
            return Optional.of(later.at());
        }
        if (due instanceof VisitReminders.Due.Send send) {
            if (!outbox.send(view.render(send))) {
                throw new IllegalStateException(id.get() + " not sent: the bot is stopping");
            }
            reminders.sent(send);
        }
        return Optional.empty();
    }

    /** The reminder failed in all its tries. */
    public void failed(String instance) {
        ReminderId.parse(instance).ifPresent(reminders::failed);
    }
}
