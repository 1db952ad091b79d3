package io.github.yclientsbot.storage;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** What the bot knows about a JDBC URL: which database it names, what to add to it, and how to show it. */
final class JdbcUrl {
    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    /** A URL scheme after jdbc:h2: such as mem:, tcp:, ssl:, zip: (two or more letters, so C:/ stays a path). */
    private static final Pattern H2_NON_FILE_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*", Pattern.DOTALL);

    private JdbcUrl() {
    }

    /** See {@link Database#effectiveUrl(String)}. */
    static String effective(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!isH2File(jdbcUrl)) {
            return jdbcUrl;
        }
        StringBuilder url = new StringBuilder(jdbcUrl);
        if (!hasH2Setting(jdbcUrl, "WRITE_DELAY")) {
            appendSetting(url, "WRITE_DELAY=0");
        }
        if (!hasH2Setting(jdbcUrl, "DB_CLOSE_ON_EXIT")) {
            appendSetting(url, "DB_CLOSE_ON_EXIT=FALSE");
        }
        return url.toString();
    }

    /** The URL without settings or query parameters (which may carry a password) and without user info. */
    static String display(String url) {
        int cut = url.length();
        int semicolon = url.indexOf(';');
        int question = url.indexOf('?');
        if (semicolon >= 0) {
            cut = Math.min(cut, semicolon);
        }
        if (question >= 0) {
            cut = Math.min(cut, question);
        }
        return url.substring(0, cut).replaceFirst("//[^/@]*@", "//");
    }

    /** The H2 database path of a file URL without settings and without {@code file:}, e.g. {@code ./data/bot}. */
    static String h2FilePath(String url) {
        String rest = url.substring(H2_PREFIX.length());
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            rest = rest.substring(0, semicolon);
        }
        if (rest.regionMatches(true, 0, "file:", 0, "file:".length())) {
            rest = rest.substring("file:".length());
        }
        return rest;
    }

    static boolean isH2(String url) {
        return url.regionMatches(true, 0, H2_PREFIX, 0, H2_PREFIX.length());
    }

    static boolean isPostgres(String url) {
        return url.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length());
    }

    static boolean isH2File(String url) {
        if (!isH2(url)) {
            return false;
        }
        String rest = url.substring(H2_PREFIX.length());
        if (rest.regionMatches(true, 0, "file:", 0, "file:".length())) {
            return true;
        }
        return !rest.isEmpty() && !H2_NON_FILE_SCHEME.matcher(rest).matches();
    }

    private static boolean hasH2Setting(String url, String setting) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String name = (equals >= 0 ? parts[i].substring(0, equals) : parts[i]).strip();
            if (name.toUpperCase(Locale.ROOT).equals(setting)) {
                return true;
            }
        }
        return false;
    }

    private static void appendSetting(StringBuilder url, String setting) {
        if (url.charAt(url.length() - 1) != ';') {
            url.append(';');
        }
        url.append(setting);
    }
}
