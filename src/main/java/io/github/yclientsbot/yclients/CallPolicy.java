package io.github.yclientsbot.yclients;

import java.time.Duration;

/**
 * How hard the client tries: a total deadline per call (what an admin or customer waits at most),
 * retries of failures that may pass (429, 5xx, network), and their back-off.
 *
 * @param deadline     all attempts of one call and the back-offs between them; the wait for a slot of the rate
 *                     limit is not counted (it has a bound of its own, {@link io.github.yclientsbot.ratelimit.Shares})
 * @param maxAttempts  1 = no retry
 * @param firstBackoff the wait before the second attempt; doubled each time, with jitter
 */
public record CallPolicy(Duration deadline, int maxAttempts, Duration firstBackoff) {
    /** Production: 5 seconds, three attempts, 250 ms before the second. */
    public static final CallPolicy DEFAULT = new CallPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(250));

    /** One attempt, bounded by OkHttp's whole-call timeout of {@link YclientsClient#defaultHttpClient()}. */
    public static final CallPolicy ONE_ATTEMPT = new CallPolicy(Duration.ofSeconds(15), 1, Duration.ZERO);

    public CallPolicy {
        if (deadline.isNegative() || deadline.isZero() || maxAttempts < 1 || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("invalid call policy");
        }
    }
}
