package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.Map;
import java.util.Optional;

/**
 * {@code bearer_token}: responsible when the request carries a token (by default
 * {@code Authorization: Bearer}, or where {@code token_from} says); checks it as a session token of our
 * identity service, or at {@code check_session_url} (the {@code Authorization} header is forwarded).
 */
@ApplicationScoped
public class BearerTokenAuthenticator implements Authenticator {

    @Inject
    SessionCheck check;

    @Override
    public ConfigKeys configKeys() {
        return SessionCheckConfig.KEYS.and(TokenFrom.KEYS).and(ConfigKeys.of("prefix"));
    }

    @Override
    public String name() {
        return "bearer_token";
    }

    @Override
    public Bound bind(JsonObject config) {
        BearerTokenConfig c = BearerTokenConfig.parse(config);
        return (request, session) -> authenticate(request, c, session);
    }

    private boolean authenticate(GatewayRequest request, BearerTokenConfig config, AuthenticationSession session) {
        Optional<String> token = config.tokenFrom().read(request);
        if (token.isEmpty()) {
            return false;
        }
        check.check(config.check(), token.get(), Map.of("Authorization", "Bearer " + token.get(), "Accept", "application/json"),
                request, session);
        return true;
    }
}
