package io.github.yclientsbot.company;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small cache of values loaded from YCLIENTS. Concurrent misses for the same key make one call:
 * the loader runs under a per-key lock and the others wait for its result.
 */
final class TtlCache<V> {
    @FunctionalInterface
    interface Loader<V> {
        V load() throws Exception;
    }

    private record Entry<V>(V value, Instant loadedAt) {}

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    TtlCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    @SuppressWarnings("unchecked")
    <E extends Exception> V get(String key, Loader<V> loader, Class<E> allowed) throws E {
        Entry<V> e = fresh(key);
        if (e != null) {
            return e.value();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            e = fresh(key);
            if (e != null) {
                return e.value();
            }
            try {
                V v = loader.load();
                entries.put(key, new Entry<>(v, clock.instant()));
                return v;
            } catch (RuntimeException ex) {
                throw ex;
            } catch (Exception ex) {
                if (allowed.isInstance(ex)) {
                    throw (E) ex;
                }
                throw new IllegalStateException(ex);
            }
        }
    }

    private Entry<V> fresh(String key) {
        Entry<V> e = entries.get(key);
        if (e != null && e.loadedAt().plus(ttl).isAfter(clock.instant())) {
            return e;
        }
        return null;
    }

    void clear() {
        entries.clear();
    }
}
