package dev.gatehouse.kernel.tenant;

import jakarta.enterprise.context.RequestScoped;

import java.util.Objects;

/**
 * The tenant of the current request, set once by the tenant filter. Repositories of every capability read
 * {@link #id()} to scope their queries.
 */
@RequestScoped
public class CurrentTenant {

    private TenantId id;
    private String displayName;

    public TenantId id() {
        if (id == null) {
            throw new IllegalStateException("no tenant resolved for this request");
        }
        return id;
    }

    public String displayName() {
        id();
        return displayName;
    }

    public boolean isResolved() {
        return id != null;
    }

    /** Called once per request by the tenant filter. */
    public void set(TenantId id, String displayName) {
        if (this.id != null && !this.id.equals(id)) {
            throw new IllegalStateException("tenant already resolved for this request");
        }
        this.id = Objects.requireNonNull(id);
        this.displayName = displayName;
    }
}
