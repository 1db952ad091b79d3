package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.yclients.YclientsException;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The company's time zone (its {@code timezone_name}, from the cached company), for a date-time YCLIENTS writes
 * without an offset; Moscow time when the company cannot be read or names no zone we know.
 */
public final class CompanyZone implements Supplier<ZoneId> {
    static final ZoneId FALLBACK = ZoneId.of("Europe/Moscow");

    private final YclientsDirectory directory;

    public CompanyZone(YclientsDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ZoneId get() {
        try {
            String name = directory.company().timezoneName();
            return name == null || name.isBlank() ? FALLBACK : ZoneId.of(name.strip());
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return FALLBACK;
        }
    }
}
