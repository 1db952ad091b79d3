package io.github.yclientsbot.booking;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingOutcome.Ignored;
import io.github.yclientsbot.booking.BookingOutcome.MoveTrouble;
import io.github.yclientsbot.booking.BookingOutcome.Why;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 🔁 Another time for a visit the bot knows of (a {@code booking_reference}): the free times of the same service and
 * specialist — the booking's own calendar and times, as a draft that is {@link BookingDraft#moving() moving} the
 * visit instead of booking one — then "move to …?", then the move: {@code PUT /book_record} for a booking with its
 * hash, {@code PUT /record} with the user token for a visit without one, else only the salon can (its phone).
 * Offered only while {@link VisitChanges#canMove} says yes, and asked again right before the move. Whatever YCLIENTS
 * refuses, the old time stays and the customer is told; after a move the reference holds the new time, the reminders
 * are planned anew ({@link ReminderPlan#replan}) and a booking made in the chat gets its updated calendar file.
 */
public final class VisitMoves {
    private static final Logger log = LoggerFactory.getLogger(VisitMoves.class);
    /** YCLIENTS's answers that the time is not free: taken (433), no specialist (436), overlapping (437). */
    private static final Set<Integer> TIME_GONE = Set.of(433, 436, 437);

    private final BookingService booking;
    private final BookingDrafts drafts;
    private final BookingReferences references;
    private final BookingSteps steps;
    private final VisitChanges changes;
    private final ReminderPlan plan;

    public VisitMoves(BookingService booking, BookingDrafts drafts, BookingReferences references, BookingSteps steps,
                      VisitChanges changes, ReminderPlan plan) {
        this.booking = booking;
        this.drafts = drafts;
        this.references = references;
        this.steps = steps;
        this.changes = changes;
        this.plan = plan;
    }

    /** What is moved: the visit's service and specialist as YCLIENTS has them now, and when it starts. */
    private record Visit(long serviceId, String serviceTitle, long staffId, String staffName, String datetime,
                         boolean deleted) {}

    /**
     * 🔁 pressed (in /mybookings or under a reminder, {@code bk:my:mv:<id>}): the visit is read from YCLIENTS and its
     * calendar shown. A visit no longer known, or one that may not be moved now, gets its answer and no call.
     */
    public BookingOutcome start(long userId, long referenceId) {
        Optional<BookingReference> found = references.find(userId, referenceId);
        if (found.isEmpty()) {
            return refused(MoveTrouble.GONE, null);
        }
        BookingReference ref = found.get();
        String zone = steps.zone(userId, branchOf(ref));
        if (!allowed(ref, ref.startsAt(), zone)) {
            return refused(MoveTrouble.NOT_ALLOWED, ref.startsAt());
        }
        if (ref.recordHash() == null && !booking.hasUserToken()) {
            return refused(MoveTrouble.NEEDS_SALON, ref.startsAt());
        }
        Visit visit;
        try {
            visit = read(ref);
        } catch (NotReadyException e) {
            return refused(ref.recordHash() == null ? MoveTrouble.NEEDS_SALON : MoveTrouble.UNAVAILABLE, ref.startsAt());
        } catch (YclientsException e) {
            log.info("Move of record {} by user {}: the visit is not readable: {}", ref.recordId(), userId, e.getMessage());
            return refused(trouble(e), ref.startsAt());
        }
        if (visit.deleted()) {
            return refused(MoveTrouble.GONE, visit.datetime());
        }
        if (visit.serviceId() == 0 || !allowed(ref, visit.datetime(), zone)) {
            // the salon moved it meanwhile, closer than changes are allowed; or no service to offer times of
            return refused(visit.serviceId() == 0 ? MoveTrouble.NEEDS_SALON : MoveTrouble.NOT_ALLOWED, visit.datetime());
        }
        BookingDraft d = BookingDraft.start().branch(branchOf(ref))
                .service(visit.serviceId(), visit.serviceTitle(), null, null, visit.staffId(), true, zone)
                .staff(visit.staffId(), visit.staffName())
                .moving(new BookingDraft.Moving(ref.id(), visit.datetime()))
                .step(Step.DAY);
        try {
            BookingOutcome calendar = steps.calendar(userId, d);
            drafts.start(userId, d);
            return calendar;
        } catch (BookingSteps.Unavailable failed) {
            return failed.outcome();
        }
    }

    /** A button of a moving draft: the calendar and times as in a booking; Cancel leaves the visit as it is. */
    BookingOutcome press(long userId, BookingDrafts.Versioned v, Choice choice) throws BookingSteps.Unavailable {
        BookingDraft d = v.draft();
        Step at = d.step();
        if (at == Step.BOOKING) {
            return new Ignored(Why.BUSY);
        }
        if (choice instanceof Choice.Cancel || choice instanceof Choice.Back && at == Step.DAY) {
            drafts.end(userId);
            return new BookingOutcome.MoveDropped(d.moving().from());
        }
        if (choice instanceof Choice.Back) {
            BookingDraft next = d.step(at == Step.SUMMARY ? Step.TIME : Step.DAY);
            BookingOutcome shown = next.step() == Step.TIME ? new BookingOutcome.TimeList(next, 0)
                    : steps.calendar(userId, next);
            drafts.save(userId, v.version(), next);
            return shown;
        }
        if (choice instanceof Choice.Month m && at == Step.DAY) {
            BookingDraft next = d.month(m.month().toString());
            BookingOutcome calendar = steps.calendar(userId, next);
            drafts.save(userId, v.version(), next);
            return calendar;
        }
        if (choice instanceof Choice.Day day && at == Step.DAY) {
            // the visit's own time is not another time
            List<List<String>> free = steps.freeTimes(userId, d, day.day()).stream()
                    .filter(t -> !sameTime(t.get(1), d.moving().from(), d.zone())).toList();
            BookingDraft next = d.day(day.day().toString(), free).step(Step.TIME);
            drafts.save(userId, v.version(), next);
            return new BookingOutcome.TimeList(next, 0);
        }
        if (choice instanceof Choice.TimePage p && at == Step.TIME) {
            return new BookingOutcome.TimeList(d, p.page());
        }
        if (choice instanceof Choice.Time t && at == Step.TIME) {
            if (d.date() == null || !t.day().toString().equals(d.date()) || t.index() < 0 || t.index() >= d.times().size()) {
                return new Ignored(Why.STALE);
            }
            List<String> slot = d.times().get(t.index());
            BookingDraft next = d.time(slot.get(0), slot.get(1)).step(Step.SUMMARY);
            drafts.save(userId, v.version(), next);
            return new BookingOutcome.MoveAsked(next, BookingSteps.stamp(next));
        }
        if (choice instanceof Choice.Confirm c && at == Step.SUMMARY
                && (c.stamp() == null || c.stamp().equals(BookingSteps.stamp(d)))) {
            return move(userId, v);
        }
        return new Ignored(choice instanceof Choice.Confirm ? Why.OUTDATED_SUMMARY : Why.STALE);
    }

    /** "Move": asked again whether it may be moved, then moved; one guarded transition, so a second tap moves nothing. */
    private BookingOutcome move(long userId, BookingDrafts.Versioned v) {
        BookingDraft d = v.draft();
        if (!drafts.save(userId, v.version(), d.step(Step.BOOKING))) {
            return new Ignored(Why.BUSY);
        }
        try {
            return moving(userId, d);
        } catch (RuntimeException e) {
            // a database hiccup: the move does not stay "being made" for half an hour
            try {
                drafts.end(userId);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private BookingOutcome moving(long userId, BookingDraft d) {
        String from = d.moving().from();
        Optional<BookingReference> found = references.find(userId, d.moving().referenceId());
        if (found.isEmpty()) {
            drafts.end(userId);
            return refused(MoveTrouble.GONE, from);
        }
        BookingReference ref = found.get();
        if (!allowed(ref, from, d.zone())) {
            drafts.end(userId);
            return refused(MoveTrouble.NOT_ALLOWED, from);
        }
        if (ref.recordHash() == null && !booking.hasUserToken()) {
            drafts.end(userId);
            return refused(MoveTrouble.NEEDS_SALON, from);
        }
        String now;
        try {
            now = ref.recordHash() != null ? booking.move(ref.companyId(), ref.recordId(), d.datetime())
                    : moveWithUserToken(ref, d.datetime());
        } catch (NotReadyException e) {
            drafts.end(userId);
            return refused(ref.recordHash() == null ? MoveTrouble.NEEDS_SALON : MoveTrouble.UNAVAILABLE, from);
        } catch (YclientsException e) {
            log.info("Move of record {} by user {} refused: {}", ref.recordId(), userId, e.getMessage());
            return refusal(userId, d, e);
        }
        log.info("User {} moved record {} in chat", userId, ref.recordId());
        availabilityChanged(d, from);
        drafts.end(userId);
        try {
            references.moved(ref.id(), now);
            plan.replan(ref.id());
        } catch (RuntimeException e) {
            // YCLIENTS moved it: the customer is told so whatever the database does; /mybookings reads the time there
            log.warn("Record {} moved; the reference or its reminders not updated: {}", ref.recordId(), e.toString());
        }
        return new BookingOutcome.Moved(d, now, ref.recordHash() == null ? Optional.empty() : calendarFile(d, ref, now));
    }

    /** A visit without a hash, moved with the user token: read right before ({@code PUT /record} is a full update). */
    private String moveWithUserToken(BookingReference ref, String datetime) throws YclientsException, NotReadyException {
        RecordDetails current = booking.recordDetails(ref.companyId(), ref.recordId());
        if (current.deleted()) {
            throw YclientsException.http("PUT", "/api/v1/record/" + ref.companyId() + "/" + ref.recordId(), 404, null,
                    "the record is deleted");
        }
        RecordDetails moved = booking.moveRecord(current, datetime);
        return moved.datetime() == null ? datetime : moved.datetime();
    }

    /** YCLIENTS refused the move: a time taken gets the nearest free times; anything else ends the move. */
    private BookingOutcome refusal(long userId, BookingDraft d, YclientsException e) {
        String from = d.moving().from();
        MoveTrouble trouble = trouble(e);
        if (trouble != MoveTrouble.TAKEN) {
            drafts.end(userId);
            return refused(trouble, from);
        }
        availabilityChanged(d, null);
        BookingDraft shown;
        try {
            shown = steps.nearest(userId, d, t -> sameTime(t, from, d.zone()));
        } catch (BookingSteps.Unavailable failed) {
            drafts.end(userId);
            return new BookingOutcome.MoveRefused(trouble, from, salonPhone(), failed.outcome());
        }
        drafts.find(userId).ifPresent(v -> drafts.save(userId, v.version(), shown));
        return new BookingOutcome.MoveRefused(trouble, from, salonPhone(), shown.times().isEmpty()
                ? new BookingOutcome.NothingFree(shown) : new BookingOutcome.TimeList(shown, 0));
    }

    private static MoveTrouble trouble(YclientsException e) {
        if (e.isUnavailable()) {
            return MoveTrouble.UNAVAILABLE;
        }
        if (e.isNotFound()) {
            return MoveTrouble.GONE;
        }
        if (e.apiCode() != null && TIME_GONE.contains(e.apiCode()) || e.httpStatus() == 409 || e.httpStatus() == 422) {
            return MoveTrouble.TAKEN;
        }
        return e.httpStatus() == 403 ? MoveTrouble.NOT_ALLOWED : MoveTrouble.FAILED;
    }

    private BookingOutcome.MoveRefused refused(MoveTrouble trouble, String from) {
        return new BookingOutcome.MoveRefused(trouble, from, trouble == MoveTrouble.GONE ? "" : salonPhone(), null);
    }

    private boolean allowed(BookingReference ref, String datetime, String zone) {
        return CalendarFile.start(datetime, zone).map(s -> changes.canMove(ref.companyId(), s)).orElse(false);
    }

    private Visit read(BookingReference ref) throws YclientsException, NotReadyException {
        if (ref.recordHash() != null) {
            RecordInfo r = booking.record(ref.companyId(), ref.recordId(), ref.recordHash());
            return new Visit(r.serviceIds().isEmpty() ? 0 : r.serviceIds().get(0),
                    r.services().isEmpty() ? "" : r.services().get(0), r.staffId(), r.staffName(), r.datetime(),
                    r.deleted());
        }
        RecordDetails r = booking.recordDetails(ref.companyId(), ref.recordId());
        RecordDetails.Service first = r.services().isEmpty() ? null : r.services().get(0);
        return new Visit(first == null ? 0 : first.id(), first == null ? "" : first.title(), r.staffId(), r.staffName(),
                r.datetime(), r.deleted());
    }

    /** The free times of the day left and of the day taken are old now. */
    private void availabilityChanged(BookingDraft d, String from) {
        day(d.datetime(), d.zone()).ifPresent(day -> booking.availabilityChanged(d.staffId(), day));
        if (from != null) {
            day(from, d.zone()).ifPresent(day -> booking.availabilityChanged(d.staffId(), day));
        }
    }

    /** The visit's day as the company sees it (the date YCLIENTS wrote). */
    private static Optional<LocalDate> day(String datetime, String zone) {
        try {
            return CalendarFile.start(datetime, zone).map(i -> LocalDate.parse(datetime.strip().substring(0, 10)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean sameTime(String a, String b, String zone) {
        Optional<Instant> x = CalendarFile.start(a, zone);
        return x.isPresent() && x.equals(CalendarFile.start(b, zone));
    }

    /** The updated "add to calendar" file: the same event id as the booking's, so a calendar moves the event. */
    private Optional<CalendarInvite> calendarFile(BookingDraft d, BookingReference ref, String now) {
        try {
            Optional<Instant> start = CalendarFile.start(now, d.zone());
            if (start.isEmpty()) {
                return Optional.empty();
            }
            Company company = (branchOf(ref) == 0 ? booking : booking.forBranch(ref.companyId())).companyInfo();
            byte[] ics = CalendarFile.event("yclients-" + ref.companyId() + "-" + ref.recordId() + "@yclients-telegram-bot",
                    start.get(), Duration.ofSeconds(BookingConfirmation.length(d)),
                    d.serviceTitle() + " — " + company.displayTitle(), company.address(), booking.now());
            return Optional.of(new CalendarInvite("booking-" + ref.recordId() + ".ics", ics));
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            log.debug("Record {} moved; no calendar file: {}", ref.recordId(), e.toString());
            return Optional.empty();
        }
    }

    /** The salon's phone from the (cached) company, or "" when unknown. */
    private String salonPhone() {
        try {
            String phone = booking.companyInfo().phone();
            return phone == null ? "" : phone.strip();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return "";
        }
    }

    /** The branch of a visit as a draft names it: 0 for the first branch (a bot of one company), else its company. */
    private long branchOf(BookingReference ref) {
        try {
            return ref.companyId() == booking.company() ? 0 : ref.companyId();
        } catch (NotReadyException e) {
            return ref.companyId();
        }
    }
}
