package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.storage.RecordPollMarks;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordsApi;
import io.github.yclientsbot.yclients.RecordsPage;
import io.github.yclientsbot.yclients.RecordsQuery;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record poll: {@code GET /records/{company}} with {@code changed_after} and {@code with_deleted}, every page, and
 * each new, changed or deleted record handed to the {@link RecordWatch}. YCLIENTS posts each webhook event once and
 * never again, so this is what makes sure nothing is missed — while the bot was down too: the watermark (the latest
 * {@code last_change_date} seen) is stored after every page has been read ({@link RecordPollMarks}), and the next poll,
 * after a restart as well, asks from {@value #OVERLAP_SECONDS} s before it (a change written in the same second as the
 * last one seen is not lost; a record seen twice changes nothing twice — listeners compare with what they stored).
 * The first poll ever looks one day back. Needs the user token; without it nothing is asked and {@link #status()} says
 * why. The caller gives it the background share of the YCLIENTS budget.
 */
public final class RecordPoll {
    private static final Logger log = LoggerFactory.getLogger(RecordPoll.class);
    static final long OVERLAP_SECONDS = 120;
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);
    /** Records a page asks for. */
    static final int PAGE_SIZE = 100;
    /** A guard against a server that never ends its pages. */
    static final int MAX_PAGES = 500;

    private final Settings settings;
    private final RecordsApi records;
    private final RecordPollMarks marks;
    private final RecordWatch watch;
    private final LongFunction<ZoneId> zone;
    private final Clock clock;
    private final WatchStatus status;

    /** @param records the records API on the background share of the YCLIENTS budget */
    public RecordPoll(Settings settings, RecordsApi records, RecordPollMarks marks, RecordWatch watch,
                      Supplier<ZoneId> zone, Clock clock, WatchStatus status) {
        this(settings, records, marks, watch, company -> zone.get(), clock,
                status);
    }

    /** @param zone each branch's time zone, by its company id */
    public RecordPoll(Settings settings, RecordsApi records, RecordPollMarks marks, RecordWatch watch,
                      LongFunction<ZoneId> zone, Clock clock, WatchStatus status) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.records = Objects.requireNonNull(records, "records");
        this.marks = Objects.requireNonNull(marks, "marks");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** One poll: every page of what changed since the watermark (minus the overlap). Never throws. */
    public synchronized WatchStatus.Poll run() {
        Instant now = clock.instant();
        OptionalLong company = settings.companyId();
        Optional<YclientsCredentials> credentials = settings.credentials();
        if (company.isEmpty() || credentials.isEmpty()) {
            return status.polled(new WatchStatus.Poll(WatchStatus.Poll.Outcome.NOT_SET_UP, now, 0, ""));
        }
        if (!credentials.get().hasUserToken()) {
            return status.polled(new WatchStatus.Poll(WatchStatus.Poll.Outcome.NO_USER_TOKEN, now, 0, ""));
        }
        // every branch, each with its own watermark; one branch's failure does not keep the others' changes back
        List<Long> branches = settings.branchIds().isEmpty() ? List.of(company.getAsLong()) : settings.branchIds();
        int seen = 0;
        String failure = null;
        for (long branch : branches) {
            try {
                seen += poll(branch, credentials.get());
            } catch (YclientsException e) {
                log.warn("Record poll of company {} failed: {}", branch, e.getMessage());
                failure = failure == null ? e.getMessage() : failure;
            } catch (RuntimeException e) {
                log.warn("Record poll of company {} failed: {}", branch, e.toString());
                failure = failure == null ? e.getClass().getSimpleName() : failure;
            }
        }
        return status.polled(failure == null ? new WatchStatus.Poll(WatchStatus.Poll.Outcome.OK, now, seen, "")
                : new WatchStatus.Poll(WatchStatus.Poll.Outcome.FAILED, now, seen, failure));
    }

    private int poll(long company, YclientsCredentials credentials) throws YclientsException {
        ZoneId tz = zone.apply(company);
        Optional<RecordPollMarks.Mark> mark = marks.find(company);
        Instant from = mark.map(m -> m.changedUpTo().minusSeconds(OVERLAP_SECONDS))
                .orElse(clock.instant().minus(FIRST_LOOK_BACK));
        Instant newest = mark.map(RecordPollMarks.Mark::changedUpTo).orElse(from);
        RecordsQuery query = RecordsQuery.page(1, PAGE_SIZE).changed(from.atZone(tz).toOffsetDateTime(), null)
                .includingDeleted();
        int seen = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            RecordsPage got = records.records(credentials, company, query.withPage(page));
            for (RecordDetails record : got.records()) {
                watch.seen(company, record);
                seen++;
                Optional<Instant> changed = record.lastChangedAt(tz);
                if (changed.isPresent() && changed.get().isAfter(newest)) {
                    newest = changed.get();
                }
            }
            if (!got.mayHaveMore()) {
                marks.save(company, notAfterNow(newest));
                log.debug("Record poll: {} record(s) changed since {} in {} page(s)", seen, from, page);
                return seen;
            }
        }
        log.warn("Record poll: more than {} pages of changed records; the rest waits for the next poll", MAX_PAGES);
        marks.save(company, notAfterNow(newest));
        return seen;
    }

    /** A change dated ahead of our clock (a skewed server) must not carry the watermark past what may still come. */
    private Instant notAfterNow(Instant newest) {
        Instant now = clock.instant();
        return newest.isAfter(now) ? now : newest;
    }

    /** What the last poll did (for /status). */
    public WatchStatus.Poll status() {
        return status.lastPoll();
    }
}
