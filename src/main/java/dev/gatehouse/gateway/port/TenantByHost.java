package dev.gatehouse.gateway.port;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.Optional;

/** The tenant a host name is registered to, for the reverse proxy, which chooses the tenant by host. */
public interface TenantByHost {

    /** The tenant {@code host} belongs to; empty when no tenant registered it. */
    Optional<TenantId> tenantOf(String host);
}
