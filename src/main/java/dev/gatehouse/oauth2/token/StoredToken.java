package dev.gatehouse.oauth2.token;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An access or refresh token as stored (its value is not: only its HMAC).
 *
 * @param jti       the JWT id of a JWT access token
 * @param rotatedAt when a refresh token was exchanged for a new one; using it again is reuse
 */
public record StoredToken(UUID id, UUID grantId, TokenKind kind, Optional<String> jti, String clientId,
                          String subject, Set<String> scopes, Set<String> audience, Instant issuedAt,
                          Instant expiresAt, Optional<Instant> rotatedAt, Optional<Instant> revokedAt) {

    public StoredToken {
        scopes = Set.copyOf(scopes);
        audience = Set.copyOf(audience);
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.isAfter(now);
    }
}
