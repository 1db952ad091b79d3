package io.github.yclientsbot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text too long for one Telegram message (4096 characters; a caption 1024) into parts that each fit,
 * counting UTF-16 code units as Telegram does. A part never ends inside a character: not inside a surrogate pair,
 * nor inside an emoji made of several code points (a family, a flag, a skin tone, a keycap) — the cut is at a
 * grapheme cluster boundary ({@code \X}). Where it can, it cuts at a blank line, else at a line break, else at a
 * space, in the second half of the part (so no part is tiny); the line break or space cut at is dropped.
 */
final class TextParts {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final String[] SEPARATORS = {"\n\n", "\n", " "};

    private TextParts() {
    }

    /** {@code text} in parts of at most {@code max} UTF-16 code units, none blank; the text itself when it fits. */
    static List<String> split(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must fit a surrogate pair: " + max);
        }
        if (text.length() <= max) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int[] cut = cut(rest, max);
            add(parts, rest.substring(0, cut[0]));
            rest = rest.substring(cut[1]);
        }
        add(parts, rest);
        return parts.isEmpty() ? List.of(text.substring(0, cutAtCodePoint(text, max))) : parts;
    }

    /** The longest start of {@code text} that fits {@code max}, cut at a character boundary (no "…" added). */
    static String cutToFit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, cut(text, max)[0]);
    }

    private static void add(List<String> parts, String part) {
        int from = 0;
        while (from < part.length() && (part.charAt(from) == '\n' || part.charAt(from) == '\r')) {
            from++;
        }
        String trimmed = part.substring(from).stripTrailing();
        if (!trimmed.isBlank()) {
            parts.add(trimmed);
        }
    }

    /** Where this part ends and where the next begins (after a separator cut at). */
    private static int[] cut(String text, int max) {
        java.util.BitSet boundaries = new java.util.BitSet(max + 1);
        int last = 0;
        Matcher m = GRAPHEME.matcher(text);
        while (m.find() && m.end() <= max) {
            last = m.end();
            boundaries.set(last);
        }
        if (last == 0) {
            // one "character" longer than a message (thousands of combining marks): at least keep code points whole
            int end = cutAtCodePoint(text, max);
            return new int[] {end, end};
        }
        for (String sep : SEPARATORS) {
            int at = text.lastIndexOf(sep, last - sep.length());
            if (at >= last / 2 && at > 0 && boundaries.get(at) && boundaries.get(at + sep.length())) {
                return new int[] {at, at + sep.length()};
            }
        }
        return new int[] {last, last};
    }

    private static int cutAtCodePoint(String text, int max) {
        int end = Math.min(max, text.length());
        return end < text.length() && Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }
}
