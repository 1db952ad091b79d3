package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.company.ServiceButtons;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.yclients.Appointment;
import io.github.yclientsbot.yclients.BookStaff;
import io.github.yclientsbot.yclients.BookTime;
import io.github.yclientsbot.yclients.BookedRecord;
import io.github.yclientsbot.yclients.BookingRequest;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.RecordsApi;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The YCLIENTS online-booking calls of the in-chat booking, with the configured company and partner token:
 * bookable specialists, days and times (briefly cached by the directory, and dropped for the specialist and day a
 * booking or a refusal of a taken time changed), then {@code book_check} right before {@code book_record}.
 *
 * <p>Every call is made for the customer the chat is handling an update of ({@link CallerScope}) and takes that
 * customer's share of YCLIENTS's rate limit; outside an update it counts as background work.
 */
public final class BookingService {
    /** How far ahead bookable days are offered. */
    public static final int DAYS_AHEAD = 92;

    public enum Mode { CHAT, FORM, BOTH }

    /** YCLIENTS's answers that a time went meanwhile: taken (433), no specialist free (436), overlapping (437). */
    private static final Set<Integer> TIME_GONE = Set.of(433, 436, 437);

    private final Settings settings;
    private final YclientsDirectory directory;
    private final ServiceButtons buttons;
    private final Clock clock;
    private final CallerScope callers;
    /** The branch this view books; 0: the bot's first branch ({@link Settings#companyId()}). */
    private final long branch;

    public BookingService(Settings settings, YclientsDirectory directory, ServiceButtons buttons, Clock clock,
                          CallerScope callers) {
        this(settings, directory, buttons, clock, callers, 0);
    }

    private BookingService(Settings settings, YclientsDirectory directory, ServiceButtons buttons, Clock clock,
                           CallerScope callers, long branch) {
        this.settings = settings;
        this.directory = directory;
        this.buttons = buttons;
        this.clock = clock;
        this.callers = callers;
        this.branch = branch;
    }

    /**
     * The same calls for one branch of a chain: its buttons, specialists, free times, time zone and bookings.
     * {@code companyId} 0, or the first branch's own id on a bot of one company, is this view itself.
     */
    public BookingService forBranch(long companyId) {
        if (companyId == branch || companyId == 0) {
            return companyId == branch ? this : new BookingService(settings, directory.forBranch(0), buttons.forCompany(0),
                    clock, callers, 0);
        }
        return new BookingService(settings, directory.forBranch(companyId), buttons.forCompany(companyId), clock,
                callers, companyId);
    }

    /** The branch of the service button {@code mappingId}, among the branches served; empty when it is gone. */
    public OptionalLong branchOfButton(long mappingId) {
        return buttons.companyOf(mappingId);
    }

    /** The directory calling for the customer being served (background work outside an update). */
    private YclientsDirectory yclients() {
        return directory.forCaller(callers.current(Caller.BACKGROUND));
    }

    /**
     * About how long a YCLIENTS call of {@code userId}'s would wait for its share of the rate limit right now; empty
     * when it would not get one within its wait at all (it is refused at once, and the customer told to press again).
     */
    public Optional<Duration> budgetWait(long userId) {
        long nanos = directory.client().budget().estimateNanos(Caller.customer(userId));
        return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /** {@code booking.mode}: chat, form or both (default; anything unreadable counts as both). */
    public Mode mode() {
        Settings.Value v = settings.get(SettingKey.BOOKING_MODE);
        if (!v.isSet()) {
            return Mode.BOTH;
        }
        return switch (v.value().strip().toLowerCase(Locale.ROOT)) {
            case "chat" -> Mode.CHAT;
            case "form" -> Mode.FORM;
            default -> Mode.BOTH;
        };
    }

    /** The customer buttons (services, possibly with one specialist each). */
    public List<ServiceButton> services() {
        return buttons.all();
    }

    public Optional<ServiceButton> service(long mappingId) {
        return buttons.find(mappingId);
    }

    /** The company's zone name (e.g. Europe/Moscow), or null when YCLIENTS does not say. */
    public String timezone() throws YclientsException, NotReadyException {
        Company c = yclients().company();
        return c.timezoneName();
    }

    /** Today in {@code zone} (the company's), or in UTC+3 (Moscow) when unknown. */
    public LocalDate today(String zone) {
        ZoneId id;
        try {
            id = zone == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            id = ZoneId.of("Europe/Moscow");
        }
        return LocalDate.now(clock.withZone(id));
    }

    /** Specialists who take online bookings for the service. */
    public List<BookStaff> staff(long serviceId) throws YclientsException, NotReadyException {
        return yclients().bookableStaff(serviceId).stream().filter(BookStaff::bookable).toList();
    }

    public List<LocalDate> days(long serviceId, long staffId, String zone) throws YclientsException, NotReadyException {
        LocalDate today = today(zone);
        return yclients().bookableDays(serviceId, staffId, today, today.plusDays(DAYS_AHEAD))
                .stream().filter(d -> !d.isBefore(today)).toList();
    }

    public List<BookTime> times(long serviceId, long staffId, LocalDate day) throws YclientsException, NotReadyException {
        return yclients().freeTimes(serviceId, staffId, day);
    }

    /** {@code book_check} then {@code book_record}; any refusal (433…) is thrown as it came. */
    public List<BookedRecord> book(BookingDraft d) throws YclientsException, NotReadyException, BookingOutcomeUnknown {
        return book(d, null);
    }

    /**
     * {@code book_check} then {@code book_record} with the SMS code the customer typed ({@code null}: none);
     * any refusal (432 wrong code, 433…) is thrown as it came.
     */
    public List<BookedRecord> book(BookingDraft d, String smsCode)
            throws YclientsException, NotReadyException, BookingOutcomeUnknown {
        List<Appointment> appointments = appointments(d);
        YclientsCredentials creds = credentials();
        long company = companyId();
        check(d);
        try {
            List<BookedRecord> records = yclients().client().booking().bookRecord(creds, company,
                    new BookingRequest(d.phone(), d.name(), smsCode, null, appointments));
            availabilityChanged(d);
            return records;
        } catch (YclientsException e) {
            if (e.outcomeUnknown()) {
                // it may well be booked
                availabilityChanged(d);
                throw new BookingOutcomeUnknown(e);
            }
            timeGone(d, e);
            throw e;
        }
    }

    /** {@code book_check} alone: the slot can still be booked (before an SMS code is sent for it). */
    public void check(BookingDraft d) throws YclientsException, NotReadyException {
        try {
            yclients().client().booking().bookCheck(credentials(), companyId(), appointments(d));
        } catch (YclientsException e) {
            timeGone(d, e);
            throw e;
        }
    }

    /** {@code book_code}: YCLIENTS texts the customer's phone a code to confirm the booking with. */
    public void sendCode(BookingDraft d) throws YclientsException, NotReadyException {
        yclients().client().booking().bookCode(credentials(), companyId(), d.phone(), d.name());
    }

    /** The company wants bookings confirmed by an SMS code ({@code phone_confirmation}, true/1/"1"). */
    public boolean phoneConfirmation() throws YclientsException, NotReadyException {
        return yclients().company().phoneConfirmation();
    }

    /** YCLIENTS said the draft's time went (433/436/437): what the cache holds of that specialist and day is old. */
    private void timeGone(BookingDraft d, YclientsException e) {
        if (e.apiCode() != null && TIME_GONE.contains(e.apiCode())) {
            availabilityChanged(d);
        }
    }

    /** The free times and bookable days of the draft's specialist and day are dropped from the cache. */
    private void availabilityChanged(BookingDraft d) {
        dayOf(d).ifPresent(day -> directory.availabilityChanged(d.staffId(), day));
    }

    private static Optional<LocalDate> dayOf(BookingDraft d) {
        String day = d.date() != null ? d.date() : d.datetime() != null && d.datetime().length() >= 10
                ? d.datetime().substring(0, 10) : null;
        try {
            return day == null ? Optional.empty() : Optional.of(LocalDate.parse(day));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<Appointment> appointments(BookingDraft d) {
        return List.of(new Appointment(d.serviceId(), d.staffId(), d.datetime()));
    }

    /** The branches the bot serves (the one company of a single-company bot; empty before one is set). */
    public List<Long> branches() {
        return settings.branchIds();
    }

    /** The configured company id (where the bookings go). */
    public long company() throws NotReadyException {
        return companyId();
    }

    /** The company as YCLIENTS describes it (address, phone, time zone); cached by the directory. */
    public Company companyInfo() throws YclientsException, NotReadyException {
        return yclients().company();
    }

    /** The booking form's address, when one is configured or known. */
    public Optional<String> formUrl() {
        return settings.bookingForm().map(Settings.BookingForm::url);
    }

    /** Now, by the bot's clock. */
    public java.time.Instant now() {
        return clock.instant();
    }

    /** A booking read back from YCLIENTS by its id and hash. */
    public RecordInfo record(long companyId, long recordId, String recordHash) throws YclientsException, NotReadyException {
        return yclients().client().booking().readRecord(credentials(), companyId, recordId, recordHash);
    }

    /** Online booking is switched on ({@code /enable}, {@code /disable}). */
    public boolean bookingEnabled() {
        return settings.enabled();
    }

    /** A user token is set: the records of visits booked elsewhere can be read and changed. */
    public boolean hasUserToken() {
        return settings.credentials().map(YclientsCredentials::hasUserToken).orElse(false)
                && !settings.get(SettingKey.YCLIENTS_USER_TOKEN).undecryptable();
    }

    /** A record as the staff side reads it ({@code GET /record}, with the user token). */
    public RecordDetails recordDetails(long companyId, long recordId) throws YclientsException, NotReadyException {
        return yclients().client().records().record(userCredentials(), companyId, recordId);
    }

    /** An online booking moved to {@code datetime} ({@code PUT /book_record}); its datetime as YCLIENTS has it now. */
    public String move(long companyId, long recordId, String datetime) throws YclientsException, NotReadyException {
        YclientsCredentials creds = hasUserToken() ? userCredentials() : credentials();
        return yclients().client().booking().moveRecord(creds, companyId, recordId, datetime);
    }

    /** A record moved to {@code datetime} with the user token ({@code PUT /record}, read right before). */
    public RecordDetails moveRecord(RecordDetails current, String datetime) throws YclientsException, NotReadyException {
        return yclients().client().records().update(userCredentials(), current.companyId(),
                RecordsApi.Update.move(current, datetime));
    }

    /** A record deleted with the user token ({@code DELETE /record}); returns only when YCLIENTS accepted. */
    public void deleteRecord(long companyId, long recordId) throws YclientsException, NotReadyException {
        yclients().client().records().delete(userCredentials(), companyId, recordId);
    }

    /** What customers can book of {@code staffId} on {@code day} changed (a visit moved there or away). */
    public void availabilityChanged(long staffId, LocalDate day) {
        directory.availabilityChanged(staffId, day);
    }

    /**
     * A visit read back with the user token ({@code GET /record}), for a visit kept without a hash; empty when no user
     * token is set (the visit cannot be read then).
     */
    public Optional<RecordInfo> staffRecord(long companyId, long recordId) throws YclientsException, NotReadyException {
        credentials();
        Optional<YclientsCredentials> full = settings.credentials().filter(YclientsCredentials::hasUserToken);
        if (full.isEmpty()) {
            return Optional.empty();
        }
        RecordDetails r = yclients().client().records().record(full.get(), companyId, recordId);
        return Optional.of(new RecordInfo(r.id(), r.datetime(), r.lengthSeconds(),
                r.services().stream().map(RecordDetails.Service::title).filter(java.util.Objects::nonNull).toList(),
                r.staffName(), r.deleted(), r.services().stream().map(RecordDetails.Service::id).toList(), r.staffId(),
                r.attendance()));
    }

    /** Cancels a booking in YCLIENTS; returns only when YCLIENTS accepted, else throws (4xx: refused). */
    public void cancel(long recordId, String recordHash) throws YclientsException, NotReadyException {
        yclients().client().booking().cancelRecord(credentials(), recordId, recordHash);
    }

    private YclientsCredentials credentials() throws NotReadyException {
        if (!directory.readiness().ready()) {
            throw new NotReadyException(directory.readiness());
        }
        return settings.credentials().orElseThrow(() -> new NotReadyException(directory.readiness())).withoutUserToken();
    }

    /** Partner and user token; {@link NotReadyException} when no usable user token is set. */
    private YclientsCredentials userCredentials() throws NotReadyException {
        YclientsCredentials creds = settings.credentials().filter(c -> hasUserToken())
                .orElseThrow(() -> new NotReadyException(directory.readiness()));
        if (!directory.readiness().ready()) {
            throw new NotReadyException(directory.readiness());
        }
        return creds;
    }

    private long companyId() throws NotReadyException {
        if (branch != 0) {
            return branch;
        }
        return settings.companyId().orElseThrow(() -> new NotReadyException(directory.readiness()));
    }
}
