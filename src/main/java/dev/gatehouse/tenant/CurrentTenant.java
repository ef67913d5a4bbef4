package dev.gatehouse.tenant;

import jakarta.enterprise.context.RequestScoped;

import java.util.Objects;

/**
 * The tenant of the current request, set once by {@link TenantFilter}. Repositories of every capability
 * read {@link #id()} to scope their queries.
 */
@RequestScoped
public class CurrentTenant {

    private Tenant tenant;

    public Tenant get() {
        if (tenant == null) {
            throw new IllegalStateException("no tenant resolved for this request");
        }
        return tenant;
    }

    public TenantId id() {
        return get().id();
    }

    public boolean isResolved() {
        return tenant != null;
    }

    void set(Tenant tenant) {
        if (this.tenant != null && !this.tenant.id().equals(tenant.id())) {
            throw new IllegalStateException("tenant already resolved for this request");
        }
        this.tenant = Objects.requireNonNull(tenant);
    }
}
