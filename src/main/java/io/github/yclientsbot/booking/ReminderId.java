package io.github.yclientsbot.booking;

import java.util.Optional;

/**
 * One reminder of one visit: the YCLIENTS record and how many minutes before its start. Its text form
 * {@code <company>-<record>-<minutes>} is the durable schedule's task instance id, so the visit and the offset are
 * in the schedule itself and a reminder is scheduled once ("if not exists").
 */
public record ReminderId(long companyId, long recordId, int offsetMinutes) {

    /** {@code 502817-784512093-120}. */
    public String instance() {
        return companyId + "-" + recordId + "-" + offsetMinutes;
    }

    /** The prefix every reminder of that visit's instance ids starts with. */
    static String visitPrefix(long companyId, long recordId) {
        return companyId + "-" + recordId + "-";
    }

    /** The id an instance names; empty for anything else. */
    public static Optional<ReminderId> parse(String instance) {
        if (instance == null) {
            return Optional.empty();
        }
        String[] parts = instance.split("-");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long company = Long.parseLong(parts[0]);
            long record = Long.parseLong(parts[1]);
            int minutes = Integer.parseInt(parts[2]);
            return company > 0 && record > 0 && minutes > 0
                    ? Optional.of(new ReminderId(company, record, minutes)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "reminder " + instance();
    }
}
