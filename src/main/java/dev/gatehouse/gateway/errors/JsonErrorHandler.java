package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.Map;

/**
 * {@code json}: Oathkeeper's error body, {@code {"error":{"code":401,"status":"Unauthorized","message":"..."}}},
 * with the kind's status. The message is the kind's fixed text, never the internal reason.
 */
@ApplicationScoped
public class JsonErrorHandler implements ErrorHandler {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.NONE.ignoring("verbose");
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public ErrorAnswer handle(GatewayRequest request, JsonObject config, GatewayException error) {
        String body = Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", error.kind().status())
                .add("status", error.kind().statusText())
                .add("message", error.kind().message())).build().toString();
        return new ErrorAnswer(error.kind().status(), Map.of("Cache-Control", "no-store"), "application/json", body);
    }
}
