package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.Template;
import dev.gatehouse.kernel.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    public Bound bind(JsonObject config) {
        RemoteJsonConfig c = RemoteJsonConfig.parse(config);
        return (request, session) -> authorize(c, session);
    }

    private void authorize(RemoteJsonConfig config, AuthenticationSession session) {
        String payload = config.payload().render(session, Template::escapeJson);
        try {
            JsonText.read(payload);
        } catch (jakarta.json.JsonException e) {
            throw GatewayException.internal("remote_json payload is not JSON");
        }
        RemoteDecision.call(remote, config.remote(), session, Map.of("Content-Type", "application/json"),
                payload.getBytes(StandardCharsets.UTF_8));
    }
}
