package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.authn.Authenticator;
import dev.gatehouse.gateway.authz.Authorizer;
import dev.gatehouse.gateway.errors.ErrorStep;
import dev.gatehouse.gateway.mutate.Mutator;
import dev.gatehouse.gateway.rule.Rule;

import java.util.List;

/**
 * A rule as a decision runs it ({@link RuleCompiler}): its handlers in order, each already bound to its parsed
 * configuration (the rule's over the global one, templates compiled, {@code when} read), so a decision reads no
 * configuration at all. Compiled when the rule is loaded; a reload compiles afresh.
 */
public record CompiledRule(Rule rule, List<Authenticator.Bound> authenticators, Authorizer.Bound authorizer,
                           List<Mutator.Bound> mutators, List<ErrorStep> errors) {

    public CompiledRule {
        authenticators = List.copyOf(authenticators);
        mutators = List.copyOf(mutators);
        errors = List.copyOf(errors);
    }

    public String id() {
        return rule.id();
    }
}
