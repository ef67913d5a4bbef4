package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/** One authorizer handler: decides whether the authenticated subject may make this request. One bean each. */
public interface Authorizer {

    String name();

    /** Returns normally to allow; throws {@link dev.gatehouse.gateway.GatewayException} (forbidden, ...) to deny. */
    void authorize(GatewayRequest request, JsonObject config, AuthenticationSession session);

    default void validate(JsonObject config) {
    }

    /**
     * The config keys this handler accepts; any other key refuses the rule at load
     * ({@link dev.gatehouse.gateway.HandlerRegistry}). None by default.
     */
    default ConfigKeys configKeys() {
        return ConfigKeys.NONE;
    }
}
