package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import java.util.Map;

/** {@code www_authenticate}: 401 with {@code WWW-Authenticate: Basic realm="<realm>"}, as Oathkeeper answers. */
@ApplicationScoped
public class WwwAuthenticateErrorHandler implements ErrorHandler {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("realm");
    }

    @Override
    public String name() {
        return "www_authenticate";
    }

    @Override
    public Bound bind(JsonObject config) {
        String realm = HandlerConfigs.string(config, "realm").orElse("Please authenticate.");
        if (realm.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\')) {
            throw new IllegalArgumentException("realm must not hold quotes or control characters");
        }
        ErrorAnswer answer = new ErrorAnswer(401, Map.of("WWW-Authenticate", "Basic realm=\"" + realm + "\"",
                "Cache-Control", "no-store"), "text/plain", "");
        return (request, error) -> answer;
    }
}
