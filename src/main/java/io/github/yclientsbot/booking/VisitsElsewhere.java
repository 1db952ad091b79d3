package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.VisitWatch;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordsPage;
import io.github.yclientsbot.yclients.RecordsQuery;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Visits booked elsewhere — through the form, by phone, by the staff — reminded of like those booked in the chat, for
 * a customer who proved the phone is theirs (their own contact shared in Telegram, or an SMS code YCLIENTS accepted
 * in the chat booking) and said yes to "remind me of all my visits at <salon>". The answer is stored with its time;
 * {@link #withdraw} (/reminders off) and {@link #forget} (/forgetme) take it back. Phones are kept and matched only as
 * keyed hashes ({@code phoneHash}: an HMAC under a key derived from the bot's secret key).
 *
 * <p>As a {@link RecordWatch} it turns a record the poll or a webhook saw into a known visit (a
 * {@code booking_reference} without a hash) when its client's phone is a verified phone of a customer who agreed,
 * it is not deleted, it is still ahead and the bot does not know it yet; then the visit's reminders are planned.
 * Nothing of this works without the user token (the records cannot be read), so nothing is offered then.
 */
public final class VisitsElsewhere implements RecordWatch {
    private static final Logger log = LoggerFactory.getLogger(VisitsElsewhere.class);

    /** What to offer a customer: nothing, the question (not agreed), or to take the yes back (agreed). */
    public enum Offer { NONE, ASK, WITHDRAW }

    /** What came of an answer to the question. */
    public enum Answered { AGREED, DECLINED, WITHDRAWN, NOT_POSSIBLE }

    /** How far ahead the visits already booked are looked for when a customer says yes (as far as booking goes). */
    static final int DAYS_AHEAD = BookingService.DAYS_AHEAD;
    /** Records a page, and the pages read at most, when a customer says yes. */
    static final int PAGE = 200;
    static final int MAX_PAGES = 5;

    private final Settings settings;
    private final StaffRecords records;
    private final VisitWatch store;
    private final BookingReferences references;
    private final UnaryOperator<String> phoneHash;
    private final ReminderPlan plan;
    private final Clock clock;

    public VisitsElsewhere(Settings settings, StaffRecords records, VisitWatch store, BookingReferences references,
                           UnaryOperator<String> phoneHash, ReminderPlan plan, Clock clock) {
        this.settings = settings;
        this.records = records;
        this.store = store;
        this.references = references;
        this.phoneHash = phoneHash;
        this.plan = plan;
        this.clock = clock;
    }

    /** The salon as the question names it, when its title is known. */
    public Optional<String> salon() {
        return settings.companyTitle();
    }

    /** The customer shared their own contact (Telegram verified the number): it is theirs. */
    public void contactShared(long userId, String sharedPhone) {
        PhoneNumber.normalizeShared(sharedPhone).ifPresent(p -> verified(userId, p, VisitWatch.How.CONTACT));
    }

    /** YCLIENTS accepted the SMS code sent to {@code phone} (digits) for the customer's booking: it is theirs. */
    public void codeAccepted(long userId, String phone) {
        PhoneNumber.normalize(phone == null ? null : "+" + phone).ifPresent(p -> verified(userId, p, VisitWatch.How.SMS));
    }

    private void verified(long userId, String digits, VisitWatch.How how) {
        try {
            store.verified(userId, phoneHash.apply(digits), how);
        } catch (RuntimeException e) {
            // the booking goes on; only the visits booked elsewhere cannot be found by this number yet
            log.warn("The verified phone of user {} could not be stored: {}", userId, e.toString());
        }
    }

    /** Whether to ask "remind me of all my visits?" right after a booking: possible, and never answered here. */
    public boolean askAfterBooking(long userId) {
        OptionalLong company = settings.companyId();
        return company.isPresent() && records.possible() && store.hasVerified(userId)
                && store.answerOf(userId).map(a -> a.companyId() != company.getAsLong()).orElse(true);
    }

    /** What /mybookings offers: the question (not agreed), taking the yes back (agreed), or nothing (not possible). */
    public Offer offer(long userId) {
        OptionalLong company = settings.companyId();
        if (company.isEmpty() || !records.possible() || !store.hasVerified(userId)) {
            return Offer.NONE;
        }
        return agreed(userId, company.getAsLong()) ? Offer.WITHDRAW : Offer.ASK;
    }

    /** The answer to the question, stored with its time; no after a yes is a withdrawal. */
    public Answered answer(long userId, boolean yes) {
        OptionalLong company = settings.companyId();
        if (!yes) {
            return withdraw(userId) ? Answered.WITHDRAWN : declined(userId, company);
        }
        if (company.isEmpty() || !records.possible() || !store.hasVerified(userId)) {
            return Answered.NOT_POSSIBLE;
        }
        store.answer(userId, company.getAsLong(), true);
        log.info("User {} agreed to reminders of all their visits at company {}", userId, company.getAsLong());
        return Answered.AGREED;
    }

    /**
     * Right after a yes: the visits already booked elsewhere are looked for among the company's upcoming records
     * (at most {@value #MAX_PAGES} pages of {@value #PAGE}) — the record poll sees only records that change, so one
     * booked through the form last week would otherwise never be found. Returns how many became known visits; a
     * failure of YCLIENTS only means the poll finds them when they change.
     */
    public int lookForVisits(long userId) {
        OptionalLong company = settings.companyId();
        if (company.isEmpty() || !records.possible() || !agreed(userId, company.getAsLong())) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        RecordsQuery query = RecordsQuery.page(1, PAGE).visitDays(today.minusDays(1), today.plusDays(DAYS_AHEAD));
        int found = 0;
        try {
            for (int page = 1; page <= MAX_PAGES; page++) {
                RecordsPage records = this.records.list(company.getAsLong(), query.withPage(page));
                for (RecordDetails r : records.records()) {
                    found += match(company.getAsLong(), r, userId) ? 1 : 0;
                }
                if (!records.mayHaveMore()) {
                    break;
                }
            }
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            log.info("Visits of user {} booked elsewhere not looked for now (the record poll finds them when they"
                    + " change): {}", userId, e.toString());
        }
        return found;
    }

    private Answered declined(long userId, OptionalLong company) {
        if (company.isPresent()) {
            store.answer(userId, company.getAsLong(), false);
        }
        return Answered.DECLINED;
    }

    /**
     * Takes the yes back (/reminders off, or "no" after a yes): stored as no, with its time; the visits found
     * elsewhere are forgotten and their reminders dropped. {@code true} when there was a yes to take back.
     */
    public boolean withdraw(long userId) {
        Optional<VisitWatch.Answer> answer = store.answerOf(userId);
        if (answer.isEmpty() || !answer.get().agreed()) {
            return false;
        }
        store.answer(userId, answer.get().companyId(), false);
        dropFound(userId);
        log.info("User {} withdrew the reminders of visits booked elsewhere", userId);
        return true;
    }

    /** /forgetme: the verified phones, the answer and the visits found elsewhere go. {@code true} when any was kept. */
    public boolean forget(long userId) {
        int found = dropFound(userId);
        return store.forget(userId) || found > 0;
    }

    private int dropFound(long userId) {
        List<BookingReference> gone = references.deleteElsewhere(userId);
        gone.forEach(ref -> plan.drop(ref.companyId(), ref.recordId()));
        return gone.size();
    }

    private boolean agreed(long userId, long companyId) {
        return store.answerOf(userId).map(a -> a.agreed() && a.companyId() == companyId).orElse(false);
    }

    @Override
    public void seen(long companyId, RecordDetails record) {
        try {
            match(companyId, record, null);
        } catch (RuntimeException e) {
            log.warn("Record {} of company {} could not be matched to a customer: {}", record.id(), companyId,
                    e.toString());
        }
    }

    /** Makes the record a known visit of the customer it belongs to ({@code onlyUser} when not null): whether it did. */
    private boolean match(long companyId, RecordDetails record, Long onlyUser) {
        if (record.deleted() || record.client() == null || !records.possible()) {
            return false;
        }
        Optional<Instant> start = CalendarFile.start(record.datetime(), null);
        if (start.isEmpty() || !start.get().isAfter(clock.instant())
                || references.byRecord(companyId, record.id()).isPresent()) {
            return false;
        }
        String raw = record.client().phone();
        // YCLIENTS keeps numbers with the country code, with or without "+"
        Optional<String> phone = PhoneNumber.normalize(raw).or(() -> PhoneNumber.normalizeShared(raw));
        if (phone.isEmpty()) {
            return false;
        }
        for (long userId : store.usersWith(phoneHash.apply(phone.get()))) {
            if (agreed(userId, companyId)) {
                if (onlyUser != null && onlyUser != userId) {
                    return false;
                }
                Optional<Long> id = references.addElsewhere(userId, companyId, record.id(), record.datetime());
                id.ifPresent(plan::replan);
                id.ifPresent(ref -> log.info("Record {} booked elsewhere is a visit of user {} (reference {})",
                        record.id(), userId, ref));
                return id.isPresent();
            }
        }
        return false;
    }
}
