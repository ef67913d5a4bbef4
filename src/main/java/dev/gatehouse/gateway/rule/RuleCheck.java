package dev.gatehouse.gateway.rule;

/** Checks what the rule model cannot: that the handlers a rule names exist and accept their configuration. */
public interface RuleCheck {

    /** Throws {@link InvalidRuleException} when the rule cannot be used. */
    void validate(Rule rule);
}
