package dev.gatehouse.platform.db;

import dev.gatehouse.tenant.TenantId;

import java.time.Instant;

/**
 * A store whose rows expire (tokens, grants, authorization and logout requests): the clean-up job deletes, tenant by
 * tenant, what expired before a cutoff. A repository joins the clean-up by extending this.
 */
public interface ExpiredRows {

    /** Deletes the tenant's rows that expired before {@code cutoff}; returns how many. */
    int deleteExpired(TenantId tenant, Instant cutoff);
}
