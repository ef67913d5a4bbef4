package dev.gatehouse.tenant;

import dev.gatehouse.kernel.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant: an isolated set of identities, clients, rules and logs.
 *
 * @param id          identifier and URL slug
 * @param displayName name shown to people
 * @param hosts       host names that select this tenant (lower case)
 * @param createdAt   when it was created
 */
public record Tenant(TenantId id, String displayName, List<String> hosts, Instant createdAt) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
