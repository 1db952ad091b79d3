package io.github.yclientsbot.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What a customer types at the SMS code step: the digits, with spaces and dashes dropped. */
class SmsCodeTest {

    @Test
    void spacesAndDashesAreDropped() {
        assertEquals("531974", SmsCode.clean("531974"));
        assertEquals("531974", SmsCode.clean(" 531 974 "));
        assertEquals("531974", SmsCode.clean("531-974"));
        assertEquals("1234", SmsCode.clean("1 2 – 3—4"));
        assertEquals("1234", SmsCode.clean("12\u00A034"));
    }

    @Test
    void anythingElseIsNotACode() {
        assertNull(SmsCode.clean(null));
        assertNull(SmsCode.clean(""));
        assertNull(SmsCode.clean("12"));
        assertNull(SmsCode.clean("123456789"));
        assertNull(SmsCode.clean("код 1234"));
        assertNull(SmsCode.clean("+7 916 123-45-67"));
    }
}
