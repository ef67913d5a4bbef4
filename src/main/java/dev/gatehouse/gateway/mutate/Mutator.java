package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.json.JsonObject;

/** One mutator handler: turns the session into what the upstream receives (headers, cookies, claims). */
public interface Mutator {

    String name();

    void mutate(GatewayRequest request, JsonObject config, AuthenticationSession session);

    default void validate(JsonObject config) {
    }
}
