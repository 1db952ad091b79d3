package io.github.yclientsbot.booking;

import io.github.yclientsbot.storage.CustomerContacts;

import java.util.Optional;

/**
 * "Remember my number": a customer's phone and name kept for their next booking — only after they answered
 * yes, and used only while their privacy consent stands. {@code /forgetme} deletes both.
 */
public final class RememberedContacts {
    private final CustomerContacts contacts;
    private final PrivacyConsent consent;

    public RememberedContacts(CustomerContacts contacts, PrivacyConsent consent) {
        this.contacts = contacts;
        this.consent = consent;
    }

    /** The contact to put into a new booking: the stored one, when there is one and the consent is given. */
    public Optional<CustomerContacts.Contact> forNextBooking(long userId) {
        return consent.given(userId) ? contacts.find(userId) : Optional.empty();
    }

    /** {@code true} when exactly this phone and name are already remembered, so there is nothing to ask. */
    public boolean remembers(long userId, String phone, String name) {
        return contacts.find(userId).map(c -> c.phone().equals(phone) && c.name().equals(name)).orElse(false);
    }

    /** Stores (or replaces) the customer's contact; returns when saved. */
    public void remember(long userId, String phone, String name) {
        contacts.save(userId, new CustomerContacts.Contact(phone, name));
    }

    /** Deletes the remembered contact; {@code true} when there was one. */
    public boolean forget(long userId) {
        return contacts.delete(userId);
    }
}
