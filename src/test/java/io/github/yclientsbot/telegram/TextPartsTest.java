package io.github.yclientsbot.telegram;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long texts split into messages: every part fits, no character (surrogate pair, emoji sequence) is cut. */
class TextPartsTest {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    /** A surrogate pair, a skin tone, a flag, a keycap, a ZWJ family, a letter with a combining accent. */
    private static final List<String> CHARACTERS = List.of("😀", "👍🏽", "🇷🇺", "1️⃣", "👨‍👩‍👧‍👦", "é");

    private static List<String> graphemes(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void aTextThatFitsIsLeftAlone() {
        assertEquals(List.of("short"), TextParts.split("short", 4096));
        String exactly = "x".repeat(4096);
        assertEquals(List.of(exactly), TextParts.split(exactly, 4096));
    }

    @Test
    void everyCharacterAtEveryPositionAcrossTheBoundaryStaysWhole() {
        int max = 40;
        for (String character : CHARACTERS) {
            for (int before = max - character.length() - 2; before <= max + 1; before++) {
                String text = "a".repeat(before) + character + "b".repeat(30);
                List<String> parts = TextParts.split(text, max);
                assertEquals(text, String.join("", parts), "nothing lost or added around " + character + " at " + before);
                List<String> whole = new ArrayList<>();
                for (String part : parts) {
                    assertTrue(part.length() <= max, part.length() + " > " + max);
                    assertTrue(!Character.isLowSurrogate(part.charAt(0)) && !Character.isHighSurrogate(part.charAt(part.length() - 1)),
                            "a surrogate pair cut at " + before + ": " + parts);
                    whole.addAll(graphemes(part));
                }
                assertEquals(graphemes(text), whole, character + " at " + before + " cut into pieces: " + parts);
            }
        }
    }

    @Test
    void aBlankLineIsPreferredThenALineBreakThenASpace() {
        String a = "a".repeat(25);
        assertEquals(List.of(a + "\nline", "b".repeat(10)), TextParts.split(a + "\nline\n\n" + "b".repeat(10), 40));
        assertEquals(List.of(a + " word", "b".repeat(10)), TextParts.split(a + " word\n" + "b".repeat(10), 40));
        assertEquals(List.of(a + " and more", "words"), TextParts.split(a + " and more words", 35));
        // a break early in the part would make a tiny message: cut at the limit instead
        assertEquals(List.of("ab\n" + "c".repeat(37), "c".repeat(13)), TextParts.split("ab\n" + "c".repeat(50), 40));
    }

    @Test
    void aVeryLongTextBecomesAsManyPartsAsItNeedsInOrder() {
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 500; line++) {
            text.append("Строка ").append(line).append(" 💇‍♀️ запись\n");
        }
        List<String> parts = TextParts.split(text.toString(), 4096);
        assertTrue(parts.size() >= 3, parts.size() + " parts");
        assertEquals(text.toString().strip(), String.join("\n", parts), "cut at line breaks only, in order");
        parts.forEach(p -> assertTrue(p.length() <= 4096));
    }

    @Test
    void cutToFitKeepsCharactersWhole() {
        assertEquals("ab", TextParts.cutToFit("ab👨‍👩‍👧‍👦", 5));
        assertEquals("ab😀", TextParts.cutToFit("ab😀😀", 5));
        assertEquals("abc", TextParts.cutToFit("abc", 5));
    }
}
