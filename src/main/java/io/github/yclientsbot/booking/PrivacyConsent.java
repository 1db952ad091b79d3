package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.storage.BookingConsents;

import java.time.Instant;
import java.util.Optional;

/**
 * The business's privacy policy (the configured {@code booking.privacy-url}, else the booking form) and the
 * customers' consent to it, stored with its time before a phone number is asked for.
 */
public final class PrivacyConsent {
    private final Settings settings;
    private final BookingConsents consents;

    public PrivacyConsent(Settings settings, BookingConsents consents) {
        this.settings = settings;
        this.consents = consents;
    }

    /** The policy to show: {@code booking.privacy-url}, else the booking form's address; empty when neither. */
    public Optional<String> policyUrl() {
        Settings.Value v = settings.get(SettingKey.BOOKING_PRIVACY_URL);
        if (v.isSet()) {
            return Optional.of(v.value().strip());
        }
        return settings.bookingForm().map(Settings.BookingForm::url);
    }

    public boolean given(long userId) {
        return consents.find(userId).isPresent();
    }

    /** Stores the consent (now, with the policy shown); returns when saved. */
    public Instant give(long userId) {
        return consents.record(userId, policyUrl().orElse(""));
    }

    /** Deletes the stored consent; {@code true} when there was one. */
    public boolean forget(long userId) {
        return consents.delete(userId);
    }
}
