package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.Templates;
import dev.gatehouse.kernel.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code remote_json}: POSTs the templated {@code payload} (e.g.
 * {@code {"subject":"{{ print .Subject }}","resource":"{{ printIndex .MatchContext.RegexpCaptureGroups 0 }}"}})
 * to {@code remote}. Substituted values are JSON-escaped, so a subject or path cannot inject JSON; the
 * result must be valid JSON.
 */
@ApplicationScoped
public class RemoteJsonAuthorizer implements Authorizer {

    @Inject
    RemoteCalls remote;

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("remote", "headers", "payload", "forward_response_headers_to_upstream").ignoring("retry");
    }

    @Override
    public String name() {
        return "remote_json";
    }

    @Override
    public void authorize(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        String payload = Templates.render(HandlerConfigs.string(config, "payload").orElse("{}"), session, RemoteJsonAuthorizer::escape);
        try {
            JsonText.read(payload);
        } catch (jakarta.json.JsonException e) {
            throw GatewayException.internal("remote_json payload is not JSON");
        }
        RemoteDecision.call(remote, config, session, Map.of("Content-Type", "application/json"),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    public static String escape(String value) {
        String quoted = Json.createValue(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    @Override
    public void validate(JsonObject config) {
        RemoteDecision.validate(config);
        String payload = HandlerConfigs.string(config, "payload").orElseThrow(() -> new IllegalArgumentException("payload is required"));
        Templates.check(payload);
    }
}
