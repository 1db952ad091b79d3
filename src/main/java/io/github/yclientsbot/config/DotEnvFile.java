package io.github.yclientsbot.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code NAME=value} lines, an optional {@code export } prefix, {@code #} comment
 * lines and blank lines; whitespace around {@code =} is trimmed; a value may be in single quotes (taken
 * literally) or double quotes ({@code \"} and {@code \\} unescaped); an unquoted value ends at a
 * {@code " #"} comment. Lines that are not assignments are skipped; the last assignment of a name wins.
 *
 * <p>Kept instead of dotenv-java (3.2.0, the latest, checked 2026-11): on the {@code .env} files businesses already have it drops
 * {@code export NAME=…} lines (or fails on them), keeps single quotes as part of the value, cuts an unquoted value
 * at any {@code #} ({@code abc#123} becomes {@code abc}: a wrong password, silently) and does not unescape
 * {@code \"} — and it reads the file itself, so our one-line errors (not UTF-8, unreadable) would be lost. The
 * cases are pinned in {@code DotEnvFileTest}.
 */
final class DotEnvFile {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private DotEnvFile() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : PropertiesFile.stripBom(text).split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring("export".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = line.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                continue;
            }
            values.put(name, value(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String value(String raw) {
        if (raw.startsWith("'")) {
            int close = raw.indexOf('\'', 1);
            return close > 0 ? raw.substring(1, close) : raw;
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '"' || raw.charAt(i + 1) == '\\')) {
                    c = raw.charAt(++i);
                }
                out.append(c);
            }
            return raw;
        }
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw;
    }
}
