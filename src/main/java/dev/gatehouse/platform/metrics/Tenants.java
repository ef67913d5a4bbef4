package dev.gatehouse.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** The one {@link TenantLabels} of this node, sized by {@code gatehouse.metrics.tenant-labels}. */
@ApplicationScoped
public class Tenants {

    private TenantLabels labels;

    protected Tenants() {
    }

    @Inject
    public Tenants(MetricsConfig config) {
        this.labels = new TenantLabels(config.tenantLabels(), config.tenantRerank(), Clock.systemUTC());
    }

    public String label(String tenant) {
        return labels.label(tenant);
    }
}
