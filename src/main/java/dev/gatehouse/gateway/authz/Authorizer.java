package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/**
 * One authorizer handler: decides whether the authenticated subject may make this request. One bean each, bound
 * to each rule's configuration when the rule is loaded ({@link #bind}).
 */
public interface Authorizer {

    String name();

    /**
     * The config keys this handler accepts; any other key refuses the rule at load
     * ({@link dev.gatehouse.gateway.engine.HandlerRegistry}). None by default.
     */
    default ConfigKeys configKeys() {
        return ConfigKeys.NONE;
    }

    /**
     * This handler for one rule, its (merged) {@code config} parsed once.
     *
     * @throws IllegalArgumentException naming the key whose value is not acceptable
     */
    Bound bind(JsonObject config);

    /** An authorizer bound to its parsed configuration: what a decision runs. */
    @FunctionalInterface
    interface Bound {

        /** Returns normally to allow; throws {@link dev.gatehouse.gateway.GatewayException} (forbidden, ...) to deny. */
        void authorize(GatewayRequest request, AuthenticationSession session);
    }
}
