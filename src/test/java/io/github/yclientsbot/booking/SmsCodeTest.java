package io.github.yclientsbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What a customer types at the SMS code step: the digits, with spaces and dashes dropped. */
class BookingChatCodeTest {

    @Test
    void spacesAndDashesAreDropped() {
        assertEquals("531974", BookingChat.cleanCode("531974"));
        assertEquals("531974", BookingChat.cleanCode(" 531 974 "));
        assertEquals("531974", BookingChat.cleanCode("531-974"));
        assertEquals("1234", BookingChat.cleanCode("1 2 – 3—4"));
        assertEquals("1234", BookingChat.cleanCode("12\u00A034"));
    }

    @Test
    void anythingElseIsNotACode() {
        assertNull(BookingChat.cleanCode(null));
        assertNull(BookingChat.cleanCode(""));
        assertNull(BookingChat.cleanCode("12"));
        assertNull(BookingChat.cleanCode("123456789"));
        assertNull(BookingChat.cleanCode("код 1234"));
        assertNull(BookingChat.cleanCode("+7 916 123-45-67"));
    }
}
