package io.github.yclientsbot.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.yclientsbot.booking.RefusalPolicy.Next;
import io.github.yclientsbot.booking.RefusalPolicy.Reason;
import io.github.yclientsbot.booking.RefusalPolicy.Refusal;
import io.github.yclientsbot.yclients.YclientsException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each refusal of YCLIENTS's booking calls means, and where the customer goes from there. */
class RefusalPolicyTest {
    private final RefusalPolicy policy = new RefusalPolicy();

    private static YclientsException refusal(int code) {
        return YclientsException.http("POST", "/api/v1/book_record/1", 422, code, "refused");
    }

    @ParameterizedTest(name = "{0} → {1}, {2}")
    @CsvSource({
            "431, PHONE_REFUSED, CHOOSE_TIME",
            "433, TIME_TAKEN, NEAREST_TIMES",
            "434, PHONE_BLOCKED, FORM_ONLY",
            "435, NAME_NEEDED, SUMMARY",
            "436, NO_SPECIALIST, NEAREST_TIMES",
            "437, APPOINTMENTS_OVERLAP, NEAREST_TIMES",
            "438, NOT_ONLINE, FORM_ONLY",
            "439, GENERIC, SUMMARY",
            "400, GENERIC, SUMMARY"})
    void eachBookingCodeHasItsReasonAndWay(int code, Reason reason, Next next) {
        assertEquals(new Refusal(reason, next), policy.ofBooking(refusal(code), false));
        assertEquals(new Refusal(reason, next), policy.ofBooking(refusal(code), true), "a typed code changes only 432");
        assertEquals(new Refusal(reason, next), policy.ofCodeRequest(refusal(code)));
    }

    @Test
    void aCallThatGotNoTurnAtYclientsIsBusyNotDownAndKeepsTheCustomerWhereTheyAre() {
        YclientsException busy = new YclientsException(YclientsException.Kind.BUSY, "POST", "/api/v1/book_check/1", 0,
                null, "not sent", null, null);
        assertEquals(new Refusal(Reason.BUSY, Next.SUMMARY), policy.ofBooking(busy, false), "Confirm works again shortly");
        assertEquals(new Refusal(Reason.BUSY, Next.SUMMARY), policy.ofCodeRequest(busy));
        assertEquals(new Refusal(Reason.BUSY, Next.STAY_AT_CODE), policy.ofResend(busy));
        assertEquals(Reason.BUSY, policy.ofLookup(busy));
    }

    @Test
    void code432IsAWrongCodeAfterATypedOneAndAskForOneWithout() {
        assertEquals(new Refusal(Reason.WRONG_CODE, Next.RETYPE_CODE), policy.ofBooking(refusal(432), true));
        assertEquals(new Refusal(Reason.WRONG_CODE, Next.SEND_CODE), policy.ofBooking(refusal(432), false));
        // before any code was sent, a 432 cannot mean "type it again": said, and back to the summary
        assertEquals(new Refusal(Reason.WRONG_CODE, Next.SUMMARY), policy.ofCodeRequest(refusal(432)));
    }

    @Test
    void anUnavailableYclientsLeadsBackToTheSummaryWhateverTheCode() {
        YclientsException serverError = YclientsException.http("POST", "/api/v1/book_check/1", 503, 433, "busy");
        YclientsException tooMany = YclientsException.http("POST", "/api/v1/book_check/1", 429, null, "slow down");
        YclientsException timeout = new YclientsException(YclientsException.Kind.TIMEOUT, "POST", "/api/v1/book_check/1", 0,
                null, null, null, new SocketTimeoutException("read timed out"));
        for (YclientsException e : new YclientsException[] {serverError, tooMany, timeout}) {
            assertEquals(new Refusal(Reason.UNAVAILABLE, Next.SUMMARY), policy.ofBooking(e, false), e.getMessage());
            assertEquals(new Refusal(Reason.UNAVAILABLE, Next.SUMMARY), policy.ofCodeRequest(e), e.getMessage());
            assertEquals(new Refusal(Reason.UNAVAILABLE, Next.STAY_AT_CODE), policy.ofResend(e), e.getMessage());
            assertEquals(Reason.UNAVAILABLE, policy.ofLookup(e), e.getMessage());
        }
    }

    @Test
    void aRefusalWithoutAYclientsCodeIsGeneric() {
        YclientsException forbidden = YclientsException.http("POST", "/api/v1/book_record/1", 403, null, "no rights");
        assertEquals(new Refusal(Reason.GENERIC, Next.SUMMARY), policy.ofBooking(forbidden, true));
        assertEquals(new Refusal(Reason.GENERIC, Next.STAY_AT_CODE), policy.ofResend(forbidden));
        assertEquals(Reason.GENERIC, policy.ofLookup(forbidden));
        assertEquals(Reason.GENERIC, policy.ofLookup(refusal(433)), "a read of a step says no 43x reason");
    }

    @Test
    void anUnknownOutcomeEndsTheConversationWithoutConfirmAgain() {
        assertEquals(new Refusal(Reason.OUTCOME_UNKNOWN, Next.END_UNKNOWN), policy.ofUnknownOutcome());
    }
}
