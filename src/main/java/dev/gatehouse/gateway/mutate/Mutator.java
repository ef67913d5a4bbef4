package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/**
 * One mutator handler: turns the session into what the upstream receives (headers, cookies, claims). Bound to
 * each rule's configuration when the rule is loaded ({@link #bind}).
 */
public interface Mutator {

    String name();

    /**
     * The config keys this handler accepts; any other key refuses the rule at load
     * ({@link dev.gatehouse.gateway.engine.HandlerRegistry}). None by default.
     */
    default ConfigKeys configKeys() {
        return ConfigKeys.NONE;
    }

    /**
     * This handler for one rule, its (merged) {@code config} parsed and its templates compiled once.
     *
     * @throws IllegalArgumentException naming the key whose value is not acceptable
     */
    Bound bind(JsonObject config);

    /** A mutator bound to its parsed configuration: what a decision runs. */
    @FunctionalInterface
    interface Bound {

        void mutate(GatewayRequest request, AuthenticationSession session);
    }
}
