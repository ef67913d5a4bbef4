package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.Templates;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code remote} and {@code remote_json} share: POST to {@code remote} with the caller's headers, then
 * the templated {@code headers} (which win over a caller's header of the same name); 200 allows, 403 denies,
 * anything else (and a timeout) is an internal error that denies. Headers named in
 * {@code forward_response_headers_to_upstream} are copied from the answer to the upstream request.
 */
final class RemoteDecision {

    private RemoteDecision() {
    }

    static void call(RemoteCalls remote, JsonObject config, AuthenticationSession session, Map<String, String> requestHeaders,
                     byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(requestHeaders);
        HandlerConfigs.object(config, "headers").forEach((k, v) -> {
            headers.keySet().removeIf(k::equalsIgnoreCase);
            headers.put(k, Templates.render(((jakarta.json.JsonString) v).getString(), session));
        });
        RemoteCalls.Reply reply = remote.post(URI.create(HandlerConfigs.string(config, "remote").orElseThrow()), headers, body);
        if (reply.status() == 403) {
            throw GatewayException.forbidden("the remote authorizer denied the request");
        }
        if (reply.status() != 200) {
            throw GatewayException.internal("the remote authorizer answered " + reply.status());
        }
        for (String name : HandlerConfigs.strings(config, "forward_response_headers_to_upstream")) {
            reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(e -> session.headers().put(name, String.join(",", e.getValue())));
        }
    }

    static void validate(JsonObject config) {
        HandlerConfigs.httpUrl(config, "remote", "remote")
                .orElseThrow(() -> new IllegalArgumentException("remote is required"));
        HandlerConfigs.object(config, "headers").values().forEach(v -> Templates.check(((jakarta.json.JsonString) v).getString()));
        HandlerConfigs.strings(config, "forward_response_headers_to_upstream");
    }
}
