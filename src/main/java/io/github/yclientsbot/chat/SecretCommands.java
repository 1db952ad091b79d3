package io.github.yclientsbot.chat;

import java.util.Set;

/**
 * The commands whose arguments are secrets, and the mark that stands in for a secret (or a phone number) the
 * transport did not keep: the inbox stores every update before it is handled, masked, so an update replayed from it
 * after a restart arrives with {@link #HIDDEN} where the token, password, claim code or phone number was.
 */
public final class SecretCommands {
    /** Commands whose arguments are secrets: a token, a login and password, the claim code. */
    public static final Set<String> NAMES = Set.of("settoken", "yclogin", "claim");
    /** What stands where a secret or a phone number was. Not ASCII, so it can never pass as a token or a code. */
    public static final String HIDDEN = "\u2039hidden\u203a";

    private SecretCommands() {
    }

    /** {@code true} when the message reached us without its secret (a replay of a masked update). */
    public static boolean hiddenIn(Incoming in) {
        return (in.text() != null && in.text().contains(HIDDEN))
                || (in.contact() != null && HIDDEN.equals(in.contact().phoneNumber()));
    }
}
