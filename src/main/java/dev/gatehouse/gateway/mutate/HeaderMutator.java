package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.ConfigKeys;
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
    public Bound bind(JsonObject config) {
        TemplatedValues headers = TemplatedValues.parse(config, "headers");
        return (request, session) -> headers.render(session, session.headers());
    }
}
