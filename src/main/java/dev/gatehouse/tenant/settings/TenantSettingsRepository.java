package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/** Where tenants' settings are kept, by key ({@code password.min-length}) as text. Callers supply the transaction. */
public interface TenantSettingsRepository {

    /** The values {@code tenant} has set; empty when none (or no such tenant). */
    SortedMap<String, String> find(TenantId tenant);

    boolean exists(TenantId tenant);

    /**
     * Locks the tenant's settings against concurrent changes until the transaction ends.
     *
     * @return false when there is no such tenant
     */
    boolean lock(TenantId tenant);

    /** Makes {@code values} the tenant's whole set of settings: keys not in it are removed. */
    void replace(TenantId tenant, Map<String, String> values, Instant at);
}
