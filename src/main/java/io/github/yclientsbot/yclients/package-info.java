/**
 * The YCLIENTS REST API as the bot uses it: {@link io.github.yclientsbot.yclients.YclientsClient}, one object per
 * API area ({@link io.github.yclientsbot.yclients.CompanyApi}, {@link io.github.yclientsbot.yclients.CatalogApi},
 * {@link io.github.yclientsbot.yclients.OnlineBookingApi}, {@link io.github.yclientsbot.yclients.RecordsApi},
 * {@link io.github.yclientsbot.yclients.AuthApi}) over one
 * HTTP core that owns the headers, the envelope and its error shapes, the rate limit, retries and the deadline; its
 * DTO records; and {@link io.github.yclientsbot.yclients.BookingLinkBuilder} for customer deep links into the online
 * booking form.
 *
 * <p>Everything here is immutable and thread-safe. No class in this package ever puts a token or a
 * password into an exception message, a {@code toString()} or a log line.
 */
package io.github.yclientsbot.yclients;
