package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.List;

/**
 * The ids of every tenant, page by page, for jobs that work through all of them (the clean-up job). Implemented
 * by the tenant capability; runs in the caller's transaction.
 */
public interface TenantDirectory {

    /** At most {@code limit} tenant ids from {@code offset} on, in a stable order. */
    List<TenantId> ids(int offset, int limit);
}
