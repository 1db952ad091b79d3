package io.github.yclientsbot.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
        "+7 916 123-45-67, 79161234567",
        "8 (916) 123-45-67, 79161234567",
        "9161234567, 79161234567",
        "79161234567, 79161234567",
        "+375 29 123-45-67, 375291234567",
        "+7 (495) 123 45 67, 74951234567",
        "+7 701 123 45 67, 77011234567",
        "87011234567, 77011234567",
        "8 (727) 123-45-67, 77271234567",
        "+7 600 123-45-67, 76001234567",
        "77471234567, 77471234567"})
    void normalisesToDigitsWithTheCountryCode(String raw, String expected) {
        assertEquals(Optional.of(expected), PhoneNumber.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "hello", "7916123456789", "+7 016 123-45-67", "+7 116 123-45-67",
        "+7 216 123-45-67", "81161234567", "call me", "8 916 123"})
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertEquals(Optional.empty(), PhoneNumber.normalize(raw));
    }

    @org.junit.jupiter.api.Test
    void displaysRussianNumbersReadably() {
        assertEquals("+7 916 123-45-67", PhoneNumber.display("79161234567"));
        assertEquals("+7 701 123-45-67", PhoneNumber.display("77011234567"));
        assertEquals("+375291234567", PhoneNumber.display("375291234567"));
    }
}
