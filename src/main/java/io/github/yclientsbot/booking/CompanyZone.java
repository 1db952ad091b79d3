package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.yclients.YclientsException;

import java.time.ZoneId;
import java.util.function.Supplier;

/** The company's time zone as YCLIENTS names it (cached with the company), Moscow when unknown — as the booking shows it. */
public final class CompanyZone implements Supplier<ZoneId> {
    static final ZoneId FALLBACK = ZoneId.of("Europe/Moscow");

    private final BookingService booking;

    public CompanyZone(BookingService booking) {
        this.booking = booking;
    }

    @Override
    public ZoneId get() {
        try {
            String name = booking.timezone();
            return name == null ? FALLBACK : ZoneId.of(name);
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return FALLBACK;
        }
    }
}
