package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * {@code owner} (Gatehouse's own): the subject owns the resource. The owner is a regexp capture group
 * ({@code capture_group}, 0 by default) or, when {@code path_segment} is given, that segment of the
 * normalised path (0 is the first after {@code /}). It must equal the subject exactly; an anonymous
 * (empty) subject owns nothing.
 */
@ApplicationScoped
public class OwnerAuthorizer implements Authorizer {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("capture_group", "path_segment");
    }

    @Override
    public String name() {
        return "owner";
    }

    @Override
    public Bound bind(JsonObject config) {
        OwnerConfig c = OwnerConfig.parse(config);
        return (request, session) -> authorize(request, c, session);
    }

    private static void authorize(GatewayRequest request, OwnerConfig config, AuthenticationSession session) {
        String owner;
        if (config.pathSegment().isPresent()) {
            List<String> segments = List.of(request.target().path().substring(1).split("/", -1));
            int n = config.pathSegment().getAsInt();
            owner = n < segments.size() ? segments.get(n) : "";
        } else {
            int n = config.captureGroup();
            owner = n < session.captureGroups().size() ? session.captureGroups().get(n) : "";
        }
        if (session.subject().isEmpty() || !session.subject().equals(owner)) {
            throw GatewayException.forbidden("the subject does not own the resource");
        }
    }
}
