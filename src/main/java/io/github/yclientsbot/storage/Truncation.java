package io.github.yclientsbot.storage;

/** Cuts free text to a column's length without splitting a surrogate pair. */
final class Truncation {

    private Truncation() {
    }

    static String atMost(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
