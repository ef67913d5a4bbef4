package dev.gatehouse.platform.lease;

import java.time.Instant;

/**
 * Where the jobs' leases live ({@code job_lease}), shared by every node: one row per job, its holder and when the
 * lease expires. Every method runs in the caller's transaction.
 */
public interface JobLeases {

    /**
     * Gives {@code holder} the lease of {@code job} until {@code until} if nobody holds it at {@code now} (no row yet,
     * or the lease expired) or {@code holder} does already (a renewal); answers whether {@code holder} has it now.
     * When two nodes claim at once, one gets it and the other is told no.
     */
    boolean claim(String job, String holder, Instant now, Instant until);

    /**
     * Extends {@code holder}'s lease of {@code job} to {@code until} if nobody has claimed it since {@code holder} did
     * (even if it expired meanwhile); answers whether it did. What {@code holder} began under its lease may then be
     * committed in this transaction: another node that wants the lease waits for it to end.
     */
    boolean renew(String job, String holder, Instant until);

    /** Ends {@code holder}'s lease of {@code job} at {@code now}, if it still holds it, so another node may start at once. */
    void release(String job, String holder, Instant now);
}
