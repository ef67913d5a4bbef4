package dev.gatehouse.gateway.rule;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** The database rules of each tenant, their history, and a version number that changes with every write. */
public interface RuleStore {

    /** Cheap: what {@link #list} would return changes only when this does. */
    long setVersion(TenantId tenant);

    List<StoredRule> list(TenantId tenant);

    Optional<StoredRule> find(TenantId tenant, String ruleId);

    /** Whether a write makes a new rule or replaces one; checked under the tenant's write lock. */
    enum Write {
        CREATE, REPLACE
    }

    /**
     * Inserts a new rule (revision 1, or after the history of a deleted one) or replaces one (next revision) and
     * records the version.
     *
     * @throws RuleWriteConflict when {@code write} is {@code CREATE} and the id is taken, or {@code REPLACE} and it
     *                           is not, as seen by the write itself (so two racing creates cannot both succeed)
     */
    StoredRule save(TenantId tenant, Rule rule, String actor, Write write);

    /** Removes the rule; records a deleting version. */
    boolean delete(TenantId tenant, String ruleId, String actor);

    List<RuleVersion> history(TenantId tenant, String ruleId);
}
