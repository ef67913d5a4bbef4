package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
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
    public void authorize(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        // allowed
    }
}
