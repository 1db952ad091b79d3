package io.github.yclientsbot.booking;

import java.util.regex.Pattern;

/** The SMS code a customer types to confirm a booking: its digits, with spaces and dashes dropped. */
public final class SmsCode {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2009\\u202F\\-‐‑‒–—_.]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{3,8}");

    private SmsCode() {
    }

    /** The code with spaces and dashes dropped, or null when what is left is not 3 to 8 digits. */
    public static String clean(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = SEPARATORS.matcher(typed.strip()).replaceAll("");
        return DIGITS.matcher(digits).matches() ? digits : null;
    }
}
