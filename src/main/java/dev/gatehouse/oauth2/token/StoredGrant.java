package dev.gatehouse.oauth2.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A grant as stored: the root of a chain of access and refresh tokens. For {@code authorization_code} it is the
 * {@link AuthorizationGrant} its code stood for; for {@code client_credentials} the client is its own subject.
 *
 * @param codeExpiresAt when its code expires (authorization_code only)
 * @param codeUsedAt    when its code was redeemed; a second redemption is a replay
 * @param revokedAt     when the whole chain was revoked
 */
public record StoredGrant(UUID id, String clientId, String subject, String grantType, Set<String> scopes,
                          Set<String> audience, Optional<String> redirectUri, Optional<String> codeChallenge,
                          Optional<String> nonce, Optional<Instant> authTime, Optional<String> acr, List<String> amr,
                          Optional<String> sessionId, Optional<String> consentRequestId, String idTokenClaims,
                          String accessTokenClaims, Instant requestedAt, Optional<Instant> codeExpiresAt,
                          Optional<Instant> codeUsedAt, Optional<Instant> revokedAt) {

    public StoredGrant {
        scopes = Set.copyOf(scopes);
        audience = Set.copyOf(audience);
        amr = List.copyOf(amr);
    }

    /** The grant behind a new authorization code. */
    public static StoredGrant ofCode(UUID id, AuthorizationGrant g, Instant codeExpiresAt) {
        return new StoredGrant(id, g.clientId(), g.subject(), "authorization_code", g.grantedScopes(),
                g.grantedAudience(), g.redirectUri(), g.codeChallenge(), g.nonce(),
                Optional.of(g.authTime()), g.acr(), g.amr(), g.sessionId(), Optional.ofNullable(g.consentRequestId()),
                orEmpty(g.idTokenClaims()), orEmpty(g.accessTokenClaims()), g.requestedAt(),
                Optional.of(codeExpiresAt), Optional.empty(), Optional.empty());
    }

    /** The grant of one client_credentials request: the client acts for itself. */
    public static StoredGrant ofClient(UUID id, String clientId, Set<String> scopes, Set<String> audience, Instant now) {
        return new StoredGrant(id, clientId, clientId, "client_credentials", scopes, audience, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), "{}", "{}", now, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    private static String orEmpty(String json) {
        return json == null || json.isBlank() ? "{}" : json;
    }
}
