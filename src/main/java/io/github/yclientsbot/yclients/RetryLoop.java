package io.github.yclientsbot.yclients;

import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one call is tried under a {@link CallPolicy}: each attempt first takes a slot of the rate limiter's budget,
 * then runs with what is left of the call's deadline as its timeout; a failure that may pass (see
 * {@link #mayRetry}) is tried again after a back-off — doubled each time with jitter, or {@code Retry-After} when
 * YCLIENTS sends one — unless the back-off would end past the deadline, in which case the failure is thrown at
 * once. Time is injected: the deadline is read on {@code nanoTime} and back-offs wait on {@code sleeper}.
 *
 * <p>Why not Resilience4j's Retry or Failsafe's RetryPolicy: both wait on the real clock (Resilience4j's sleep
 * function is one static for the whole JVM, Failsafe calls {@code Thread.sleep}), neither gives up at once when
 * {@code Retry-After} ends past the deadline (Failsafe's max duration shortens the wait and tries again anyway,
 * Resilience4j has no deadline), neither hands an attempt what is left of the deadline as its HTTP timeout, and
 * Failsafe wraps our checked {@link YclientsException}. What they would replace is the loop below.
 */
final class RetryLoop {
  /** One attempt, given the nanoseconds left before the call's deadline. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(long timeoutNanos) throws YclientsException;
  }

  private static final Logger log = LoggerFactory.getLogger(RetryLoop.class);

  private final RequestLimiter limiter;
  private final CallPolicy policy;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  RetryLoop(RequestLimiter limiter, CallPolicy policy, LongSupplier nanoTime, Sleeper sleeper) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  RequestLimiter limiter() {
    return limiter;
  }

  <T> T run(String method, String path, Attempt<T> attempt) throws YclientsException {
    long deadline = nanoTime.getAsLong() + policy.deadline().toNanos();
    for (int n = 1; ; n++) {
      awaitBudget(method, path, deadline);
      try {
        return attempt.run(deadline - nanoTime.getAsLong());
      } catch (YclientsException e) {
        if (n >= policy.maxAttempts() || !mayRetry(method, e)) {
          throw e;
        }
        long backoff = backoffNanos(n, e.retryAfterSeconds());
        if (nanoTime.getAsLong() + backoff >= deadline) {
          throw e;
        }
        log.debug("YCLIENTS {} {} failed ({}), attempt {} of {}; retrying in {} ms", method, path,
            e.httpStatus() > 0 ? "HTTP " + e.httpStatus() : e.kind(), n, policy.maxAttempts(), backoff / 1_000_000);
        try {
          sleeper.sleepNanos(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Waits for a slot of the shared budget (YCLIENTS's limits are per IP), as long as {@code untilNanos} allows. Today
   * that bound is the call's deadline, so the wait counts against it.
   */
  private void awaitBudget(String method, String path, long untilNanos) throws YclientsException {
    try {
      if (!limiter.acquire(untilNanos)) {
        throw new YclientsException(YclientsException.Kind.TIMEOUT, method, path, 0, null,
            "too many requests to YCLIENTS right now (the bot keeps under 5 a second and 200 a minute)", null, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new YclientsException(YclientsException.Kind.TIMEOUT, method, path, 0, null, "interrupted", null, e);
    }
  }

  /**
   * Reads (GET) are retried on anything that may pass; writes only when YCLIENTS cannot have acted on them: 429, or
   * a connection that was never made.
   */
  static boolean mayRetry(String method, YclientsException e) {
    boolean unprocessed = e.httpStatus() == 429
        || (e.kind() == YclientsException.Kind.NETWORK && e.getCause() instanceof java.net.ConnectException);
    if (!"GET".equals(method)) {
      return unprocessed;
    }
    return unprocessed || e.isUnavailable();
  }

  private long backoffNanos(int attempt, Long retryAfterSeconds) {
    if (retryAfterSeconds != null) {
      return retryAfterSeconds * 1_000_000_000L;
    }
    long base = policy.firstBackoff().toNanos() << (attempt - 1);
    return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }
}
