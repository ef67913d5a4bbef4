package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
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

    /** Refused; {@code matched} is null when no single rule matched. */
    record Denied(CompiledRule matched, GatewayException error) implements Decision {
        @Override
        public Optional<Rule> rule() {
            return Optional.ofNullable(matched).map(CompiledRule::rule);
        }
    }
}
