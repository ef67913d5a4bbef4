package dev.gatehouse.gateway.authn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** {@code noop}: lets every request through unauthenticated, with an empty subject. */
@ApplicationScoped
public class NoopAuthenticator implements Authenticator {

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public Bound bind(JsonObject config) {
        return (request, session) -> true;
    }
}
