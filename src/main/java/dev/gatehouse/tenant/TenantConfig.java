package dev.gatehouse.tenant;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/** {@code gatehouse.tenant.*}: how requests are resolved to tenants. */
@ApplicationScoped
public class TenantConfig implements CapabilityConfig {

    private Duration cacheTtl;
    private Duration settingsCacheTtl;
    private int cacheSize;
    private boolean pathPrefix;

    protected TenantConfig() {
    }

    @Inject
    public TenantConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.cacheTtl = r.duration("cache-ttl");
        this.settingsCacheTtl = r.duration("settings-cache-ttl");
        this.cacheSize = r.intInRange("cache-size", 1, 1_000_000);
        this.pathPrefix = r.bool("path-prefix");
    }

    @Override
    public String capability() {
        return "tenant";
    }

    /** How long a node trusts its cached host/id look-ups before asking the database again. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** How long a node uses its copy of a tenant's settings: the bound for a change to reach every node. */
    public Duration settingsCacheTtl() {
        return settingsCacheTtl;
    }

    /** How many tenants' look-ups (and, separately, settings) a node holds at most. */
    public int cacheSize() {
        return cacheSize;
    }

    /** Whether {@code /t/{tenant}/...} selects a tenant. */
    public boolean pathPrefix() {
        return pathPrefix;
    }
}
