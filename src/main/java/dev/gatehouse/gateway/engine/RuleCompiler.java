package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;

/**
 * Turns a rule into what decides with it: checks what the rule model cannot (that the handlers it names exist, are
 * enabled and accept their configuration) and binds each handler to its parsed configuration.
 */
public interface RuleCompiler {

    /** Throws {@link InvalidRuleException} when the rule cannot be used. */
    CompiledRule compile(Rule rule);
}
