package io.github.yclientsbot.config;

/**
 * The abuse limits of the in-chat booking, each per 24 hours, 0 = no limit.
 *
 * @param smsPerPhone     SMS codes sent to one phone number
 * @param smsPerUser      SMS codes asked for by one Telegram user
 * @param bookingsPerUser bookings made in the chat by one Telegram user
 */
public record BookingLimits(int smsPerPhone, int smsPerUser, int bookingsPerUser) {

    static BookingLimits read(SettingReader r) throws ConfigException {
        return new BookingLimits(
                r.intIn(SettingKey.BOOKING_LIMIT_SMS_PER_PHONE, 0, 1000,
                        "like 3 (SMS codes one phone number gets in 24 hours), or 0 for no limit"),
                r.intIn(SettingKey.BOOKING_LIMIT_SMS_PER_USER, 0, 1000,
                        "like 5 (SMS codes one Telegram user asks for in 24 hours), or 0 for no limit"),
                r.intIn(SettingKey.BOOKING_LIMIT_BOOKINGS_PER_USER, 0, 1000,
                        "like 3 (bookings one Telegram user makes in the chat in 24 hours), or 0 for no limit"));
    }
}
