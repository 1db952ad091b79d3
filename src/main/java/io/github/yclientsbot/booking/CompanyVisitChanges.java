package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * {@link VisitChanges} from the company object YCLIENTS sends ({@link Company.Changes}: {@code allow_change_record},
 * {@code allow_delete_record} and their delay steps), read through the directory's cache like the rest of the
 * company. A change is allowed while the visit is further ahead than the company's delay step ("until 3 hours
 * before"); never once the visit has begun. {@code /disable} takes away moving (there is nothing to book with) but
 * keeps cancelling, and so does a visit at another company than the configured one (its free times are not offered). When the company cannot be read (YCLIENTS down) the bot does not guess a refusal: both stay
 * offered and YCLIENTS itself decides when pressed, as before the rules were read.
 */
public final class CompanyVisitChanges implements VisitChanges {
    private static final Logger log = LoggerFactory.getLogger(CompanyVisitChanges.class);

    private final BookingService booking;

    public CompanyVisitChanges(BookingService booking) {
        this.booking = booking;
    }

    @Override
    public boolean canMove(long companyId, Instant visitStart) {
        if (!booking.bookingEnabled() || !configured(companyId)) {
            // the free times offered are the configured company's: a visit at another branch is moved there
            return false;
        }
        Company.Changes rules = rules(companyId);
        return rules.moveAllowed() && ahead(visitStart, rules.moveUntilBefore());
    }

    private boolean configured(long companyId) {
        try {
            return booking.company() == companyId;
        } catch (NotReadyException e) {
            return false;
        }
    }

    @Override
    public boolean canCancel(long companyId, Instant visitStart) {
        Company.Changes rules = rules(companyId);
        return rules.cancelAllowed() && ahead(visitStart, rules.cancelUntilBefore());
    }

    /** The visit starts later than {@code until} from now (a visit already begun: never). */
    private boolean ahead(Instant visitStart, Duration until) {
        Instant now = booking.now();
        return visitStart != null && visitStart.isAfter(now) && !now.plus(until).isAfter(visitStart);
    }

    private Company.Changes rules(long companyId) {
        try {
            Company company = booking.companyInfo();
            return company.id() == companyId ? company.changes() : Company.Changes.UNSTATED;
        } catch (YclientsException | NotReadyException e) {
            log.debug("The company's rules for changes unknown ({}); YCLIENTS decides when pressed", e.getMessage());
            return Company.Changes.UNSTATED;
        }
    }
}
