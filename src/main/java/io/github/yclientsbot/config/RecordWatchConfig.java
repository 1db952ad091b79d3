package io.github.yclientsbot.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How the bot learns of the company's records (both need the YCLIENTS user token): a poll of {@code GET /records}
 * with {@code changed_after} every {@code pollPeriod}, and, for speed, YCLIENTS webhooks posted to
 * {@code /api/v1/yclients/webhook/<webhookSecret>} on the HTTP port, which YCLIENTS reaches at {@code publicUrl}.
 *
 * @param pollPeriod    how often the poll runs
 * @param webhookSecret the secret part of the webhook path; empty: no webhook
 * @param publicUrl     the bot's public https address (no trailing slash), when set
 */
public record RecordWatchConfig(Duration pollPeriod, Optional<String> webhookSecret, Optional<String> publicUrl) {

    /** The shortest webhook secret accepted: it is all that guards the endpoint. */
    public static final int MIN_SECRET_LENGTH = 24;

    static RecordWatchConfig read(SettingReader r) throws ConfigException {
        int seconds = r.intIn(SettingKey.YCLIENTS_RECORDS_POLL_SECONDS, 30, 86_400,
                "like 300 (seconds between two looks at the records that changed)");
        Optional<String> secret = r.optional(SettingKey.YCLIENTS_WEBHOOK_SECRET);
        if (secret.isPresent() && !secret.get().matches("[A-Za-z0-9_-]{" + MIN_SECRET_LENGTH + ",200}")) {
            throw r.invalid(SettingKey.YCLIENTS_WEBHOOK_SECRET, "must be " + MIN_SECRET_LENGTH
                    + " to 200 letters, digits, - or _ (it goes into the webhook's address)",
                    "to a long random value, like the output of: openssl rand -hex 24");
        }
        Optional<String> url = Optional.empty();
        if (r.isSet(SettingKey.YCLIENTS_WEBHOOK_PUBLIC_URL)) {
            String text = r.httpUrl(SettingKey.YCLIENTS_WEBHOOK_PUBLIC_URL, "like https://bot.example.com");
            if (!text.startsWith("https://")) {
                throw r.invalid(SettingKey.YCLIENTS_WEBHOOK_PUBLIC_URL, "must start with https:// (YCLIENTS posts"
                        + " the salon's records there), got " + SettingReader.quote(text), "like https://bot.example.com");
            }
            url = Optional.of(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        return new RecordWatchConfig(Duration.ofSeconds(seconds), secret, url);
    }

    /** The secret masked. */
    @Override
    public String toString() {
        return "RecordWatchConfig[pollPeriod=" + pollPeriod + ", webhookSecret="
                + SettingReader.masked(webhookSecret.orElse("")) + ", publicUrl=" + publicUrl + "]";
    }
}
