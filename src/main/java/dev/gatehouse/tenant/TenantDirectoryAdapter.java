package dev.gatehouse.tenant;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The platform's {@link TenantDirectory}, over the tenant repository. */
@ApplicationScoped
public class TenantDirectoryAdapter implements TenantDirectory {

    private TenantRepository tenants;

    protected TenantDirectoryAdapter() {
    }

    @Inject
    public TenantDirectoryAdapter(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public List<TenantId> ids(int offset, int limit) {
        return tenants.list(offset, limit).stream().map(Tenant::id).toList();
    }
}
