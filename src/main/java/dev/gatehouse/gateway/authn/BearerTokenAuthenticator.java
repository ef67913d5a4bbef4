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
        return SessionCheck.KEYS.and(TokenFrom.KEYS).and(ConfigKeys.of("prefix"));
    }

    @Override
    public String name() {
        return "bearer_token";
    }

    @Override
    public boolean authenticate(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        Optional<String> token = TokenFrom.read(config, request);
        if (token.isEmpty()) {
            return false;
        }
        check.check(config, token.get(), Map.of("Authorization", "Bearer " + token.get(), "Accept", "application/json"),
                request, session);
        return true;
    }

    @Override
    public void validate(JsonObject config) {
        SessionCheck.validate(config);
        TokenFrom.validate(config);
    }
}
