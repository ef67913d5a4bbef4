package dev.gatehouse.oauth2.token;

import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code client_credentials} (RFC 6749 §4.4): a confidential client acting for itself, so it is its own subject.
 * Requested scopes and audiences must be registered for the client; no refresh token, no ID token. The token is
 * signed (JWT strategy) before the one short transaction that stores it and its grant.
 */
@ApplicationScoped
public class ClientCredentialsGrantHandler implements TokenGrantHandler {

    @Inject
    TokenStore store;
    @Inject
    TokenMinter minter;
    @Inject
    Transactions transactions;
    @Inject
    Clock clock;

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public TokenResponse handle(TokenCall call) {
        OAuth2Client client = call.client();
        if (client.isPublic()) {
            throw new OAuth2Exception(OAuth2Error.UNAUTHORIZED_CLIENT, "A public client cannot use client_credentials");
        }
        Set<String> scopes = Scopes.parse(call.form().optional("scope").orElse(null));
        if (!client.allowsScopes(scopes)) {
            throw new OAuth2Exception(OAuth2Error.INVALID_SCOPE, "The client may not ask for one of the requested scopes");
        }
        Set<String> audience = Scopes.parse(call.form().optional("audience").orElse(null));
        if (!client.allowsAudience(audience)) {
            throw new OAuth2Exception(OAuth2Error.INVALID_SCOPE, "The client may not ask for one of the requested audiences");
        }
        Instant now = clock.instant();
        StoredGrant grant = StoredGrant.ofClient(UUID.randomUUID(), client.clientId(), scopes, audience, now);
        TokenMinter.Minted minted = minter.mint(new TokenMinter.Order(call.tenant(), call.issuer(), client, grant, scopes,
                false, false, Map.of()));
        return transactions.call(() -> {
            store.insertGrant(call.tenant(), grant, Optional.empty(), now);
            return minter.store(minted);
        });
    }
}
