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

    @ParameterizedTest
    @CsvSource({
        "380501234567, 380501234567",
        "+380501234567, 380501234567",
        "79161234567, 79161234567",
        "+79161234567, 79161234567",
        "77011234567, 77011234567",
        "' 375291234567 ', 375291234567",
        "4915112345678, 4915112345678"})
    void aSharedContactIsAFullInternationalNumberWithOrWithoutPlus(String raw, String expected) {
        assertEquals(Optional.of(expected), PhoneNumber.normalizeShared(raw));
        // what it gives is accepted again as typed with "+", as the booking flow re-reads it
        assertEquals(Optional.of(expected), PhoneNumber.normalize("+" + expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "12345", "hello", "0501234567", "71161234567", "7916123456789123"})
    void aSharedContactThatIsNotAPhoneNumberIsRefused(String raw) {
        assertEquals(Optional.empty(), PhoneNumber.normalizeShared(raw));
    }

    @org.junit.jupiter.api.Test
    void aSharedContactIsNotReadAsATypedRussianNumber() {
        // typed, 380501234567 without "+" is no number; shared, it is Ukrainian
        assertEquals(Optional.empty(), PhoneNumber.normalize("380501234567"));
        assertEquals(Optional.empty(), PhoneNumber.normalizeShared(null));
    }

    @org.junit.jupiter.api.Test
    void displaysRussianNumbersReadably() {
        assertEquals("+7 916 123-45-67", PhoneNumber.display("79161234567"));
        assertEquals("+7 701 123-45-67", PhoneNumber.display("77011234567"));
        assertEquals("+375291234567", PhoneNumber.display("375291234567"));
    }
}
