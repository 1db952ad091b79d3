package io.github.yclientsbot.booking;

import java.util.regex.Pattern;

/**
 * A name a customer typed for their booking: trimmed, inner spaces collapsed, 2 to 60 characters, at least one
 * letter, no control or invisible formatting characters, no links (YCLIENTS shows it to the salon as is).
 */
public final class CustomerName {
    public static final int MIN = 2;
    public static final int MAX = 60;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\u2028\\u2029]");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern LINK = Pattern.compile(
            "(?iu)(://|www\\.|t\\.me/|telegram\\.me/|@[a-z0-9_]{4,}"
                    + "|[\\p{L}\\p{N}-]\\.(com|ru|net|org|info|biz|io|me|su|by|kz|ua|uk|de|co|ly|app|dev|xyz|top|site|online"
                    + "|link|shop|store|club|pro|рф|tk|cc|gg|to)(?![\\p{L}\\p{N}]))");

    /** Why a typed name was not accepted. */
    public enum Problem { LENGTH, NO_LETTER, CONTROL, LINK }

    /** The accepted name, or the problem with it. */
    public record Checked(String name, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private CustomerName() {
    }

    public static Checked check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (CONTROL.matcher(text).find()) {
            return new Checked(null, Problem.CONTROL);
        }
        text = text.replaceAll("\\s+", " ");
        int length = text.codePointCount(0, text.length());
        if (length < MIN || length > MAX) {
            return new Checked(null, Problem.LENGTH);
        }
        if (!LETTER.matcher(text).find()) {
            return new Checked(null, Problem.NO_LETTER);
        }
        if (LINK.matcher(text).find()) {
            return new Checked(null, Problem.LINK);
        }
        return new Checked(text, null);
    }

    /** The parts that are not blank, stripped, joined by a space (a shared contact's first and last name). */
    static String joined(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).map(String::strip)
                .toList());
    }
}
