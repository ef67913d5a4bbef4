package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/** One mutator handler: turns the session into what the upstream receives (headers, cookies, claims). */
public interface Mutator {

    String name();

    void mutate(GatewayRequest request, JsonObject config, AuthenticationSession session);

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
