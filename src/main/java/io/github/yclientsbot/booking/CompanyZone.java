package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.yclients.YclientsException;

import java.time.ZoneId;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The company's time zone (its {@code timezone_name}, from the cached company) — as the booking shows times, and for
 * a date-time YCLIENTS writes without an offset; Moscow time when the company cannot be read or names no zone we know.
 * {@link #get} is the first branch's, {@link #of} a branch's own.
 */
public final class CompanyZone implements Supplier<ZoneId> {
    static final ZoneId FALLBACK = ZoneId.of("Europe/Moscow");

    /** Where the zone's name comes from. */
    private interface ZoneName {
        String get() throws YclientsException, NotReadyException;
    }

    private final ZoneName first;
    private final LongFunction<ZoneName> branch;

    /** Read on {@code directory}'s share of the YCLIENTS budget (the record poll: the background's). */
    public CompanyZone(YclientsDirectory directory) {
        this.first = () -> directory.company().timezoneName();
        this.branch = id -> () -> directory.forBranch(id).company().timezoneName();
    }

    /** Read as the booking reads the company (the reminders: on the share of whom they are for). */
    public CompanyZone(BookingService booking) {
        this.first = booking::timezone;
        this.branch = id -> booking.forBranch(id)::timezone;
    }

    @Override
    public ZoneId get() {
        return zone(first);
    }

    /** The zone of branch {@code companyId} of a chain (its own company's {@code timezone_name}). */
    public ZoneId of(long companyId) {
        return zone(branch.apply(companyId));
    }

    private static ZoneId zone(ZoneName name) {
        try {
            String n = name.get();
            return n == null || n.isBlank() ? FALLBACK : ZoneId.of(n.strip());
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return FALLBACK;
        }
    }
}
