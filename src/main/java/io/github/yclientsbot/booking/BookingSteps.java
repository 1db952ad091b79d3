package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.yclients.BookStaff;
import io.github.yclientsbot.yclients.BookTime;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The screens of the booking's steps as outcomes, with what they need read: the specialists, bookable days and
 * free times from YCLIENTS, the summary's stamp and its remembered-contact hint. A failed YCLIENTS read becomes the
 * outcome to show instead ({@link Unavailable}).
 */
public final class BookingSteps {
    private static final Logger log = LoggerFactory.getLogger(BookingSteps.class);

    private final BookingService booking;
    private final RememberedContacts remembered;
    private final RefusalPolicy policy;

    public BookingSteps(BookingService booking, RememberedContacts remembered, RefusalPolicy policy) {
        this.booking = booking;
        this.remembered = remembered;
        this.policy = policy;
    }

    /** A YCLIENTS read of a step failed; {@link #outcome()} is what to show instead of the step. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient BookingOutcome outcome;

        Unavailable(BookingOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }

        BookingOutcome outcome() {
            return outcome;
        }
    }

    /** The service buttons of branch {@code company} (0: the first branch). */
    BookingOutcome.ServiceList services(long company, int page) {
        return new BookingOutcome.ServiceList(booking(company).services(), page);
    }

    /** The calls of the draft's branch. */
    private BookingService booking(BookingDraft d) {
        return booking(d.company());
    }

    /** The calls of branch {@code company}; 0 (one company, or the first branch): the service as it is. */
    BookingService booking(long company) {
        return company == 0 ? booking : booking.forBranch(company);
    }

    BookingOutcome.SpecialistList specialists(long userId, BookingDraft d, int page) throws Unavailable {
        List<BookStaff> all = call(userId, d, () -> booking(d).staff(d.serviceId()));
        return new BookingOutcome.SpecialistList(d, all.stream()
                .map(s -> new BookingOutcome.Specialist(s.id(), s.name(), s.specialization())).toList(), page);
    }

    BookingOutcome.Calendar calendar(long userId, BookingDraft d) throws Unavailable {
        return new BookingOutcome.Calendar(d, call(userId, d, () -> booking(d).days(d.serviceId(), d.staffId(), d.zone())));
    }

    /** The free times of {@code day} as a draft keeps them: label, datetime, length in seconds. */
    List<List<String>> freeTimes(long userId, BookingDraft d, LocalDate day) throws Unavailable {
        return pairs(call(userId, d, () -> booking(d).times(d.serviceId(), d.staffId(), day)));
    }

    /**
     * The slot of {@code d} went: the draft moved to the nearest free times — that day's others, else the first
     * next bookable day's — at the time step; its times are empty when there are none.
     */
    BookingDraft nearest(long userId, BookingDraft d) throws Unavailable {
        return nearest(userId, d, datetime -> false);
    }

    /** {@link #nearest(long, BookingDraft)}, leaving out the times {@code skip} says (a moved visit's own). */
    BookingDraft nearest(long userId, BookingDraft d, Predicate<String> skip) throws Unavailable {
        LocalDate day = LocalDate.parse(d.date());
        List<BookTime> free = call(userId, d, () -> booking(d).times(d.serviceId(), d.staffId(), day)).stream()
                .filter(t -> !t.datetime().equals(d.datetime()) && !skip.test(t.datetime())).toList();
        LocalDate shown = day;
        if (free.isEmpty()) {
            for (LocalDate next : call(userId, d, () -> booking(d).days(d.serviceId(), d.staffId(), d.zone()))) {
                if (next.isAfter(day)) {
                    List<BookTime> t = call(userId, d, () -> booking(d).times(d.serviceId(), d.staffId(), next)).stream()
                            .filter(x -> !skip.test(x.datetime())).toList();
                    if (!t.isEmpty()) {
                        free = t;
                        shown = next;
                        break;
                    }
                }
            }
        }
        return d.day(shown.toString(), pairs(free)).step(BookingDraft.Step.TIME);
    }

    /** The name of a specialist of the service, null when YCLIENTS does not list them as bookable. */
    String staffName(long userId, long company, long serviceId, long staffId) throws Unavailable {
        // a failure here shows no form link: the draft is not made yet
        return call(userId, BookingDraft.start().branch(company), () -> booking(company).staff(serviceId)).stream().filter(s -> s.id() == staffId)
                .map(BookStaff::name).findFirst().orElse(null);
    }

    /**
     * The time zone of branch {@code company} (0: the first branch), null when unknown (YCLIENTS down or not set up:
     * the booking goes on without).
     */
    String zone(long userId, long company) {
        try {
            return booking(company).timezone();
        } catch (YclientsException | NotReadyException e) {
            log.debug("No company time zone for the booking of user {}: {}", userId, e.getMessage());
            return null;
        }
    }

    BookingOutcome.Summary summary(long userId, BookingDraft d) {
        boolean fromMemory = d.phone() != null
                && remembered.forNextBooking(userId).map(c -> c.phone().equals(d.phone())).orElse(false);
        return new BookingOutcome.Summary(d, stamp(d), fromMemory);
    }

    /**
     * A stamp of what a summary shows (service, specialist, time, phone, name), carried by its Confirm, so a summary
     * left on screen after the customer changed something cannot book what it does not show.
     */
    static String stamp(BookingDraft d) {
        String shown = d.serviceId() + "|" + d.staffId() + "|" + d.datetime() + "|" + d.phone() + "|" + d.name();
        return Integer.toHexString(shown.hashCode());
    }

    private interface Call<T> {
        T get() throws YclientsException, NotReadyException;
    }

    /** A YCLIENTS read of a step; a failure becomes the outcome to show (with the form of {@code d} as a way out). */
    private <T> T call(long userId, BookingDraft d, Call<T> call) throws Unavailable {
        try {
            return call.get();
        } catch (NotReadyException e) {
            throw new Unavailable(new BookingOutcome.StepNotReady(d));
        } catch (YclientsException e) {
            log.info("Booking step for user {} failed: {}", userId, e.getMessage());
            throw new Unavailable(new BookingOutcome.StepFailed(d, policy.ofLookup(e)));
        }
    }

    private static List<List<String>> pairs(List<BookTime> times) {
        return times.stream().map(t -> List.of(t.time(), t.datetime(), String.valueOf(t.seanceLength()))).toList();
    }
}
