package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;

/**
 * A store whose rows expire (tokens and grants, authorization and logout requests, remembered login sessions and
 * consents, seen client assertion ids, self-service flows, sessions, one-time codes, sign-in throttle rows, sent
 * mail): the clean-up job deletes, tenant by tenant and one bounded batch per transaction, what may go. A store joins
 * the clean-up by implementing this (its repository interface extends it, or its adapter implements it): the job
 * finds every such bean and knows no table itself.
 */
public interface ExpiredRows {

    /**
     * What one batch may delete.
     *
     * @param now    when the clean-up run started (for stores that keep rows for a retention of their own)
     * @param cutoff rows that expired before this may go: now minus the grace that lets a late use still be
     *               told "expired" rather than "not found"
     * @param size   at most this many rows
     */
    record Batch(Instant now, Instant cutoff, int size) {
    }

    /**
     * Deletes at most {@code batch.size()} of the tenant's rows that may go, in the caller's transaction; returns
     * how many. Fewer than the size means nothing is left to delete.
     */
    int deleteExpired(TenantId tenant, Batch batch);
}
