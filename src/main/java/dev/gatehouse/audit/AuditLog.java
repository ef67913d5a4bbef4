package dev.gatehouse.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log's storage: the outbox requests append to, the per-tenant chains the writer extends, and the reads of
 * the query API, verification and retention. Every method runs in the caller's transaction.
 */
public interface AuditLog {

    /** The chain's end and start of a tenant: its last row written, and where it begins after pruning. */
    record Ends(long headSeq, String headHash, long startSeq, String startHash) {
    }

    /** How many events wait in the outbox, and since when (null when none). */
    record Backlog(long rows, Instant oldest) {
    }

    /**
     * Records an event in the outbox; false when the database could not take it (unreachable, say). It never throws,
     * so a caller's transaction is not marked for rollback by the audit log alone.
     */
    boolean enqueue(AuditEntry entry);

    /**
     * Takes the writer's lock (another writer waits until this transaction ends), moves up to {@code limit} outbox
     * rows, oldest first, to the end of their tenants' chains, and answers how many.
     */
    int moveBatch(int limit, Instant now);

    /** What of the tenant's events still waits in the outbox. */
    Backlog backlog(String tenant);

    /** One page of a tenant's rows that match the filter, in the filter's order. */
    List<AuditRow> find(String tenant, AuditFilter filter);

    /** Up to {@code limit} rows of a tenant's chain after {@code afterSeq}, in seq order. */
    List<AuditRow> chain(String tenant, long afterSeq, int limit);

    /** The first row about {@code identity} (its subject) of one of these types. */
    Optional<AuditRow> firstAbout(String tenant, String identity, List<String> eventTypes);

    Ends ends(String tenant);

    /**
     * Each tenant with rows and when its oldest kept row (the first in chain order) occurred, for the retention job:
     * one read across tenants.
     */
    Map<String, Instant> firstOccurred();

    /** The oldest rows of a tenant, up to {@code limit}, as long as they occurred before {@code cutoff}. */
    List<AuditRow> oldest(String tenant, Instant cutoff, int limit);

    /**
     * Deletes a tenant's rows up to and including {@code throughSeq} and makes that row's hash the chain's start;
     * answers how many rows went.
     */
    int prune(String tenant, long throughSeq, String throughHash, Instant now);
}
