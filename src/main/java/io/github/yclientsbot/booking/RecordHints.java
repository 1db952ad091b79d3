package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordsApi;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YCLIENTS webhook events, taken as hints: an event names a record of the company, and the record is read again from
 * the API ({@code GET /record}, the background share) off the request thread and handed to the {@link RecordWatch};
 * what the event's body says of the record is never trusted. A repeated event (the same company, resource, id, status
 * and last change) is ignored; the {@value #REMEMBERED} latest are remembered. Events of another company, of other
 * resources than records, or beyond {@value #MAX_PENDING} waiting re-reads are ignored (the record poll sees them).
 * A record YCLIENTS no longer knows (404) is reported as gone.
 */
public final class RecordHints {
    private static final Logger log = LoggerFactory.getLogger(RecordHints.class);
    static final int REMEMBERED = 10_000;
    static final int MAX_PENDING = 1_000;

    /** An event as YCLIENTS posted it: {@code changedAt} is the record's {@code last_change_date} when given, else "". */
    public record Hint(long companyId, String resource, long resourceId, String status, String changedAt) {
        public Hint {
            resource = resource == null ? "" : resource;
            status = status == null ? "" : status;
            changedAt = changedAt == null ? "" : changedAt;
        }

        String key() {
            return companyId + ":" + resource + ":" + resourceId + ":" + status + ":" + changedAt;
        }
    }

    /** What became of an event. */
    public enum Verdict { ACCEPTED, REPEATED, IGNORED }

    private final Settings settings;
    private final RecordsApi records;
    private final RecordWatch watch;
    private final Executor executor;
    private final Clock clock;
    private final WatchStatus status;
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * @param records  the records API on the background share of the YCLIENTS budget
     * @param executor where records are read again (not the request's thread)
     */
    public RecordHints(Settings settings, RecordsApi records, RecordWatch watch, Executor executor, Clock clock,
                       WatchStatus status) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.records = Objects.requireNonNull(records, "records");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Takes an event; returns at once (the record is read again on the executor). Counted for /metrics. */
    public Verdict offer(Hint hint) {
        Verdict v = verdict(hint);
        status.webhookCounted(switch (v) {
            case ACCEPTED -> "accepted";
            case REPEATED -> "duplicate";
            case IGNORED -> "ignored";
        });
        return v;
    }

    /** A webhook request refused before any event was read ({@code bad_json}, {@code wrong_secret}): counted. */
    public void refused(String why) {
        status.webhookCounted(why);
    }

    private Verdict verdict(Hint hint) {
        // an event of any branch the bot serves (with one company: that one)
        OptionalLong company = settings.companyId();
        boolean served = company.isPresent() && (company.getAsLong() == hint.companyId()
                || settings.branchIds().contains(hint.companyId()));
        if (!"record".equals(hint.resource()) || !served || hint.resourceId() <= 0) {
            return Verdict.IGNORED;
        }
        synchronized (seen) {
            if (seen.put(hint.key(), Boolean.TRUE) != null) {
                return Verdict.REPEATED;
            }
        }
        status.webhookEvent(clock.instant());
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            log.warn("Webhook: {} records wait to be read already; record {} is left to the poll", MAX_PENDING,
                    hint.resourceId());
            return Verdict.IGNORED;
        }
        try {
            executor.execute(() -> {
                try {
                    reread(hint.companyId(), hint.resourceId());
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException stopping) {
            pending.decrementAndGet();
            return Verdict.IGNORED;
        }
        return Verdict.ACCEPTED;
    }

    private void reread(long companyId, long recordId) {
        Optional<YclientsCredentials> credentials = settings.credentials();
        if (credentials.isEmpty() || !credentials.get().hasUserToken()) {
            log.debug("Webhook: record {} not read: no user token", recordId);
            return;
        }
        try {
            RecordDetails record = records.record(credentials.get(), companyId, recordId);
            watch.seen(companyId, record);
        } catch (YclientsException e) {
            if (e.isNotFound()) {
                watch.gone(companyId, recordId);
            } else {
                log.info("Webhook: record {} could not be read (the poll will see it): {}", recordId, e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Webhook: record {} failed: {}", recordId, e.toString());
        }
    }
}
