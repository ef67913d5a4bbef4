package dev.gatehouse.platform.db;

import java.time.Instant;

/**
 * A store whose rows expire (tokens and grants, authorization and logout requests, remembered login sessions and
 * consents, seen client assertion ids, self-service flows, sessions, one-time codes, sign-in throttle rows, sent
 * mail): the clean-up job deletes, one bounded batch per transaction, what may go. A store joins the clean-up by
 * implementing this (its repository interface extends it, or its adapter implements it): the job finds every such
 * bean and knows no table itself.
 * <p>
 * The delete is the one write that crosses tenants: what may go is decided by time alone (the same for every tenant),
 * it reads nothing back, and it never touches a row that is still alive. One statement for all tenants keeps the
 * cost of a run independent of how many tenants there are.
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
     * Deletes at most {@code batch.size()} rows that may go, of any tenant, in the caller's transaction; returns how
     * many. Fewer than the size means nothing is left to delete.
     */
    int deleteExpired(Batch batch);
}
