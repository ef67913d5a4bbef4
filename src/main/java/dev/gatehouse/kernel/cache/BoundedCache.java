package dev.gatehouse.kernel.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small least-recently-used map with a size bound and an expiry per entry: what a node remembers of key sets,
 * introspection answers, exchanged client credentials and minted ID tokens. The caller picks each entry's
 * expiry, so it can be a fixed time to live or a token's own {@code exp}, whichever comes first. Keys that stand
 * for credentials are hashes, never the credentials themselves. Thread-safe.
 */
public final class BoundedCache<K, V> {

    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries;

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
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > BoundedCache.this.maxEntries;
            }
        };
    }

    /** The value, unless it is missing or has expired (an expired entry is dropped). */
    public synchronized Optional<V> get(K key) {
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

    /** Keeps {@code value} until {@code expires}; an expiry already past stores nothing and drops the old entry. */
    public synchronized void put(K key, V value, Instant expires) {
        if (clock.instant().isBefore(expires)) {
            entries.put(key, new Entry<>(value, expires));
        } else {
            entries.remove(key);
        }
    }

    /** Drops the entry of this key, if any. */
    public synchronized void remove(K key) {
        entries.remove(key);
    }

    /** Drops the entries whose keys match, e.g. after this node changed what they copy. */
    public synchronized void removeIf(Predicate<K> which) {
        entries.keySet().removeIf(which);
    }

    public synchronized int size() {
        return entries.size();
    }
}
