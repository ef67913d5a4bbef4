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

    /**
     * The tenants, ordered by id, whose id or display name contains {@code text} or one of whose hosts is
     * {@code text} (letters compared in lower case).
     */
    List<Tenant> search(String text, int offset, int limit);

    /** The tenant, its row locked until the transaction ends, so changes to one tenant's hosts are serialised. */
    Optional<Tenant> lock(TenantId id);

    /** Maps {@code host} (lower case) to the tenant; fails with {@link DuplicateTenantException} if another has it. */
    void addHost(TenantId id, String host);

    /** Takes {@code host} from the tenant; false when the tenant did not have it. */
    boolean removeHost(TenantId id, String host);

    /** Stores a new tenant; fails with {@link DuplicateTenantException} if the id or a host is taken. */
    void create(Tenant tenant);
}
