package dev.gatehouse.platform.metrics;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigKey;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/** {@code gatehouse.metrics.*}: how many tenants get a label of their own. */
@ConfigKey(name = "mp.metrics.distribution.timer.buckets", description = "Histogram buckets of Gatehouse's timers,"
        + " read by MicroProfile Metrics: name=bucket,bucket,...;name=... (see the default).")
@ApplicationScoped
public class MetricsConfig implements CapabilityConfig {

    private int tenantLabels;
    private Duration tenantRerank;

    protected MetricsConfig() {
    }

    @Inject
    public MetricsConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.tenantLabels = r.intInRange("tenant-labels", 0, 1000);
        this.tenantRerank = r.duration("tenant-rerank-interval");
    }

    @Override
    public String capability() {
        return "metrics";
    }

    /** The busiest this many tenants are labelled by id; the rest are {@code other}. */
    public int tenantLabels() {
        return tenantLabels;
    }

    /** How often the busiest tenants are chosen again. */
    public Duration tenantRerank() {
        return tenantRerank;
    }
}
