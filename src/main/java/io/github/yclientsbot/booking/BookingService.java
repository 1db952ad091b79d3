package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.company.ServiceButtons;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.yclients.Appointment;
import io.github.yclientsbot.yclients.BookStaff;
import io.github.yclientsbot.yclients.BookTime;
import io.github.yclientsbot.yclients.BookedRecord;
import io.github.yclientsbot.yclients.BookingRequest;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The YCLIENTS online-booking calls of the in-chat booking, with the configured company and partner token:
 * bookable specialists, days and times, then {@code book_check} right before {@code book_record}.
 */
public final class BookingService {
    /** How far ahead bookable days are offered. */
    public static final int DAYS_AHEAD = 92;

    public enum Mode { CHAT, FORM, BOTH }

    private final Settings settings;
    private final YclientsDirectory directory;
    private final ServiceButtons buttons;
    private final Clock clock;

    public BookingService(Settings settings, YclientsDirectory directory, ServiceButtons buttons, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.buttons = buttons;
        this.clock = clock;
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
        Company c = directory.company();
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
        return directory.bookableStaff(serviceId).stream().filter(BookStaff::bookable).toList();
    }

    public List<LocalDate> days(long serviceId, long staffId, String zone) throws YclientsException, NotReadyException {
        LocalDate today = today(zone);
        return directory.client().booking().bookDates(credentials(), companyId(), serviceId, staffId, today, today.plusDays(DAYS_AHEAD))
                .stream().filter(d -> !d.isBefore(today)).toList();
    }

    public List<BookTime> times(long serviceId, long staffId, LocalDate day) throws YclientsException, NotReadyException {
        return directory.client().booking().bookTimes(credentials(), companyId(), staffId, day, serviceId);
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
        directory.client().booking().bookCheck(creds, company, appointments);
        try {
            return directory.client().booking().bookRecord(creds, company, new BookingRequest(d.phone(), d.name(), smsCode, null, appointments));
        } catch (YclientsException e) {
            if (e.outcomeUnknown()) {
                throw new BookingOutcomeUnknown(e);
            }
            throw e;
        }
    }

    /** {@code book_check} alone: the slot can still be booked (before an SMS code is sent for it). */
    public void check(BookingDraft d) throws YclientsException, NotReadyException {
        directory.client().booking().bookCheck(credentials(), companyId(), appointments(d));
    }

    /** {@code book_code}: YCLIENTS texts the customer's phone a code to confirm the booking with. */
    public void sendCode(BookingDraft d) throws YclientsException, NotReadyException {
        directory.client().booking().bookCode(credentials(), companyId(), d.phone(), d.name());
    }

    /** The company wants bookings confirmed by an SMS code ({@code phone_confirmation}, true/1/"1"). */
    public boolean phoneConfirmation() throws YclientsException, NotReadyException {
        return directory.company().phoneConfirmation();
    }

    private static List<Appointment> appointments(BookingDraft d) {
        return List.of(new Appointment(d.serviceId(), d.staffId(), d.datetime()));
    }

    /** The configured company id (where the bookings go). */
    public long company() throws NotReadyException {
        return companyId();
    }

    /** The company as YCLIENTS describes it (address, phone, time zone); cached by the directory. */
    public Company companyInfo() throws YclientsException, NotReadyException {
        return directory.company();
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
        return directory.client().booking().readRecord(credentials(), companyId, recordId, recordHash);
    }

    /** Cancels a booking in YCLIENTS; returns only when YCLIENTS accepted, else throws (4xx: refused). */
    public void cancel(long recordId, String recordHash) throws YclientsException, NotReadyException {
        directory.client().booking().cancelRecord(credentials(), recordId, recordHash);
    }

    private YclientsCredentials credentials() throws NotReadyException {
        if (!directory.readiness().ready()) {
            throw new NotReadyException(directory.readiness());
        }
        return settings.credentials().orElseThrow(() -> new NotReadyException(directory.readiness())).withoutUserToken();
    }

    private long companyId() throws NotReadyException {
        return settings.companyId().orElseThrow(() -> new NotReadyException(directory.readiness()));
    }
}
