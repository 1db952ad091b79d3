package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.RecordWatch;
import io.github.yclientsbot.booking.SalonChanges;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.yclients.RecordDetails;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The salon's changes told to the customer ({@link SalonChanges} decides what changed): "the salon moved your visit
 * to …", or "the salon cancelled your visit on …; book again: /book". One message per change, in the customer's
 * private chat, through the {@link Outbox}; the message of a move is not given up for age before the visit.
 * Synchronized: the poll and the webhook worker may report the same record at once.
 */
public final class SalonChangeNotices implements RecordWatch {
    private final SalonChanges changes;
    private final Outbox outbox;
    private final Messages messages;
    private final LongFunction<ZoneId> companyZone;

    public SalonChangeNotices(SalonChanges changes, Outbox outbox, Messages messages, Supplier<ZoneId> companyZone) {
        this(changes, outbox, messages, company -> companyZone.get());
    }

    /** @param companyZone each branch's zone by its company id (a chain's branches may be in several) */
    public SalonChangeNotices(SalonChanges changes, Outbox outbox, Messages messages,
                              LongFunction<ZoneId> companyZone) {
        this.changes = changes;
        this.outbox = outbox;
        this.messages = messages;
        this.companyZone = companyZone;
    }

    @Override
    public synchronized void seen(long companyId, RecordDetails record) {
        changes.seen(companyId, record).ifPresent(c -> tell(companyZone.apply(companyId), c));
    }

    @Override
    public synchronized void gone(long companyId, long recordId) {
        changes.gone(companyId, recordId).ifPresent(c -> tell(companyZone.apply(companyId), c));
    }

    /** {@code zone}: the record's branch's, for a date-time without an offset. */
    private void tell(ZoneId zone, SalonChanges.Change change) {
        String lang = messages.fallbackLanguage();
        Action.Send send;
        if (change instanceof SalonChanges.Change.Moved moved) {
            send = new Action.Send(moved.userId(), messages.get(lang, "bookflow.salon.moved",
                    "before", when(lang, moved.before(), zone), "when", when(lang, moved.after(), zone)), Keyboard.NONE);
            Optional<Instant> start = SalonChanges.instant(moved.after(), zone);
            if (start.isPresent()) {
                send = send.keptUntil(start.get());
            }
        } else {
            SalonChanges.Change.Cancelled cancelled = (SalonChanges.Change.Cancelled) change;
            send = new Action.Send(cancelled.userId(), messages.get(lang, "bookflow.salon.cancelled",
                    "when", when(lang, cancelled.startsAt(), zone)), Keyboard.NONE);
        }
        outbox.send(Reply.of(send));
    }

    /** The time as the salon sees it (its own offset, else its zone): "вторник, 1 декабря 2026, 10:00". */
    private static String when(String lang, String datetime, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm", Locale.forLanguageTag(lang));
        try {
            return f.format(OffsetDateTime.parse(datetime.strip()));
        } catch (RuntimeException notIsoWithOffset) {
            return SalonChanges.instant(datetime, zone).map(i -> f.format(i.atZone(zone))).orElse(datetime);
        }
    }
}
