package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/**
 * One error handler: writes the answer to a denied request. Which one runs is decided by the {@code when}
 * conditions in its configuration ({@link WhenConditions}), as in Oathkeeper; the rest of the configuration
 * is the handler's, parsed once when the rule is loaded ({@link #bind}).
 */
public interface ErrorHandler {

    String name();

    /**
     * The config keys this handler accepts besides {@code when}; any other key refuses the rule at load
     * ({@link dev.gatehouse.gateway.engine.HandlerRegistry}). None by default.
     */
    default ConfigKeys configKeys() {
        return ConfigKeys.NONE;
    }

    /**
     * This handler for one rule (or as a fallback), its (merged) {@code config} parsed once.
     *
     * @throws IllegalArgumentException naming the key whose value is not acceptable
     */
    Bound bind(JsonObject config);

    /** An error handler bound to its parsed configuration. */
    @FunctionalInterface
    interface Bound {

        ErrorAnswer handle(GatewayRequest request, GatewayException error);
    }
}
