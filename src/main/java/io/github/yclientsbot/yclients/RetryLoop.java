package io.github.yclientsbot.yclients;

import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.FairScheduler;
import io.github.yclientsbot.ratelimit.Sleeper;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one call is tried under a {@link CallPolicy}: each attempt first takes a slot of the caller's share of the
 * budget ({@link FairScheduler}; not getting one in time is {@link YclientsException.Kind#BUSY}, and nothing is
 * sent), then runs with what is left of the call's deadline as its timeout; a failure that may pass (see
 * {@link #mayRetry}) is tried again after a back-off — doubled each time with jitter, or {@code Retry-After} when
 * YCLIENTS sends one — unless the back-off would end past the deadline, in which case the failure is thrown at
 * once. The deadline counts the HTTP attempts and the back-offs between them, not the wait for budget: that wait
 * has a bound of its own ({@link io.github.yclientsbot.ratelimit.Shares#waitFor}), so a customer who waits in line
 * still gets the whole deadline for YCLIENTS to answer. Time is injected: the deadline is read on {@code nanoTime}
 * and back-offs wait on {@code sleeper}.
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

  private final FairScheduler budget;
  private final CallPolicy policy;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  RetryLoop(FairScheduler budget, CallPolicy policy, LongSupplier nanoTime, Sleeper sleeper) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  FairScheduler budget() {
    return budget;
  }

  <T> T run(Caller caller, String method, String path, Attempt<T> attempt) throws YclientsException {
    // what is left of the deadline: HTTP attempts and back-offs use it up, waiting for budget does not
    long left = policy.deadline().toNanos();
    for (int n = 1; ; n++) {
      awaitBudget(caller, method, path);
      long started = nanoTime.getAsLong();
      try {
        return attempt.run(left);
      } catch (YclientsException e) {
        left -= nanoTime.getAsLong() - started;
        if (e.httpStatus() == 429) {
          // YCLIENTS counts differently from us just now: everyone waits as it asks, not only this call
          budget.pause(backoffNanos(1, e.retryAfterSeconds() == null ? 1L : e.retryAfterSeconds()));
        }
        if (n >= policy.maxAttempts() || !mayRetry(method, e)) {
          throw e;
        }
        long backoff = backoffNanos(n, e.retryAfterSeconds());
        if (backoff >= left) {
          throw e;
        }
        log.debug("YCLIENTS {} {} failed ({}), attempt {} of {}; retrying in {} ms", method, path,
            e.httpStatus() > 0 ? "HTTP " + e.httpStatus() : e.kind(), n, policy.maxAttempts(), backoff / 1_000_000);
        long sleeping = nanoTime.getAsLong();
        try {
          sleeper.sleepNanos(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        left -= nanoTime.getAsLong() - sleeping;
      }
    }
  }

  /**
   * Waits for a slot of {@code caller}'s share of the budget (YCLIENTS's limits are per IP, so one budget serves
   * every call), as long as the share allows; the call's deadline starts counting only after it.
   */
  private void awaitBudget(Caller caller, String method, String path) throws YclientsException {
    try {
      // a write (book_check, book_code, book_record, a cancellation) completes what its customer waits for
      if (!budget.acquire(caller, !"GET".equals(method))) {
        throw new YclientsException(YclientsException.Kind.BUSY, method, path, 0, null,
            "not sent: too many requests to YCLIENTS right now (the bot keeps under 5 a second and 200 a minute)",
            null, null);
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
