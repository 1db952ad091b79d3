package io.github.yclientsbot.booking;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where one customer is in the in-chat booking and what they chose so far. Stored as JSON
 * ({@link BookingDrafts}); every field but {@code step} may be unset (0 / null) until its step is done.
 *
 * @param staffFixed the service button names its specialist, so the specialist step is skipped
 * @param zone       the company's time zone ({@code timezone_name}), null when unknown
 * @param times      the free times last shown for {@code date}: {@code [label, datetime]} pairs
 * @param moving     not a new booking but another time for a visit the bot knows of (null for a booking)
 * @param company    the branch (YCLIENTS company) being booked; 0: the bot's first branch (a draft stored before
 *                   branches, or a bot of one company)
 */
public record BookingDraft(
        Step step,
        long serviceId,
        String serviceTitle,
        BigDecimal priceMin,
        BigDecimal priceMax,
        long staffId,
        String staffName,
        boolean staffFixed,
        String zone,
        String month,
        String date,
        List<List<String>> times,
        String time,
        String datetime,
        String phone,
        String name,
        Moving moving,
        long company) {

    /**
     * {@code CODE}: an SMS code was sent ({@code book_code}) and the customer is to type it. NAME: the customer
     * types the name from the summary; REMEMBER: booked, "remember my number?" not answered yet.
     */
    public enum Step { SERVICE, STAFF, DAY, TIME, CONSENT, CONTACT, SUMMARY, BOOKING, CODE, NAME, REMEMBER }

    /**
     * Another time for a visit: {@code referenceId} is the booking reference (ours), {@code from} the visit's
     * datetime as YCLIENTS had it when the move began.
     */
    public record Moving(long referenceId, String from) {}

    public BookingDraft {
        times = times == null ? List.of() : List.copyOf(times);
    }

    public static BookingDraft start() {
        return new BookingDraft(Step.SERVICE, 0, null, null, null, 0, null, false, null, null, null, List.of(), null, null,
                null, null, null, 0);
    }

    public BookingDraft step(Step next) {
        return new BookingDraft(next, serviceId, serviceTitle, priceMin, priceMax, staffId, staffName, staffFixed, zone,
                month, date, times, time, datetime, phone, name, moving, company);
    }

    public BookingDraft service(long id, String title, BigDecimal min, BigDecimal max, long staff, boolean fixed, String tz) {
        return new BookingDraft(step, id, title, min, max, staff, null, fixed, tz, null, null, List.of(), null, null,
                phone, name, moving, company);
    }

    public BookingDraft staff(long id, String staffNameOrNull) {
        return new BookingDraft(step, serviceId, serviceTitle, priceMin, priceMax, id, staffNameOrNull, staffFixed, zone,
                null, null, List.of(), null, null, phone, name, moving, company);
    }

    public BookingDraft month(String yearMonth) {
        return new BookingDraft(step, serviceId, serviceTitle, priceMin, priceMax, staffId, staffName, staffFixed, zone,
                yearMonth, date, times, time, datetime, phone, name, moving, company);
    }

    public BookingDraft day(String day, List<List<String>> freeTimes) {
        return new BookingDraft(step, serviceId, serviceTitle, priceMin, priceMax, staffId, staffName, staffFixed, zone,
                month, day, freeTimes, null, null, phone, name, moving, company);
    }

    public BookingDraft time(String label, String at) {
        return new BookingDraft(step, serviceId, serviceTitle, priceMin, priceMax, staffId, staffName, staffFixed, zone,
                month, date, times, label, at, phone, name, moving, company);
    }

    public BookingDraft contact(String phoneDigits, String fullName) {
        return new BookingDraft(step, serviceId, serviceTitle, priceMin, priceMax, staffId, staffName, staffFixed, zone,
                month, date, times, time, datetime, phoneDigits, fullName, moving, company);
    }

    /** This draft moving visit {@code m} instead of booking a new one. */
    public BookingDraft moving(Moving m) {
        return new BookingDraft(step, serviceId, serviceTitle, priceMin, priceMax, staffId, staffName, staffFixed, zone,
                month, date, times, time, datetime, phone, name, m, company);
    }

    /** This draft booking branch {@code companyId} (0: the bot's first branch). */
    public BookingDraft branch(long companyId) {
        return new BookingDraft(step, serviceId, serviceTitle, priceMin, priceMax, staffId, staffName, staffFixed, zone,
                month, date, times, time, datetime, phone, name, moving, companyId);
    }

    /** Never prints the phone or the name. */
    @Override
    public String toString() {
        return "BookingDraft[" + step + ", service=" + serviceId + ", staff=" + staffId + ", date=" + date + "]";
    }
}
