package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small LRU cache with a size bound and a per-entry expiry, for handler answers (introspection results,
 * exchanged client credentials). Keys are hashes of credentials, never the credentials themselves. The
 * caller picks each entry's expiry, so it can be the configured TTL or the token's own {@code exp},
 * whichever comes first. Thread-safe.
 */
public final class BoundedCache<V> {

    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Entry<V>> entries;

    private record Entry<V>(V value, Instant expires) {
    }

    public BoundedCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry");
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > BoundedCache.this.maxEntries;
            }
        };
    }

    public synchronized Optional<V> get(String key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /** Keeps {@code value} until {@code expires}; an expiry already past stores nothing. */
    public synchronized void put(String key, V value, Instant expires) {
        if (clock.instant().isBefore(expires)) {
            entries.put(key, new Entry<>(value, expires));
        } else {
            entries.remove(key);
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
