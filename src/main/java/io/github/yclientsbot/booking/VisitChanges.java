package io.github.yclientsbot.booking;

import java.time.Instant;

/**
 * Which changes a customer may still make to a visit at this distance from it: the company's own settings
 * ({@code allow_change_record} / {@code allow_delete_record} and their delay steps on the company object) and, for a
 * move, whether booking is enabled at all ({@code /disable} hides "Another time" but keeps cancelling). Reminders and
 * /mybookings offer 🔁 Another time and ❌ Cancel only where this says yes.
 */
public interface VisitChanges {

    boolean canMove(long companyId, Instant visitStart);

    boolean canCancel(long companyId, Instant visitStart);

    /** Until the company's settings are read: every change allowed (the bot's behaviour before reminders). */
    static VisitChanges always() {
        return new VisitChanges() {
            @Override
            public boolean canMove(long companyId, Instant visitStart) {
                return true;
            }

            @Override
            public boolean canCancel(long companyId, Instant visitStart) {
                return true;
            }
        };
    }
}
