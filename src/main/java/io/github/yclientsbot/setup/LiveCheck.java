package io.github.yclientsbot.setup;

import io.github.yclientsbot.yclients.YclientsException;

/** The result of asking YCLIENTS whether a token or id works. */
public sealed interface LiveCheck {
    /** YCLIENTS answered: the company title. */
    record Ok(String companyTitle, long latencyMs) implements LiveCheck {}

    /** YCLIENTS answered no: its own message ("Необходима авторизация"). */
    record Rejected(int httpStatus, String message) implements LiveCheck {}

    /** YCLIENTS could not be reached or answered garbage. */
    record Unavailable(String reason) implements LiveCheck {}

    /** Not checked yet, and why. */
    record Pending(Reason reason) implements LiveCheck {}

    enum Reason { NO_COMPANY, NO_PARTNER_TOKEN }

    static LiveCheck of(YclientsException e) {
        if (e.isUnavailable()) {
            return new Unavailable(e.httpStatus() > 0 ? "HTTP " + e.httpStatus() + ": " + e.apiMessage() : e.apiMessage());
        }
        return new Rejected(e.httpStatus(), e.apiMessage());
    }
}
