package io.github.yclientsbot.booking;

import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.company.ServiceButton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 📅 Book again under a visit's follow-up: a new booking of the same service with the same specialist, started at the
 * nearest free times — the booking's own draft with service and specialist chosen, at the time step of the first
 * bookable day with free times (Back leads to the calendar), or at the calendar when none of the first few days has
 * any. From there the booking goes on as any other (phone, summary, confirm). A service no customer button offers any
 * more, or one YCLIENTS no longer offers with that specialist, starts at the service list instead; a specialist who
 * no longer takes the service, under an "any specialist" button, at the specialist list.
 */
public final class BookAgain {
    private static final Logger log = LoggerFactory.getLogger(BookAgain.class);
    /** At most this many bookable days are read for free times before the calendar is shown instead. */
    static final int DAYS_TRIED = 3;

    /** What 📅 Book again led to; {@code same}: the visit's service (false: the service list instead). */
    public record Started(BookingOutcome outcome, boolean same) {}

    private final BookingService booking;
    private final BookingDrafts drafts;
    private final BookingSteps steps;

    public BookAgain(BookingService booking, BookingDrafts drafts, BookingSteps steps) {
        this.booking = booking;
        this.drafts = drafts;
        this.steps = steps;
    }

    /** Of the bot's first branch (a one-company bot). */
    public Started start(long userId, long serviceId, long staffId) {
        return start(userId, serviceId, staffId, 0);
    }

    /** @param company the visit's branch (0: the bot's first) */
    public Started start(long userId, long serviceId, long staffId, long company) {
        if (booking.mode() == BookingService.Mode.FORM) {
            return new Started(new BookingOutcome.ServiceGone(), false);
        }
        BookingService branch = company == 0 ? booking : booking.forBranch(company);
        Optional<ServiceButton> button = branch.services().stream().filter(b -> b.serviceId() == serviceId)
                .filter(b -> !b.hasStaff() || b.staffId() == staffId)
                .min(Comparator.comparing(b -> b.staffId() == staffId ? 0 : 1));
        try {
            if (button.isEmpty()) {
                return serviceList(userId, serviceId, company);
            }
            ServiceButton s = button.get();
            String name = staffId > 0 ? steps.staffName(userId, company, serviceId, staffId) : null;
            BookingDraft d = BookingDraft.start().branch(company).service(s.serviceId(), s.title(), s.priceMin(),
                    s.priceMax(), s.staffId(), s.hasStaff(), steps.zone(userId, company));
            if (name == null) {
                if (s.hasStaff()) {
                    return serviceList(userId, serviceId, company); // YCLIENTS no longer offers it with that specialist
                }
                d = d.step(Step.STAFF);
                BookingOutcome specialists = steps.specialists(userId, d, 0);
                drafts.start(userId, d);
                return new Started(specialists, true);
            }
            d = d.staff(staffId, name).step(Step.DAY);
            return new Started(nearest(userId, d), true);
        } catch (BookingSteps.Unavailable failed) {
            return new Started(failed.outcome(), true);
        }
    }

    /** The first bookable day's free times (of the first {@link #DAYS_TRIED} days), else the calendar. */
    private BookingOutcome nearest(long userId, BookingDraft d) throws BookingSteps.Unavailable {
        BookingOutcome.Calendar calendar = steps.calendar(userId, d);
        List<LocalDate> days = calendar.days();
        for (LocalDate day : days.subList(0, Math.min(DAYS_TRIED, days.size()))) {
            List<List<String>> times = steps.freeTimes(userId, d, day);
            if (!times.isEmpty()) {
                BookingDraft next = d.day(day.toString(), times).step(Step.TIME);
                drafts.start(userId, next);
                return new BookingOutcome.TimeList(next, 0);
            }
        }
        drafts.start(userId, d);
        return calendar;
    }

    private Started serviceList(long userId, long serviceId, long company) {
        log.info("Book again for user {}: service {} is not bookable here any more; the service list instead", userId,
                serviceId);
        BookingService branch = company == 0 ? booking : booking.forBranch(company);
        if (branch.services().isEmpty()) {
            return new Started(new BookingOutcome.NoBooking(ServiceMenu.Unavailable.NO_SERVICES), false);
        }
        drafts.start(userId, BookingDraft.start().branch(company));
        return new Started(steps.services(company, 0), false);
    }
}
