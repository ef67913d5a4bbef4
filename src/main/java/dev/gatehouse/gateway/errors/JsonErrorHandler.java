package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.kernel.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;

/**
 * {@code json}: Oathkeeper's error body, {@code {"error":{"code":401,"status":"Unauthorized","message":"..."}}},
 * with the kind's status. The message is the kind's fixed text, never the internal reason; a request refused
 * before matching adds a stable {@code id} ({@code "dot_segment"}) and its {@code reason} ({@code "the path
 * contains a dot segment (. or ..)"}), fields of Oathkeeper's error body too.
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
    public Bound bind(JsonObject config) {
        return (request, error) -> answer(error);
    }

    /** The answer for any request: this handler takes no config that changes it. */
    public static ErrorAnswer answer(GatewayException error) {
        JsonObjectBuilder fields = JsonP.createObjectBuilder();
        error.refusal().ifPresent(r -> fields.add("id", r.id()));
        fields.add("code", error.kind().status()).add("status", error.kind().statusText());
        error.refusal().ifPresent(r -> fields.add("reason", r.text()));
        String body = JsonP.createObjectBuilder().add("error", fields.add("message", error.kind().message())).build().toString();
        return new ErrorAnswer(error.kind().status(), Map.of("Cache-Control", "no-store"), "application/json", body);
    }
}
