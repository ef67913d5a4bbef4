package dev.gatehouse.kernel.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.kernel.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anEntryIsServedUntilItsExpiryAndNotAtIt() {
        MovableClock clock = new MovableClock(T0);
        BoundedCache<String, String> cache = new BoundedCache<>(10, clock);
        cache.put("k", "v", T0.plusSeconds(30));

        clock.now = T0.plusSeconds(29);
        assertEquals(Optional.of("v"), cache.get("k"));
        clock.now = T0.plusSeconds(30);
        assertEquals(Optional.empty(), cache.get("k"));
        assertEquals(0, cache.size());
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvictedBeyondTheSizeBound() {
        BoundedCache<String, String> cache = new BoundedCache<>(2, new MovableClock(T0));
        Instant later = T0.plus(Duration.ofHours(1));
        cache.put("a", "1", later);
        cache.put("b", "2", later);
        cache.get("a");
        cache.put("c", "3", later);

        assertEquals(2, cache.size());
        assertEquals(Optional.of("1"), cache.get("a"));
        assertEquals(Optional.empty(), cache.get("b"));
        assertEquals(Optional.of("3"), cache.get("c"));
    }

    @Test
    void anExpiryAlreadyPastStoresNothingAndDropsTheOldEntry() {
        BoundedCache<String, String> cache = new BoundedCache<>(10, new MovableClock(T0));
        cache.put("k", "old", T0.plusSeconds(60));
        cache.put("k", "new", T0.minusSeconds(1));

        assertTrue(cache.get("k").isEmpty());
    }

    @Test
    void removeIfDropsOnlyTheMatchingKeys() {
        BoundedCache<String, String> cache = new BoundedCache<>(10, new MovableClock(T0));
        cache.put("acme/a", "1", T0.plusSeconds(60));
        cache.put("other/a", "2", T0.plusSeconds(60));

        cache.removeIf(k -> k.startsWith("acme/"));

        assertEquals(Optional.empty(), cache.get("acme/a"));
        assertEquals(Optional.of("2"), cache.get("other/a"));
    }

    @Test
    void aCacheWithoutRoomIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(0, new MovableClock(T0)));
    }
}
