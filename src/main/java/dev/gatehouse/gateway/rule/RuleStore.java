package dev.gatehouse.gateway.rule;

import dev.gatehouse.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** The database rules of each tenant, their history, and a version number that changes with every write. */
public interface RuleStore {

    /** Cheap: what {@link #list} would return changes only when this does. */
    long setVersion(TenantId tenant);

    List<StoredRule> list(TenantId tenant);

    Optional<StoredRule> find(TenantId tenant, String ruleId);

    /** Inserts a new rule (revision 1) or replaces one (next revision); records the version. */
    StoredRule save(TenantId tenant, Rule rule, String actor);

    /** Removes the rule; records a deleting version. */
    boolean delete(TenantId tenant, String ruleId, String actor);

    List<RuleVersion> history(TenantId tenant, String ruleId);
}
