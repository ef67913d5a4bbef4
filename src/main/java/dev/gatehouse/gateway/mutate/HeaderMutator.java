package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code header}: sets {@code config.headers} ({@code {"X-User": "{{ print .Subject }}"}}) on the upstream
 * request. Every enforcement point removes the client's own headers of those names first, so
 * {@code X-User} cannot be forged.
 */
@ApplicationScoped
public class HeaderMutator implements Mutator {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("headers");
    }

    @Override
    public String name() {
        return "header";
    }

    @Override
    public void mutate(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        TemplatedValues.render(config, "headers", session, session.headers());
    }

    @Override
    public void validate(JsonObject config) {
        TemplatedValues.validate(config, "headers");
    }
}
