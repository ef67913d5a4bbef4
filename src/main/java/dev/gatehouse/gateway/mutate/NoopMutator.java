package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** {@code noop}: the upstream gets the request as the client sent it. */
@ApplicationScoped
public class NoopMutator implements Mutator {

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public void mutate(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        // nothing to change
    }
}
