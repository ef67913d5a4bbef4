package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.errors.ErrorAnswer;
import dev.gatehouse.gateway.rule.Rule;

import java.util.Optional;

/** What the gateway decided about one request. */
public sealed interface Decision {

    /** The rule that matched, if one did. */
    Optional<Rule> rule();

    /** Let through, with the session whose headers and cookies go to the upstream. */
    record Allowed(CompiledRule matched, AuthenticationSession session) implements Decision {
        @Override
        public Optional<Rule> rule() {
            return Optional.of(matched.rule());
        }
    }

    /**
     * Refused; {@code matched} is null when no single rule matched. {@code answer} is what the error handlers
     * answered when the engine ran them as part of the decision (so their spans are the decision's children), null
     * when they are still to be asked ({@link DecisionEngine#answer}).
     */
    record Denied(CompiledRule matched, GatewayException error, ErrorAnswer answer) implements Decision {

        public Denied(CompiledRule matched, GatewayException error) {
            this(matched, error, null);
        }

        @Override
        public Optional<Rule> rule() {
            return Optional.ofNullable(matched).map(CompiledRule::rule);
        }
    }
}
