package dev.gatehouse.oauth2.consent;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A consent a subject gave a client at the end of one authorization request (its id is that request's consent
 * challenge id). A remembered one, while active and unexpired, covers later requests for no more than it granted.
 *
 * @param rememberFor zero means until revoked
 */
public record ConsentSession(UUID id, TenantId tenant, String subject, String clientId,
                             Optional<String> loginSessionId, List<String> requestedScope,
                             List<String> requestedAudience, List<String> grantedScope, List<String> grantedAudience,
                             boolean remember, Duration rememberFor, String idTokenClaims, String accessTokenClaims,
                             String requestUrl, Instant handledAt, Optional<Instant> expiresAt, boolean active) {

    public ConsentSession {
        requestedScope = List.copyOf(requestedScope);
        requestedAudience = List.copyOf(requestedAudience);
        grantedScope = List.copyOf(grantedScope);
        grantedAudience = List.copyOf(grantedAudience);
    }

    /** Whether this consent, remembered, still answers a request for these scopes and audiences. */
    public boolean covers(List<String> scope, List<String> audience, Instant now) {
        return active && remember && expiresAt.map(now::isBefore).orElse(true)
                && grantedScope.containsAll(scope) && grantedAudience.containsAll(audience);
    }
}
