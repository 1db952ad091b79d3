package io.github.yclientsbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The message after a visit: thanks, the salon's review link and 📅 Book again.
 *
 * @param after     how long after the visit's end (its start + its length) it goes; empty: no follow-up
 * @param reviewUrl the salon's review page (http or https); empty: no review button
 */
public record FollowupConfig(Optional<Duration> after, Optional<String> reviewUrl) {
    /** No later than this after the visit (the reminders' notes that keep a follow-up from going twice live 8 days). */
    static final Duration LONGEST = Duration.ofDays(3);
    /** A Telegram URL button takes a few thousand characters; a review link needs far fewer. */
    static final int MAX_URL = 512;

    /** A follow-up goes after visits. */
    public boolean enabled() {
        return after.isPresent();
    }

    static FollowupConfig read(SettingReader r) throws ConfigException {
        return new FollowupConfig(after(r), reviewUrl(r));
    }

    private static Optional<Duration> after(SettingReader r) throws ConfigException {
        String text = r.text(SettingKey.BOOKING_FOLLOWUP).strip();
        if (text.isEmpty() || text.equalsIgnoreCase("off") || text.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Optional<Duration> d = ReminderConfig.parseOffset(text);
        if (d.isEmpty() || d.get().isZero() || d.get().compareTo(LONGEST) > 0) {
            throw r.invalid(SettingKey.BOOKING_FOLLOWUP, "must be a duration from 1m to 3d, got " + SettingReader.quote(text),
                    "to how long after the visit's end the thank-you goes, like 3h (d, h, m: 1d, 90m, 1h30m), or empty for none");
        }
        return d;
    }

    private static Optional<String> reviewUrl(SettingReader r) throws ConfigException {
        String text = r.text(SettingKey.BOOKING_REVIEW_URL).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() <= MAX_URL && !text.chars().anyMatch(Character::isWhitespace)) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                        && uri.getRawUserInfo() == null) {
                    return Optional.of(text);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
        }
        throw r.invalid(SettingKey.BOOKING_REVIEW_URL, "must be an absolute http(s) address without credentials, up to "
                + MAX_URL + " characters, got " + SettingReader.quote(text),
                "to the salon's review page like https://yandex.ru/maps/org/123/reviews/, or leave it empty");
    }
}
