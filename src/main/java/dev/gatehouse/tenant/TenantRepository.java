package dev.gatehouse.tenant;

import dev.gatehouse.kernel.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Where tenants are kept. The tenant table is the one table that is not itself tenant-scoped. */
public interface TenantRepository {

    Optional<Tenant> find(TenantId id);

    /** The tenant a host name is mapped to (host compared in lower case). */
    Optional<Tenant> findByHost(String host);

    List<Tenant> list(int offset, int limit);

    /** Stores a new tenant; fails with {@link DuplicateTenantException} if the id or a host is taken. */
    void create(Tenant tenant);
}
