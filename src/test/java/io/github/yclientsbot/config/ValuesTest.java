package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "yes", "YES", "1", "on", "On", " true "})
    void trueInAnyCase(String text) {
        assertEquals(Optional.of(true), Values.parseBoolean(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "FALSE", "no", "No", "0", "off", "OFF"})
    void falseInAnyCase(String text) {
        assertEquals(Optional.of(false), Values.parseBoolean(text));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "tru", "2", "enabled", "y"})
    void notABoolean(String text) {
        assertEquals(Optional.empty(), Values.parseBoolean(text));
    }

    @Test
    void positiveLongs() {
        assertEquals(OptionalLong.of(611204), Values.parsePositiveLong("611204"));
        assertEquals(OptionalLong.of(42), Values.parsePositiveLong(" 42 "));
        assertEquals(OptionalLong.of(Long.MAX_VALUE), Values.parsePositiveLong(String.valueOf(Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0", "-5", "+5", "abc", "12a", "1.5", "9223372036854775808", "1 2"})
    void notAPositiveLong(String text) {
        assertEquals(OptionalLong.empty(), Values.parsePositiveLong(text));
    }

    @Test
    void idListsAreCommaSeparatedPositiveNumbers() {
        assertEquals(Optional.of(Set.of(1L, 2L, 3L)), Values.parseIdList("1, 2,3"));
        assertEquals(Optional.of(Set.of()), Values.parseIdList(""));
        assertEquals(Optional.of(Set.of()), Values.parseIdList("   "));
        assertEquals(Optional.of(Set.of()), Values.parseIdList(null));
        assertEquals(Optional.of(Set.of(5000000000L)), Values.parseIdList("5000000000"));
        assertEquals(Optional.of(Set.of(1L, 2L)), Values.parseIdList("1,,2,"));
    }

    @Test
    void idListsAreSorted() {
        assertEquals(List.of(1L, 7L, 30L), List.copyOf(Values.parseIdList("30,1,7,1").orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,abc", "-100123", "1;2", "1 2", "0"})
    void badIdLists(String text) {
        assertEquals(Optional.empty(), Values.parseIdList(text));
    }

    @ParameterizedTest
    @CsvSource({
        "https://api.telegram.org, https://api.telegram.org",
        "https://api.telegram.org/, https://api.telegram.org",
        "HTTPS://api.yclients.com//, https://api.yclients.com",
        "http://localhost:8081, http://localhost:8081",
        "http://127.0.0.1:8081/, http://127.0.0.1:8081",
        "' https://n611204.yclients.com ', https://n611204.yclients.com",
        "http://fake_telegram:8081/api/, http://fake_telegram:8081/api",
    })
    void httpUrlsAreNormalized(String text, String expected) {
        assertEquals(Optional.of(expected), Values.parseHttpUrl(text));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "api.telegram.org", "ftp://example.com", "https://", "https:///path",
        "mailto:a@b.c", "https://exa mple.com", "https://example.com/?a=1", "https://example.com/#x",
        "https://user:pass@example.com", "/relative/path", "javascript:alert(1)"})
    void notAnHttpUrl(String text) {
        assertEquals(Optional.empty(), Values.parseHttpUrl(text));
    }

    @Test
    void longSecretsShowFirstAndLastFour() {
        assertEquals("abcd…wxyz", Values.mask("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("abcd…9012", Values.mask("abcdefgh9012"));
    }

    @Test
    void mediumSecretsShowLastTwo() {
        assertEquals("…ef", Values.mask("abcdef"));
        assertEquals("…jk", Values.mask("abcdefghijk"));
    }

    @Test
    void shortSecretsShowNothing() {
        assertEquals("…", Values.mask("abcde"));
        assertEquals("…", Values.mask(""));
        assertEquals("…", Values.mask(null));
    }

    @Test
    void maskNeverSplitsACharacter() {
        String secret = "😀😀😀😀middle😀😀😀😀";
        assertEquals("😀😀😀😀…😀😀😀😀", Values.mask(secret));
        assertTrue(Values.mask("ab😀def").endsWith("ef"));
    }
}
