package dev.gatehouse.gateway.authz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** {@code allow}: every authenticated request may pass. */
@ApplicationScoped
public class AllowAuthorizer implements Authorizer {

    @Override
    public String name() {
        return "allow";
    }

    @Override
    public Bound bind(JsonObject config) {
        return (request, session) -> {
            // allowed
        };
    }
}
