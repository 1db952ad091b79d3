package io.github.yclientsbot.company;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.yclientsbot.yclients.YclientsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Values loaded from YCLIENTS, kept for a fixed time after loading (Caffeine underneath). Concurrent misses for one
 * key make one call: {@link Cache#get} runs the loader at most once per key while the others wait for its value. A
 * failed load is not cached: its caller gets the {@link YclientsException} as it came, and the next caller (or one
 * that was waiting) loads again. Time is the injected {@link Clock}, so a test that moves its clock sees entries
 * expire.
 *
 * <p>The load runs inside the map's compute, which locks one hash bin, and a bin can hold other keys: a miss for a
 * key that shares it waits for the call in progress (at most the call's deadline), as can the cache's clean-up. With
 * one company, one catalog and a handful of specialist lists that is rare and short. Caffeine's remedy, an
 * {@code AsyncCache} of pending values, logs a WARNING with a stack trace for every failed load, so it would need a
 * wrapper for failures; not worth it at this size.
 */
final class YclientsCache<K, V> {
    /** Loads one value from YCLIENTS. */
    @FunctionalInterface
    interface Loader<V> {
        V load() throws YclientsException;
    }

    /**
     * Far more than the bot ever holds: one company, its catalog, a list of specialists per service, and for the
     * short cache of what can be booked, the days and the free times of each specialist and day looked at.
     */
    private static final long MAX_ENTRIES = 10_000;

    private final Cache<K, V> cache;

    YclientsCache(Clock clock, Duration ttl) {
        Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker(clock))
                // clean-up runs on the calling thread: nothing on the common pool, nothing left running in tests
                .executor(Runnable::run)
                .build();
    }

    /** The cached value of {@code key}, or the loader's (then cached); a failed load is thrown and not cached. */
    V get(K key, Loader<V> loader) throws YclientsException {
        try {
            return cache.get(key, k -> {
                try {
                    return Objects.requireNonNull(loader.load(), "a YCLIENTS loader returned null");
                } catch (YclientsException e) {
                    throw new LoadFailed(e);
                }
            });
        } catch (LoadFailed e) {
            throw e.failure();
        }
    }

    /** Forgets every value (an admin changed the tokens or the company). */
    void clear() {
        cache.invalidateAll();
    }

    /** Forgets the values whose key matches (what a booking changed); a load in progress for one is not waited for. */
    void invalidateIf(Predicate<K> stale) {
        cache.asMap().keySet().removeIf(stale);
    }

    /** Caffeine reads nanoseconds; these follow the clock the bot was given. */
    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** Carries the checked failure of a load through Caffeine's {@code Function}. */
    private static final class LoadFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadFailed(YclientsException failure) {
            super(failure.getMessage(), failure, false, false);
        }

        YclientsException failure() {
            return (YclientsException) getCause();
        }
    }
}
