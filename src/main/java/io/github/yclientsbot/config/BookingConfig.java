package io.github.yclientsbot.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customers' booking as loaded ({@code booking.mode} may be changed in chat: read it through
 * {@code company.Settings}).
 *
 * @param mode       {@code chat}, {@code form} or {@code both}
 * @param privacyUrl the privacy policy shown before the first in-chat booking, when set
 * @param limits     the abuse limits of the in-chat booking
 */
public record BookingConfig(String mode, Optional<String> privacyUrl, BookingLimits limits) {

    static BookingConfig read(SettingReader r) throws ConfigException {
        String mode = r.text(SettingKey.BOOKING_MODE).strip().toLowerCase(Locale.ROOT);
        if (!List.of("chat", "form", "both").contains(mode)) {
            throw r.invalid(SettingKey.BOOKING_MODE, "must be chat, form or both, got "
                    + SettingReader.quote(r.text(SettingKey.BOOKING_MODE)), "to chat, form or both");
        }
        Optional<String> privacyUrl = r.isSet(SettingKey.BOOKING_PRIVACY_URL)
                ? Optional.of(r.httpUrl(SettingKey.BOOKING_PRIVACY_URL,
                        "to your privacy policy like https://example.com/privacy, or leave it empty"))
                : Optional.empty();
        return new BookingConfig(mode, privacyUrl, BookingLimits.read(r));
    }
}
