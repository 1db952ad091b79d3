package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordsApi;
import io.github.yclientsbot.yclients.VisitAttendance;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "I'll come" with the user token: the record is read right before ({@code GET /record}) and written back whole with
 * attendance 2 ({@code PUT /record}, {@code send_sms} off) only while it is still the visit the customer was told of:
 *
 * <ul>
 *   <li>attendance 2 already: {@link Result#ALREADY}, nothing written (a repeated tap, or the salon confirmed it);</li>
 *   <li>"changed": deleted, attendance anything but 0 (came 1, did not come −1 — never overwritten — or a code
 *   YCLIENTS does not document), the visit already begun, or a start other than the one the bot knows
 *   ({@code booking_reference.starts_at}: the salon moved it, so the customer would confirm a time they were not
 *   shown) — {@link Result#CHANGED}, nothing written. The specialist and services are not compared: the bot keeps no
 *   copy of them, and a reminder names them as read at its sending; {@code last_change_date} is not compared either,
 *   since a salon's note or label changes it without changing the visit;</li>
 *   <li>YCLIENTS refuses the read or the write, or does not answer: {@link Result#FAILED} (a record YCLIENTS no
 *   longer knows, 404, is {@link Result#CHANGED}).</li>
 * </ul>
 * Between the read and the write there is no version check in YCLIENTS: that window is the time of one request.
 * Every result is told to {@code outcomes} (the counters of /status and /metrics); nothing is thrown (a database
 * failure is a {@link Result#FAILED}).
 */
public final class AttendanceConfirmation implements Attendance {
    private static final Logger log = LoggerFactory.getLogger(AttendanceConfirmation.class);

    private final StaffRecords records;
    private final BookingReferences references;
    private final Clock clock;
    private final Consumer<Result> outcomes;

    public AttendanceConfirmation(StaffRecords records, BookingReferences references, Clock clock,
                                  Consumer<Result> outcomes) {
        this.records = records;
        this.references = references;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    @Override
    public boolean possible() {
        return records.possible();
    }

    @Override
    public Result confirm(long companyId, long recordId) {
        Result result;
        try {
            result = attempt(companyId, recordId);
        } catch (RuntimeException e) {
            // the database could not say which start the customer was told of: nothing written, counted as a failure
            log.warn("I'll come: record {} not confirmed: {}", recordId, e.toString());
            result = Result.FAILED;
        }
        outcomes.accept(result);
        return result;
    }

    private Result attempt(long companyId, long recordId) {
        if (!records.possible()) {
            return Result.NOT_POSSIBLE;
        }
        RecordDetails current;
        try {
            current = records.read(companyId, recordId);
        } catch (NotReadyException e) {
            return Result.NOT_POSSIBLE;
        } catch (YclientsException e) {
            if (e.isNotFound()) {
                log.info("I'll come: record {} is gone in YCLIENTS: {}", recordId, e.getMessage());
                return Result.CHANGED;
            }
            log.warn("I'll come: record {} could not be read: {}", recordId, e.getMessage());
            return Result.FAILED;
        }
        Optional<Result> unchanged = check(companyId, current);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        try {
            records.write(companyId, RecordsApi.Update.attendance(current, VisitAttendance.CONFIRMED));
        } catch (NotReadyException e) {
            return Result.NOT_POSSIBLE;
        } catch (YclientsException e) {
            log.warn("I'll come: YCLIENTS did not confirm record {}: {}", recordId, e.getMessage());
            return Result.FAILED;
        }
        log.info("I'll come: record {} confirmed in YCLIENTS", recordId);
        return Result.CONFIRMED;
    }

    /** Empty when the record may be written; otherwise why not. */
    private Optional<Result> check(long companyId, RecordDetails r) {
        if (r.deleted()) {
            return Optional.of(Result.CHANGED);
        }
        if (r.attendance() == VisitAttendance.CONFIRMED.code()) {
            return Optional.of(Result.ALREADY);
        }
        if (r.attendance() != VisitAttendance.WAITING.code()) {
            log.info("I'll come: record {} has attendance {}; not overwritten", r.id(), r.attendance());
            return Optional.of(Result.CHANGED);
        }
        Optional<Instant> start = CalendarFile.start(r.datetime(), null);
        if (start.isEmpty() || !start.get().isAfter(clock.instant())) {
            return Optional.of(Result.CHANGED);
        }
        Optional<Instant> known = references.byRecord(companyId, r.id()).map(BookingReference::startsAt)
                .flatMap(at -> CalendarFile.start(at, null));
        if (known.isPresent() && !known.get().equals(start.get())) {
            log.info("I'll come: record {} moved since the customer was told of it; not confirmed", r.id());
            return Optional.of(Result.CHANGED);
        }
        return Optional.empty();
    }
}
