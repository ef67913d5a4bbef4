package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 7009 revocation by the client the token was issued to. An access token goes alone; a refresh token takes
 * its whole grant with it (every access and refresh token of the chain). An unknown token is not an error
 * (RFC 7009 §2.2); another client's token is refused and stays valid.
 */
@ApplicationScoped
public class TokenRevoker {

    @Inject
    TokenStore store;
    @Inject
    TokenHasher hasher;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    @Transactional
    public void revoke(TenantId tenant, OAuth2Client client, String value) {
        if (value.length() > FormParameters.MAX_VALUE_LENGTH) {
            return;
        }
        Optional<StoredToken> found = store.findToken(tenant, hasher.hash(value));
        if (found.isEmpty()) {
            return;
        }
        StoredToken t = found.get();
        if (!t.clientId().equals(client.clientId())) {
            throw new OAuth2Exception(OAuth2Error.UNAUTHORIZED_CLIENT, "The token was not issued to this client");
        }
        Instant now = clock.instant();
        int revoked = t.kind() == TokenKind.REFRESH ? store.revokeGrant(tenant, t.grantId(), now)
                : store.revokeToken(tenant, t.id(), now) ? 1 : 0;
        if (revoked > 0) {
            events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_TOKEN_REVOKED, Outcome.SUCCESS).tenant(tenant.value())
                    .actor(client.clientId()).client(client.clientId()).subject(t.subject())
                    .detail("token_use", t.kind().tokenUse()).detail("grant_id", t.grantId())
                    .detail("token_count", revoked).detail("reason", "revocation_endpoint"));
        }
    }
}
