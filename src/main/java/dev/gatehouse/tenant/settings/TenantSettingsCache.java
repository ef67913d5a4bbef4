package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.kernel.cache.BoundedCache;
import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.EffectiveConfig;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.TenantSettable;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The {@link EffectiveConfig} of the request's tenant, from a per-node cache of each tenant's settings. The database
 * is the truth: an entry lives {@code gatehouse.tenant.settings-cache-ttl}, so a change made on another node is in
 * force here within that time; a change made on this node is in force here as soon as it is committed. At most
 * {@code gatehouse.tenant.cache-size} tenants are held. Stored values that no longer fit the global configuration
 * (it changed after they were stored) are not used: the capability's global configuration applies, with a warning.
 */
@ApplicationScoped
public class TenantSettingsCache implements EffectiveConfig {

    private static final Logger LOG = Logs.of(TenantSettingsCache.class);

    private Function<TenantId, Map<String, String>> loader;
    private SettingsCatalog catalog;
    private Supplier<TenantId> currentTenant;
    private TenantConfig config;
    private Clock clock;
    private BoundedCache<TenantId, Snapshot> cache;
    /** Counts forgotten changes, so that settings read before a change was committed are not cached after it. */
    private final AtomicLong generation = new AtomicLong();
    private final Object puts = new Object();

    protected TenantSettingsCache() {
    }

    @Inject
    public TenantSettingsCache(TenantSettingsService settings, SettingsCatalog catalog, CurrentTenant tenant,
                               BeanManager beans, TenantConfig config, Clock clock) {
        this(settings::values, catalog, () -> requestActive(beans) && tenant.isResolved() ? tenant.id() : null, config, clock);
    }

    /**
     * @param loader        a tenant's stored settings, read from the database in a transaction of its own
     * @param currentTenant the request's tenant, or null outside a request
     */
    public TenantSettingsCache(Function<TenantId, Map<String, String>> loader, SettingsCatalog catalog,
                               Supplier<TenantId> currentTenant, TenantConfig config, Clock clock) {
        this.loader = loader;
        this.catalog = catalog;
        this.currentTenant = currentTenant;
        this.config = config;
        this.clock = clock;
        this.cache = new BoundedCache<>(config.cacheSize(), clock);
    }

    @Override
    public <C extends CapabilityConfig> C of(TenantSettable<C> settable) {
        TenantId tenant = currentTenant.get();
        return tenant == null ? catalog.global(settable) : snapshot(tenant).config(settable);
    }

    /**
     * A named tenant's configuration of {@code settable}'s capability, from the same cache, for work that knows its
     * tenant but may run outside that tenant's request (recording an event, a scheduled job).
     */
    public <C extends CapabilityConfig> C of(TenantId tenant, TenantSettable<C> settable) {
        return snapshot(tenant).config(settable);
    }

    /** Forgets this node's copy of a tenant's settings once a change to them is committed. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantSettingsChanged change) {
        forget(change.tenant());
    }

    public void forget(TenantId tenant) {
        synchronized (puts) {
            generation.incrementAndGet();
            cache.removeIf(tenant::equals);
        }
    }

    /**
     * The tenant's cached settings, or loads them. What was loaded is kept only if no change was forgotten while it
     * was read: a load that began before a commit may have read the old values, and must not outlive the commit.
     */
    private Snapshot snapshot(TenantId tenant) {
        return cache.get(tenant).orElseGet(() -> {
            long before = generation.get();
            Snapshot loaded = new Snapshot(tenant, Map.copyOf(loader.apply(tenant)));
            synchronized (puts) {
                if (generation.get() == before) {
                    cache.put(tenant, loaded, clock.instant().plus(config.settingsCacheTtl()));
                }
            }
            return loaded;
        });
    }

    private static boolean requestActive(BeanManager beans) {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    /** One tenant's settings as loaded, and the typed configurations read from them so far. */
    private final class Snapshot {
        private final TenantId tenant;
        private final Map<String, String> values;
        private final Map<String, CapabilityConfig> typed = new ConcurrentHashMap<>();

        Snapshot(TenantId tenant, Map<String, String> values) {
            this.tenant = tenant;
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        <C extends CapabilityConfig> C config(TenantSettable<C> settable) {
            return (C) typed.computeIfAbsent(settable.capability(), c -> read(settable));
        }

        private <C extends CapabilityConfig> C read(TenantSettable<C> settable) {
            try {
                return catalog.effective(settable, values);
            } catch (InvalidConfigException e) {
                LOG.warning("Tenant " + tenant + ": its " + settable.capability() + " settings no longer fit the global"
                        + " configuration (" + e.key() + ": " + e.problem() + "); the global " + settable.capability()
                        + " configuration applies to it until its settings are changed");
                return catalog.global(settable);
            }
        }
    }
}
