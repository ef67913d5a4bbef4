package dev.gatehouse.tenant;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds tenants by host or id, through a small per-node cache. The database stays the truth: entries
 * expire after {@code gatehouse.tenant.cache-ttl}, so a tenant created on another node is seen by this one
 * within that time (at once, when created here). Look-ups run in a transaction: EclipseLink would
 * otherwise retry a failed read outside one three times, seconds apart, while the database is down.
 */
@ApplicationScoped
public class TenantResolver {

    private TenantRepository repository;
    private TenantConfig config;
    private Clock clock;
    private final Map<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true);

    protected TenantResolver() {
    }

    @Inject
    public TenantResolver(TenantRepository repository, TenantConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Optional<Tenant> byHost(String host) {
        String key = "h:" + host.toLowerCase(Locale.ROOT);
        return cached(key).orElseGet(() -> remember(key, repository.findByHost(host)));
    }

    @Transactional
    public Optional<Tenant> byId(String id) {
        if (!TenantId.isValid(id)) {
            return Optional.empty();
        }
        String key = "i:" + id;
        return cached(key).orElseGet(() -> remember(key, repository.find(new TenantId(id))));
    }

    /** Forget what this node cached, e.g. after a tenant or host mapping changed here. */
    public synchronized void invalidate() {
        cache.clear();
    }

    private synchronized Optional<Optional<Tenant>> cached(String key) {
        Entry e = cache.get(key);
        if (e == null || e.expires.isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(e.tenant);
    }

    private synchronized Optional<Tenant> remember(String key, Optional<Tenant> tenant) {
        cache.put(key, new Entry(tenant, clock.instant().plus(config.cacheTtl())));
        while (cache.size() > config.cacheSize()) {
            cache.remove(cache.keySet().iterator().next());
        }
        return tenant;
    }

    private record Entry(Optional<Tenant> tenant, Instant expires) {
    }
}
