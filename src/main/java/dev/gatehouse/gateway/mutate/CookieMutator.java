package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code cookie}: sets {@code config.cookies} ({@code {"user": "{{ print .Subject }}"}}) in the upstream
 * request's {@code Cookie} header, replacing client cookies of the same names.
 */
@ApplicationScoped
public class CookieMutator implements Mutator {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("cookies");
    }

    @Override
    public String name() {
        return "cookie";
    }

    @Override
    public void mutate(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        TemplatedValues.render(config, "cookies", session, session.cookies());
        for (String value : session.cookies().values()) {
            if (value.indexOf(';') >= 0) {
                throw dev.gatehouse.gateway.GatewayException.internal("a cookie value would hold ';'");
            }
        }
    }

    @Override
    public void validate(JsonObject config) {
        TemplatedValues.validate(config, "cookies");
    }
}
