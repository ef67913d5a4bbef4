package dev.gatehouse.jwk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small least-recently-used map whose entries expire: what a node remembers of key sets. Nodes are
 * stateless, so this is only ever a copy of the database that is at most {@code ttl} old (and dropped at
 * once on this node's own changes).
 */
final class BoundedCache<K, V> {

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> map;

    BoundedCache(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > BoundedCache.this.maxEntries;
            }
        };
    }

    synchronized Optional<Entry<V>> get(K key) {
        Entry<V> e = map.get(key);
        if (e == null || !e.loadedAt().plus(ttl).isAfter(clock.instant())) {
            map.remove(key);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    synchronized Entry<V> put(K key, V value) {
        Entry<V> e = new Entry<>(value, clock.instant());
        map.put(key, e);
        return e;
    }

    synchronized void removeIf(Predicate<K> which) {
        map.keySet().removeIf(which);
    }

    /** A value and when it was read from the database. */
    record Entry<V>(V value, Instant loadedAt) {
    }
}
