package dev.gatehouse.gateway.rule;

/**
 * A database rule write that found the rule in the other state than it needs: a create whose id another write
 * took first, or a replace of a rule deleted meanwhile. Thrown inside the write's transaction, which rolls back.
 */
public class RuleWriteConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean exists;

    public RuleWriteConflict(String ruleId, boolean exists) {
        super("rule " + ruleId + (exists ? " exists" : " does not exist"));
        this.exists = exists;
    }

    /** True when the rule exists (a create lost the race), false when it is gone (a replace lost). */
    public boolean exists() {
        return exists;
    }
}
