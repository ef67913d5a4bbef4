package dev.gatehouse.platform.throttle;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link FailureCounts} keeps its rows: one per tenant, kind and subject key, shared by all nodes. Every
 * method runs in the caller's transaction.
 */
public interface FailureCountRepository {

    /** A row as counting reads and writes it. */
    record Counted(int failures, Instant firstFailure, Optional<Instant> lockedUntil, int lockouts) {
    }

    /** The subject's row, if it has one. */
    Optional<FailureCounts.Standing> find(TenantId tenant, String kind, String key);

    /**
     * The subject's row, created first (no failures, its window starting {@code now}) if missing, and locked until
     * the transaction ends, so concurrent failures on any node are counted one after the other.
     */
    Counted lock(TenantId tenant, String kind, String key, Instant now);

    /** Writes what counting made of the row {@link #lock} returned. */
    void update(TenantId tenant, String kind, String key, Counted row, Instant now);

    /** Deletes the subject's row of that kind. */
    void delete(TenantId tenant, String kind, String key);

    /** Deletes the subject's rows of every kind; returns how many. */
    int deleteAll(TenantId tenant, String key);

    /** The tenant's rows (of one subject key, if given), most recently changed first, at most {@code limit}. */
    List<FailureCounts.Row> list(TenantId tenant, Optional<String> key, int limit);
}
