package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** {@code deny}: no request may pass (403). */
@ApplicationScoped
public class DenyAuthorizer implements Authorizer {

    @Override
    public String name() {
        return "deny";
    }

    @Override
    public Bound bind(JsonObject config) {
        return (request, session) -> {
            throw GatewayException.forbidden("the deny authorizer refuses every request");
        };
    }
}
