package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
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
    public boolean authenticate(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        return true;
    }
}
