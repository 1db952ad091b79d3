package io.github.yclientsbot.booking;

import io.github.yclientsbot.yclients.RecordDetails;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link RecordWatch} listener as one: a record goes to each in turn, and one listener's failure is logged and
 * does not keep the record from the others.
 */
public final class RecordWatches implements RecordWatch {
    private static final Logger log = LoggerFactory.getLogger(RecordWatches.class);

    private final List<RecordWatch> listeners;

    public RecordWatches(List<RecordWatch> listeners) {
        this.listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
    }

    @Override
    public void seen(long companyId, RecordDetails record) {
        for (RecordWatch listener : listeners) {
            try {
                listener.seen(companyId, record);
            } catch (RuntimeException e) {
                log.warn("A record watcher ({}) failed on record {}: {}", listener.getClass().getSimpleName(),
                        record.id(), e.toString());
            }
        }
    }

    @Override
    public void gone(long companyId, long recordId) {
        for (RecordWatch listener : listeners) {
            try {
                listener.gone(companyId, recordId);
            } catch (RuntimeException e) {
                log.warn("A record watcher ({}) failed on gone record {}: {}", listener.getClass().getSimpleName(),
                        recordId, e.toString());
            }
        }
    }
}
