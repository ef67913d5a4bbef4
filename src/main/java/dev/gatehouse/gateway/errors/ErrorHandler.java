package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/**
 * One error handler: writes the answer to a denied request. Which one runs is decided by the {@code when}
 * conditions in its configuration ({@link WhenConditions}), as in Oathkeeper.
 */
public interface ErrorHandler {

    String name();

    ErrorAnswer handle(GatewayRequest request, JsonObject config, GatewayException error);

    default void validate(JsonObject config) {
    }

    /**
     * The config keys this handler accepts besides {@code when}; any other key refuses the rule at load
     * ({@link dev.gatehouse.gateway.HandlerRegistry}). None by default.
     */
    default ConfigKeys configKeys() {
        return ConfigKeys.NONE;
    }
}
