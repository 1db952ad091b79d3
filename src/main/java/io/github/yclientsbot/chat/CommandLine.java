package io.github.yclientsbot.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed "/command@BotName arg1 arg2…". {@code rest} is everything after the command, as typed
 * (a title or a password may hold spaces).
 */
public record CommandLine(String name, String addressee, String rest) {

    public static Optional<CommandLine> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!t.startsWith("/") || t.length() < 2) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(t);
        String head = space < 0 ? t.substring(1) : t.substring(1, space);
        String rest = space < 0 ? "" : t.substring(space).strip();
        String addressee = null;
        int at = head.indexOf('@');
        if (at >= 0) {
            addressee = head.substring(at + 1);
            head = head.substring(0, at);
        }
        if (head.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CommandLine(head.toLowerCase(Locale.ROOT), addressee, rest));
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** True when the command names no bot, or names this one (case-insensitive). */
    public boolean isFor(String botUsername) {
        return addressee == null || botUsername == null || addressee.equalsIgnoreCase(botUsername);
    }

    public List<String> args() {
        return rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
    }

    /** Never prints the arguments: they may carry a token or a password. */
    @Override
    public String toString() {
        return "/" + name;
    }
}
