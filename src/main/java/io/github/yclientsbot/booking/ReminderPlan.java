package io.github.yclientsbot.booking;

/**
 * The reminders of the visits the bot knows of ({@code booking_reference} rows). Whoever adds, moves or removes a
 * known visit — the chat booking, the customer's own move or cancel, the salon's change seen by the record poll or
 * a webhook, a visit booked elsewhere matched to a customer — tells the plan, which schedules (or drops) that visit's
 * reminders durably. Must be cheap and idempotent: calling it twice plans nothing twice.
 */
public interface ReminderPlan {

    /** Plan (or re-plan, after a move) the reminders of booking reference {@code referenceId} at its current start. */
    void replan(long referenceId);

    /** Drop every pending reminder of YCLIENTS record {@code recordId} (the visit was cancelled or forgotten). */
    void drop(long companyId, long recordId);

    /** Reminders off: nothing planned. */
    static ReminderPlan none() {
        return new ReminderPlan() {
            @Override
            public void replan(long referenceId) {
            }

            @Override
            public void drop(long companyId, long recordId) {
            }
        };
    }
}
