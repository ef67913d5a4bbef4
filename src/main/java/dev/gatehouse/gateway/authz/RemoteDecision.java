package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.RemoteCalls;

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

    static void call(RemoteCalls remote, RemoteConfig config, AuthenticationSession session, Map<String, String> requestHeaders,
                     byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(requestHeaders);
        config.headers().forEach((k, template) -> {
            headers.keySet().removeIf(k::equalsIgnoreCase);
            headers.put(k, template.render(session));
        });
        RemoteCalls.Reply reply = remote.post(config.remote(), headers, body);
        if (reply.status() == 403) {
            throw GatewayException.forbidden("the remote authorizer denied the request");
        }
        if (reply.status() != 200) {
            throw GatewayException.internal("the remote authorizer answered " + reply.status());
        }
        for (String name : config.forwardResponseHeaders()) {
            reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(e -> session.headers().put(name, String.join(",", e.getValue())));
        }
    }
}
