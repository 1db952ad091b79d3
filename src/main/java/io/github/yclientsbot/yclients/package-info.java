/**
 * The YCLIENTS REST API as the bot uses it: {@link io.github.yclientsbot.yclients.YclientsClient},
 * its DTO records, envelope and error parsing, and {@link io.github.yclientsbot.yclients.BookingLinkBuilder}
 * for customer deep links into the online booking form.
 *
 * <p>Everything here is immutable and thread-safe. No class in this package ever puts a token or a
 * password into an exception message, a {@code toString()} or a log line.
 */
package io.github.yclientsbot.yclients;
