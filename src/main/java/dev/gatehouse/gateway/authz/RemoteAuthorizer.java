package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code remote}, as Oathkeeper's: POSTs the original request body (empty for a GET) to {@code config.remote}
 * with the request's {@code Content-Type} (none when it had none) and {@code Authorization}, plus the templated
 * {@code headers}. The body is read here, bounded by {@code gatehouse.gateway.remote.max-body-size} (longer:
 * 413, nothing forwarded), and the enforcement point passes the same bytes on to the upstream.
 *
 * @see <a href="https://www.ory.sh/docs/oathkeeper/pipeline/authz#remote">Oathkeeper: remote authorizer</a>
 */
@ApplicationScoped
public class RemoteAuthorizer implements Authorizer {

    @Inject
    RemoteCalls remote;

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("remote", "headers", "forward_response_headers_to_upstream").ignoring("retry");
    }

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public Bound bind(JsonObject config) {
        RemoteConfig c = RemoteConfig.parse(config);
        return (request, session) -> authorize(request, c, session);
    }

    private void authorize(GatewayRequest request, RemoteConfig config, AuthenticationSession session) {
        byte[] body = request.body().read();
        Map<String, String> headers = new LinkedHashMap<>();
        request.header("Content-Type").ifPresent(v -> headers.put("Content-Type", v));
        request.header("Authorization").ifPresent(v -> headers.put("Authorization", v));
        RemoteDecision.call(remote, config, session, headers, body);
    }
}
