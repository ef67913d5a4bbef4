package dev.gatehouse.gateway.rule;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;

import java.util.Objects;

/**
 * One handler of a rule, {@code {"handler": "jwt", "config": {...}}}: its name and the configuration that
 * overrides the handler's global configuration for this rule.
 */
public record HandlerRef(String handler, JsonObject config) {

    public HandlerRef {
        Objects.requireNonNull(handler, "handler");
        config = config == null ? JsonObject.EMPTY_JSON_OBJECT : config;
    }

    public static HandlerRef of(String handler) {
        return new HandlerRef(handler, JsonObject.EMPTY_JSON_OBJECT);
    }

    JsonObject toJson() {
        return JsonP.createObjectBuilder().add("handler", handler).add("config", config).build();
    }
}
