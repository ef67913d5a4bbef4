package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.rule.Rule;

import java.util.List;

/** The outcome of matching a request against a rule set: exactly one rule, none, or several. */
public sealed interface RuleMatch {

    /** The one rule that matched, with its capture groups (regexp strategy; empty under glob). */
    record Found(CompiledRule compiled, List<String> captureGroups) implements RuleMatch {
        public Found {
            captureGroups = List.copyOf(captureGroups);
        }

        public Rule rule() {
            return compiled.rule();
        }
    }

    /** No rule matched: Oathkeeper answers 404. */
    record NoRule() implements RuleMatch {
    }

    /** More than one rule matched: a configuration error, Oathkeeper answers 500. */
    record Ambiguous(List<String> ruleIds) implements RuleMatch {
        public Ambiguous {
            ruleIds = List.copyOf(ruleIds);
        }
    }
}
