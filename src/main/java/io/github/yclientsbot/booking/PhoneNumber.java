package io.github.yclientsbot.booking;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's phone as YCLIENTS wants it: digits with the country code, no plus ({@code 79161234567}).
 * Numbers of the +7 zone (Russia and Kazakhstan) are accepted as +7…, 8… or, for Russian mobiles, the ten digits after
 * the code; other countries with "+".
 */
public final class PhoneNumber {
    private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9 ()\\-.]{7,25}");
    /**
     * +7 is shared by Russia (3xx, 4xx, 8xx, 9xx) and Kazakhstan (6xx, 7xx); no area code there starts with 0, 1 or 2.
     */
    private static final Pattern ZONE_7 = Pattern.compile("7[3-9][0-9]{9}");

    private PhoneNumber() {
    }

    /** The normalized number, or empty when {@code raw} is not a plausible phone number. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (!ALLOWED.matcher(text).matches()) {
            return Optional.empty();
        }
        boolean plus = text.startsWith("+");
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() == 10 && digits.charAt(0) == '9' && !plus) {
            digits = "7" + digits;
        } else if (digits.length() == 11 && digits.charAt(0) == '8' && !plus) {
            digits = "7" + digits.substring(1);
        }
        if (digits.length() == 11 && digits.charAt(0) == '7') {
            return ZONE_7.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
        }
        if (plus && digits.length() >= 10 && digits.length() <= 15 && digits.charAt(0) != '0') {
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    /**
     * A number from a contact shared in Telegram: that is the account's verified full international number, usually
     * sent without "+" ({@code 380501234567}), so it is read as if it had one. Never the Russian 8… or ten-digit forms.
     */
    public static Optional<String> normalizeShared(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        return normalize(text.startsWith("+") ? text : "+" + text);
    }

    /** {@code 79161234567} → {@code +7 916 123-45-67}; other numbers as {@code +digits}. */
    public static String display(String digits) {
        if (digits.length() == 11 && digits.charAt(0) == '7') {
            return "+7 " + digits.substring(1, 4) + " " + digits.substring(4, 7) + "-" + digits.substring(7, 9) + "-"
                    + digits.substring(9);
        }
        return "+" + digits;
    }
}
