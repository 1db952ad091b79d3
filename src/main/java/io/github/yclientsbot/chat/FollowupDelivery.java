package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.FollowupId;
import io.github.yclientsbot.booking.VisitFollowups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends one follow-up that came due on the reminders' schedule: {@link VisitFollowups} decides, {@link FollowupView}
 * words it, the {@link Outbox} carries it (the paced send path, or the console), and it is noted as sent right after.
 */
public final class FollowupDelivery {
    private static final Logger log = LoggerFactory.getLogger(FollowupDelivery.class);

    private final VisitFollowups followups;
    private final FollowupView view;
    private final Outbox outbox;

    public FollowupDelivery(VisitFollowups followups, FollowupView view, Outbox outbox) {
        this.followups = followups;
        this.view = view;
        this.outbox = outbox;
    }

    /** Schedule instance {@code instance} is a follow-up's (else a reminder's). */
    public static boolean handles(String instance) {
        return FollowupId.parse(instance).isPresent();
    }

    /**
     * Runs the follow-up of schedule instance {@code instance}.
     *
     * @return when to run it again (the visit ends later than planned); empty when it is done (sent or skipped)
     * @throws io.github.yclientsbot.booking.VisitReminders.NotNow when YCLIENTS cannot be asked now (tried again later)
     * @throws IllegalStateException when the bot is stopping and the message did not go (tried again at the next start)
     */
    public Optional<Instant> run(String instance) {
        Optional<FollowupId> id = FollowupId.parse(instance);
        if (id.isEmpty()) {
            log.warn("Follow-up with an unreadable id {} dropped", instance);
            return Optional.empty();
        }
        VisitFollowups.Due due = followups.prepare(id.get());
        if (due instanceof VisitFollowups.Due.Later later) {
            return Optional.of(later.at());
        }
        if (due instanceof VisitFollowups.Due.Send send) {
            if (!outbox.send(view.render(send))) {
                throw new IllegalStateException(id.get() + " not sent: the bot is stopping");
            }
            followups.sent(send);
        }
        return Optional.empty();
    }

    /** The follow-up failed in all its tries. */
    public void failed(String instance) {
        FollowupId.parse(instance).ifPresent(followups::failed);
    }
}
