package io.github.yclientsbot.booking;

import java.util.Optional;

/**
 * The follow-up of one visit: the message after it. It runs on the reminders' durable schedule, same task
 * ({@link ReminderSchedule#TASK}), its instance id {@code <company>-<record>-followup} — so "if not exists" plans it
 * once, a visit's instance-id prefix finds it with its reminders, and {@link ReminderId#parse} never mistakes it for a
 * reminder. Its note in {@code reminder_log} has offset {@link #NOTE_OFFSET}.
 */
public record FollowupId(long companyId, long recordId) {
    /** The {@code offset_minutes} of a follow-up's note (a reminder's is at least 1). */
    public static final int NOTE_OFFSET = 0;
    private static final String SUFFIX = "followup";

    /** {@code 502817-784512093-followup}. */
    public String instance() {
        return ReminderId.visitPrefix(companyId, recordId) + SUFFIX;
    }

    /** The id an instance names; empty for anything else (a reminder's instance included). */
    public static Optional<FollowupId> parse(String instance) {
        if (instance == null) {
            return Optional.empty();
        }
        String[] parts = instance.split("-");
        if (parts.length != 3 || !SUFFIX.equals(parts[2])) {
            return Optional.empty();
        }
        try {
            long company = Long.parseLong(parts[0]);
            long record = Long.parseLong(parts[1]);
            return company > 0 && record > 0 ? Optional.of(new FollowupId(company, record)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "follow-up " + instance();
    }
}
