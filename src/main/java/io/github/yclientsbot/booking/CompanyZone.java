package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.yclients.YclientsException;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The company's time zone (its {@code timezone_name}, from the cached company), for a date-time YCLIENTS writes
 * without an offset; Moscow time when the company cannot be read or names no zone we know. {@link #of} gives a
 * branch's own.
 */
public final class CompanyZone implements Supplier<ZoneId> {
    static final ZoneId FALLBACK = ZoneId.of("Europe/Moscow");

    private final YclientsDirectory directory;

    public CompanyZone(YclientsDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ZoneId get() {
        return zoneOf(directory);
    }

    /** The zone of branch {@code companyId} of a chain (its own company's {@code timezone_name}). */
    public ZoneId of(long companyId) {
        return zoneOf(directory.forBranch(companyId));
    }

    private static ZoneId zoneOf(YclientsDirectory directory) {
        try {
            String name = directory.company().timezoneName();
            return name == null || name.isBlank() ? FALLBACK : ZoneId.of(name.strip());
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return FALLBACK;
        }
    }
}
