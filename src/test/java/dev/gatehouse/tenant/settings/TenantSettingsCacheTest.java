package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.TenantConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantSettingsCacheTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final LimitsSettable LIMITS = new LimitsSettable("limits");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T09:00:00Z"));
    private final TenantConfig config = new TenantConfig(ShippedConfig.with("gatehouse.tenant.settings-cache-ttl", "30s"));
    private final SettingsCatalog catalog = new SettingsCatalog(LimitsSettable.global("limits"), List.of(LIMITS));
    private final Map<TenantId, Map<String, String>> database = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private TenantId current = ACME;
    /** What happens on another thread while the next load has read the database and not yet returned. */
    private Runnable duringNextLoad = () -> { };

    private final TenantSettingsCache cache = new TenantSettingsCache(tenant -> {
        loads.incrementAndGet();
        Map<String, String> read = database.getOrDefault(tenant, Map.of());
        Runnable meanwhile = duringNextLoad;
        duringNextLoad = () -> { };
        meanwhile.run();
        return read;
    }, catalog, () -> current, config, clock);

    @Test
    void ofWhenAChangeIsCommittedWhileLoadingThenTheOldValuesAreNotKept() {
        database.put(ACME, Map.of("limits.min", "12"));
        duringNextLoad = () -> {
            database.put(ACME, Map.of("limits.min", "16"));
            cache.forget(ACME);
        };

        int during = cache.of(LIMITS).min();

        assertEquals(12, during, "the load read the settings before the change");
        assertEquals(16, cache.of(LIMITS).min(), "and was not cached past the change");
        assertEquals(2, loads.get());
    }

    @Test
    void ofWhenTenantsSetDifferentValuesThenEachGetsItsOwn() {
        database.put(ACME, Map.of("limits.min", "12"));
        database.put(GLOBEX, Map.of("limits.min", "20", "limits.max", "40"));

        int acme = cache.of(LIMITS).min();
        current = GLOBEX;

        assertEquals(12, acme);
        assertEquals(new LimitsSettable.Limits(20, 40, true, 3), cache.of(LIMITS));
    }

    @Test
    void ofWhenTenantSetNothingThenGlobal() {
        assertEquals(catalog.global(LIMITS), cache.of(LIMITS));
    }

    @Test
    void ofWhenNoTenantResolvedThenGlobalWithoutReadingSettings() {
        current = null;

        assertEquals(catalog.global(LIMITS), cache.of(LIMITS));
        assertEquals(0, loads.get());
    }

    @Test
    void ofWhenChangedElsewhereThenOldValueUntilTtlThenNew() {
        database.put(ACME, Map.of("limits.min", "12"));
        assertEquals(12, cache.of(LIMITS).min());
        database.put(ACME, Map.of("limits.min", "16"));

        clock.advance(Duration.ofSeconds(29));
        int beforeTtl = cache.of(LIMITS).min();
        clock.advance(Duration.ofSeconds(1));

        assertEquals(12, beforeTtl);
        assertEquals(16, cache.of(LIMITS).min());
        assertEquals(2, loads.get());
    }

    @Test
    void ofWhenChangedHereThenNewAtOnceAndOtherTenantsKept() {
        database.put(ACME, Map.of("limits.min", "12"));
        cache.of(LIMITS);
        current = GLOBEX;
        cache.of(LIMITS);
        database.put(ACME, Map.of("limits.min", "16"));

        cache.forget(ACME);
        current = ACME;

        assertEquals(16, cache.of(LIMITS).min());
        current = GLOBEX;
        cache.of(LIMITS);
        assertEquals(3, loads.get());
    }

    @Test
    void ofWhenStoredValuesNoLongerFitGlobalThenGlobal() {
        database.put(ACME, Map.of("limits.min", "500"));

        assertEquals(catalog.global(LIMITS), cache.of(LIMITS));
    }
}
