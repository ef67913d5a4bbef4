package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** {@code unauthorized}: refuses every request (401); useful as the last entry of a list. */
@ApplicationScoped
public class UnauthorizedAuthenticator implements Authenticator {

    @Override
    public String name() {
        return "unauthorized";
    }

    @Override
    public Bound bind(JsonObject config) {
        return (request, session) -> {
            throw GatewayException.unauthorized("the unauthorized authenticator refuses every request");
        };
    }
}
