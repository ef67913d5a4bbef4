package dev.gatehouse.jwk;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Stored key sets. Every method names its tenant; nothing reads across tenants except the rotation sweep. Every method
 * runs in the caller's transaction.
 */
public interface KeyRepository {

    /** Every key of the set, retired or not, newest activation first. */
    List<SigningKey> keys(TenantId tenant, KeySetName set);

    /** Every key of every set of the tenant, newest activation first. */
    List<SigningKey> keys(TenantId tenant);

    /** The (tenant, set) pairs that hold keys: the rotation job's work list. */
    List<SetRef> setsWithKeys();

    /**
     * Runs {@code work} holding the set's row lock (creating the row first if needed) until the caller's
     * transaction ends, so that on any number of nodes only one at a time creates, rotates or replaces the set's keys.
     */
    <T> T underLock(TenantId tenant, KeySetName set, Function<LockedSet, T> work);

    /** Deletes the set's keys; returns what was deleted. */
    List<SigningKey> deleteSet(TenantId tenant, KeySetName set);

    /** Deletes one key; false if the set has no such key. */
    boolean deleteKey(TenantId tenant, KeySetName set, String kid);

    /** Deletes keys whose retirement time has passed, across tenants; returns what was deleted. */
    List<SigningKey> deleteRetired(Instant now);

    /** A set seen by the rotation sweep. */
    record SetRef(TenantId tenant, KeySetName set) {
    }

    /** The set while its lock is held. */
    interface LockedSet {
        List<SigningKey> keys();

        void insert(SigningKey key);

        /** Gives every key that still signs the retirement time {@code at}: a newer key takes over. */
        void retireSigners(Instant at);
    }
}
