package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.kernel.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code oauth2_client_credentials}, as Oathkeeper's: responsible when the request carries
 * {@code Authorization: Basic}; the credentials are exchanged at {@code token_url} (default our own
 * {@code /oauth2/token} under the tenant's issuer) for a token with {@code required_scope}. Success authenticates the request as that
 * client (subject = client id); a refusal is 401.
 */
@ApplicationScoped
public class ClientCredentialsAuthenticator implements Authenticator {

    @Inject
    ClientCredentialsExchange exchange;

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("token_url", "required_scope", "cache.enabled", "cache.ttl")
                .ignoring("retry", "cache.max_tokens");
    }

    @Override
    public String name() {
        return "oauth2_client_credentials";
    }

    @Override
    public Bound bind(JsonObject config) {
        ClientCredentialsConfig c = ClientCredentialsConfig.parse(config);
        return (request, session) -> authenticate(request, c, session);
    }

    private boolean authenticate(GatewayRequest request, ClientCredentialsConfig config, AuthenticationSession session) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GatewayException.unauthorized("malformed basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw GatewayException.unauthorized("malformed basic credentials");
        }
        String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        exchange.exchange(request, config.exchange(), header.get(), config.requiredScope())
                .orElseThrow(() -> GatewayException.unauthorized("client credentials were refused"));
        session.subject(clientId);
        session.extra(JsonP.createObjectBuilder().add("client_id", clientId).build());
        return true;
    }
}
