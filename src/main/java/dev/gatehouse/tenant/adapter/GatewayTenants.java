package dev.gatehouse.tenant.adapter;

import dev.gatehouse.gateway.port.TenantByHost;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The gateway's {@link TenantByHost}: the tenant resolver and its cache. */
@ApplicationScoped
public class GatewayTenants implements TenantByHost {

    private TenantResolver tenants;

    protected GatewayTenants() {
    }

    @Inject
    public GatewayTenants(TenantResolver tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<TenantId> tenantOf(String host) {
        return tenants.byHost(host).map(Tenant::id);
    }
}
