package dev.gatehouse.gateway.mutate;

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
    public Bound bind(JsonObject config) {
        return (request, session) -> {
            // nothing to change
        };
    }
}
