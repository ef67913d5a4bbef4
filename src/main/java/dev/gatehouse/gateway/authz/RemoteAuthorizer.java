package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * {@code remote}: asks {@code config.remote} with a POST. Unlike Oathkeeper it does not forward the
 * request body (the decisions API never sees one); it sends the method and URL as JSON instead.
 */
@ApplicationScoped
public class RemoteAuthorizer implements Authorizer {

    @Inject
    RemoteCalls remote;

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public void authorize(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        String body = jakarta.json.Json.createObjectBuilder().add("method", request.target().method())
                .add("url", request.target().url()).add("subject", session.subject()).build().toString();
        RemoteDecision.call(remote, config, session, "application/json", body);
    }

    @Override
    public void validate(JsonObject config) {
        RemoteDecision.validate(config);
    }
}
