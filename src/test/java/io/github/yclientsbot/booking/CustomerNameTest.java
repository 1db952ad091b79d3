package io.github.yclientsbot.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.yclientsbot.booking.CustomerName.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A typed name: trimmed, 2–60 characters, a letter, one line, no links. */
class CustomerNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Анна|Анна",
            "'  Мария   Иванова '|Мария Иванова",
            "Jo|Jo",
            "Анна-Мария О'Нил|Анна-Мария О'Нил",
            "J.R.R. Tolkien|J.R.R. Tolkien",
            "Mr.Smith|Mr.Smith",
            "Анна 🌸|Анна 🌸",
            "李明|李明",
            "Анна 2|Анна 2"})
    void acceptsNames(String raw, String expected) {
        CustomerName.Checked c = CustomerName.check(raw);
        assertEquals(null, c.problem(), raw);
        assertEquals(expected, c.name());
    }

    @Test
    void sixtyCharactersAreFineSixtyOneAreNot() {
        assertEquals(null, CustomerName.check("я".repeat(60)).problem());
        assertEquals(Problem.LENGTH, CustomerName.check("я".repeat(61)).problem());
        // emoji count as one character each
        assertEquals(null, CustomerName.check("А" + "🌸".repeat(59)).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Я", " x "})
    void tooShort(String raw) {
        assertEquals(Problem.LENGTH, CustomerName.check(raw).problem());
        assertEquals(Problem.LENGTH, CustomerName.check(null).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "!!!", "🌸🌸", "+7 916 123-45-67"})
    void needsALetter(String raw) {
        assertEquals(Problem.NO_LETTER, CustomerName.check(raw).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Анна\nМария", "Анна\tМ", "Ан\u0000на", "Анна\u202Eанна", "Анна\u200Bх"})
    void refusesControlCharacters(String raw) {
        assertEquals(Problem.CONTROL, CustomerName.check(raw).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://spam.example", "Анна http://x.y", "www.spam", "Анна t.me/spam", "anna@mail.ru",
            "@spammer", "spam.com", "Анна shop.RU", "сайт.рф", "buy now spam.io/x"})
    void refusesLinks(String raw) {
        assertEquals(Problem.LINK, CustomerName.check(raw).problem());
    }
}
