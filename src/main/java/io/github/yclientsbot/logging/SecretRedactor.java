package io.github.yclientsbot.logging;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Last line of defence against a secret reaching a log line or a /status error summary.
 *
 * <p>Our own code never logs tokens; this catches what libraries might print (an exception message
 * holding a URL with the bot token, for example). Logback instantiates layouts itself, so the set of
 * known secrets is process-wide: the one deliberate piece of static state in the project, written
 * by the composition root when it learns a secret and read by {@link RedactingLayout}.
 */
public final class SecretRedactor {
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    /** Anything shaped like a Telegram bot token, known or not. */
    private static final Pattern BOT_TOKEN = Pattern.compile("(?<!\\d)\\d{3,12}:[A-Za-z0-9_-]{20,}");
    private static final int MIN_SECRET_LENGTH = 6;

    private SecretRedactor() {
    }

    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH) {
            SECRETS.add(secret.strip());
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, mask(secret));
            }
        }
        return BOT_TOKEN.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mask(m.group())));
    }

    /** "abcd…wxyz" for long values, "…yz" for short ones, "…" for tiny ones. */
    public static String mask(String secret) {
        if (secret == null || secret.isBlank()) {
            return "";
        }
        String s = secret.strip();
        if (s.length() >= 12) {
            return s.substring(0, 4) + "…" + s.substring(s.length() - 4);
        }
        if (s.length() >= 6) {
            return "…" + s.substring(s.length() - 2);
        }
        return "…";
    }
}
