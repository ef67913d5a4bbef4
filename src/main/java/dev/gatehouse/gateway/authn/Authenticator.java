package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/**
 * One authenticator handler, as Oathkeeper's: a rule lists several, they are tried in order, and the first
 * that is responsible for the request's credentials decides. A new handler is one CDI bean implementing
 * this interface; the registry finds it by {@link #name()} and, when a rule that names it is loaded, binds it
 * to that rule's configuration ({@link #bind}).
 */
public interface Authenticator {

    /** The handler name rules use, e.g. {@code cookie_session}. */
    String name();

    /**
     * The config keys this handler accepts; any other key refuses the rule at load
     * ({@link dev.gatehouse.gateway.engine.HandlerRegistry}). None by default.
     */
    default ConfigKeys configKeys() {
        return ConfigKeys.NONE;
    }

    /**
     * This handler for one rule: {@code config} (the rule's over the global one) is parsed here, once, when the
     * rule is loaded.
     *
     * @throws IllegalArgumentException naming the key whose value is not acceptable
     */
    Bound bind(JsonObject config);

    /** An authenticator bound to its parsed configuration: what a decision runs. */
    @FunctionalInterface
    interface Bound {

        /**
         * @return {@code false} when not responsible (no credentials of this kind: the next one is tried);
         *         {@code true} when it authenticated the request and filled in the session
         * @throws dev.gatehouse.gateway.GatewayException when responsible but the credentials are not valid
         */
        boolean authenticate(GatewayRequest request, AuthenticationSession session);
    }
}
