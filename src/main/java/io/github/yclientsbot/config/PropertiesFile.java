package io.github.yclientsbot.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .properties} text with the syntax of {@link java.util.Properties} (comments with # or !,
 * {@code key=value}, {@code key: value}, {@code key value}, backslash line continuation and escapes)
 * but keeps every entry with its line number, so unknown or repeated keys can be reported by line.
 */
final class PropertiesFile {

    /** One entry; {@code line} is where it starts (1-based), {@code value} is unescaped and untrimmed. */
    record Entry(String key, String value, int line) {
    }

    /** Thrown for a malformed {@code \\uXXXX} escape. */
    static final class SyntaxException extends Exception {
        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private PropertiesFile() {
    }

    static List<Entry> parse(String text) throws SyntaxException {
        String[] lines = stripBom(text).split("\r\n|\r|\n", -1);
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            int startLine = i + 1;
            String logical = stripLeadingBlanks(lines[i]);
            i++;
            if (logical.isEmpty() || logical.charAt(0) == '#' || logical.charAt(0) == '!') {
                continue;
            }
            StringBuilder line = new StringBuilder(logical);
            while (endsWithContinuation(line)) {
                line.setLength(line.length() - 1);
                if (i >= lines.length) {
                    break;
                }
                line.append(stripLeadingBlanks(lines[i]));
                i++;
            }
            entries.add(entry(line.toString(), startLine));
        }
        return entries;
    }

    private static Entry entry(String line, int lineNumber) throws SyntaxException {
        int length = line.length();
        int keyEnd = length;
        int valueStart = length;
        boolean escaped = false;
        for (int pos = 0; pos < length; pos++) {
            char c = line.charAt(pos);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '=' || c == ':') {
                keyEnd = pos;
                valueStart = pos + 1;
                break;
            } else if (isBlank(c)) {
                keyEnd = pos;
                valueStart = pos + 1;
                while (valueStart < length && isBlank(line.charAt(valueStart))) {
                    valueStart++;
                }
                if (valueStart < length && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
                    valueStart++;
                }
                break;
            }
        }
        while (valueStart < length && isBlank(line.charAt(valueStart))) {
            valueStart++;
        }
        return new Entry(unescape(line.substring(0, keyEnd), lineNumber),
                unescape(line.substring(valueStart), lineNumber), lineNumber);
    }

    private static String unescape(String s, int lineNumber) throws SyntaxException {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new SyntaxException(lineNumber, "malformed \\uXXXX escape");
                    }
                    String hex = s.substring(i + 1, i + 5);
                    if (!hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        throw new SyntaxException(lineNumber, "malformed \\uXXXX escape");
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String stripLeadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
