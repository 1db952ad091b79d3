package io.github.yclientsbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Parsing shared by config validation and chat commands. Every parser returns empty for input it
 * does not accept instead of throwing.
 */
public final class Values {

    private static final String ELLIPSIS = "…";

    private Values() {
    }

    /** {@code true/false/yes/no/1/0/on/off} in any case, surrounding whitespace ignored. */
    public static Optional<Boolean> parseBoolean(String s) {
        if (s == null) {
            return Optional.empty();
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on":
                return Optional.of(Boolean.TRUE);
            case "false", "no", "0", "off":
                return Optional.of(Boolean.FALSE);
            default:
                return Optional.empty();
        }
    }

    /** Decimal digits only (surrounding whitespace ignored), greater than zero, fits a {@code long}. */
    public static OptionalLong parsePositiveLong(String s) {
        if (s == null) {
            return OptionalLong.empty();
        }
        String t = s.trim();
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(t);
            return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
        } catch (NumberFormatException overflow) {
            return OptionalLong.empty();
        }
    }

    /**
     * A comma-separated list of ids in the order given, each once: {@code "3, 1,3"} gives [3, 1]; blank or null gives an
     * empty list; empty items are skipped. Any item that is not a positive 64-bit number makes the whole list invalid.
     */
    public static Optional<java.util.List<Long>> parseIdSequence(String s) {
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        if (s != null) {
            for (String part : s.split(",", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                OptionalLong id = parsePositiveLong(part);
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                ids.add(id.getAsLong());
            }
        }
        return Optional.of(java.util.List.copyOf(ids));
    }

    /**
     * A comma-separated list of Telegram user ids: {@code "1, 2,3"} gives {1, 2, 3}; blank or null gives
     * an empty set; empty items ({@code "1,,2,"}) are skipped. Any item that is not a positive 64-bit number
     * makes the whole list invalid. The set is unmodifiable and sorted.
     */
    public static Optional<Set<Long>> parseIdList(String s) {
        SortedSet<Long> ids = new TreeSet<>();
        if (s != null) {
            for (String part : s.split(",", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                OptionalLong id = parsePositiveLong(part);
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                ids.add(id.getAsLong());
            }
        }
        return Optional.of(Collections.unmodifiableSortedSet(ids));
    }

    /**
     * An absolute {@code http} or {@code https} address with a host, without query, fragment or
     * credentials, returned with a lower-case scheme and without trailing slashes
     * ({@code "HTTPS://api.example.com/"} gives {@code "https://api.example.com"}).
     */
    public static Optional<String> parseHttpUrl(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        if (t.isEmpty() || t.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawAuthority() == null || hostOf(uri).isEmpty()) {
            return Optional.empty();
        }
        String normalized = scheme.toLowerCase(Locale.ROOT) + t.substring(scheme.length());
        int minLength = scheme.length() + "://".length() + uri.getRawAuthority().length();
        int end = normalized.length();
        while (end > minLength && normalized.charAt(end - 1) == '/') {
            end--;
        }
        return Optional.of(normalized.substring(0, end));
    }

    /** The host, also for names {@link URI#getHost()} rejects (underscores, as in docker-compose service names). */
    private static String hostOf(URI uri) {
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || authority.contains("@")) {
            return "";
        }
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        return authority.replaceFirst(":[0-9]*$", "");
    }

    /**
     * The only way a secret is shown: first 4 and last 4 characters around "…" when it has at least 12
     * characters, "…" and the last 2 for 6 to 11, "…" alone when shorter (also for null).
     */
    public static String mask(String secret) {
        if (secret == null) {
            return ELLIPSIS;
        }
        int length = secret.codePointCount(0, secret.length());
        if (length >= 12) {
            return codePoints(secret, 0, 4) + ELLIPSIS + codePoints(secret, length - 4, length);
        }
        if (length >= 6) {
            return ELLIPSIS + codePoints(secret, length - 2, length);
        }
        return ELLIPSIS;
    }

    private static String codePoints(String s, int from, int to) {
        return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }
}
