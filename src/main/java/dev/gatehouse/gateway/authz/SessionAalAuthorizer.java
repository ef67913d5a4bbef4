package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * {@code session_aal} (Gatehouse's own; Oathkeeper has no authorizer for it): the subject's session must be at
 * {@code required_aal} or above, else 403. The level is read from {@code Extra}: {@code aal}, which
 * {@code cookie_session} and {@code bearer_token} set for our sessions, or Kratos' whoami member
 * {@code authenticator_assurance_level} (a session checked at a {@code check_session_url} with
 * {@code extra_from: "@this"}). A subject with neither, such as an access token's, is refused: it proves no level.
 */
@ApplicationScoped
public class SessionAalAuthorizer implements Authorizer {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("required_aal");
    }

    @Override
    public String name() {
        return "session_aal";
    }

    @Override
    public Bound bind(JsonObject config) {
        SessionAalConfig c = SessionAalConfig.parse(config);
        return (request, session) -> authorize(c, session);
    }

    private static void authorize(SessionAalConfig config, AuthenticationSession session) {
        String held = level(session.extra(), "aal");
        if (held == null) {
            held = level(session.extra(), "authenticator_assurance_level");
        }
        if (held == null || !config.satisfiedBy(held)) {
            throw GatewayException.forbidden("the session is not at " + config.requiredAal());
        }
    }

    private static String level(JsonObject extra, String path) {
        JsonValue v = HandlerConfigs.path(extra, path);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
