package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
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
    public ErrorAnswer handle(GatewayRequest request, JsonObject config, GatewayException error) {
        String realm = HandlerConfigs.string(config, "realm").orElse("Please authenticate.");
        return new ErrorAnswer(401, Map.of("WWW-Authenticate", "Basic realm=\"" + realm + "\"", "Cache-Control", "no-store"),
                "text/plain", "");
    }

    @Override
    public void validate(JsonObject config) {
        HandlerConfigs.string(config, "realm").ifPresent(r -> {
            if (r.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\')) {
                throw new IllegalArgumentException("realm must not hold quotes or control characters");
            }
        });
    }
}
