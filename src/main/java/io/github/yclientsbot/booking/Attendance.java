package io.github.yclientsbot.booking;

/**
 * "I'll come": a visit's attendance set to "confirmed" (2) in YCLIENTS. Changing a record needs the user token;
 * {@code PUT /record} replaces the whole record, so an implementation re-reads it right before, writes only while
 * attendance is still "waiting" (0) and nothing else changed, never overwrites "came" (1) or "did not come" (−1),
 * and keeps YCLIENTS from sending an SMS about it.
 */
public interface Attendance {
    enum Result {
        /** Written: YCLIENTS now shows the visit as confirmed. */
        CONFIRMED,
        /** It already was confirmed: nothing written. */
        ALREADY,
        /** The visit is no longer waiting (came, did not come, deleted) or was changed since it was shown: nothing written. */
        CHANGED,
        /** No user token (or it cannot be read): the bot cannot change records. */
        NOT_POSSIBLE,
        /** YCLIENTS refused or did not answer; the customer is thanked anyway and admins see it in /status. */
        FAILED
    }

    /** Whether confirming can work at all with the tokens given (for /status and for offering the button). */
    boolean possible();

    Result confirm(long companyId, long recordId);

    /** Until the records API is wired: nothing can be confirmed. */
    static Attendance unavailable() {
        return new Attendance() {
            @Override
            public boolean possible() {
                return false;
            }

            @Override
            public Result confirm(long companyId, long recordId) {
                return Result.NOT_POSSIBLE;
            }
        };
    }
}
