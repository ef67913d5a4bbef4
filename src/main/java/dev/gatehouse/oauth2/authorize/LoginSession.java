package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A login session of the token server (Hydra's {@code ory_hydra_session}): who signed in to this browser and
 * when. Its id is the {@code sid} of ID and logout tokens. Only a remembered one is tied to a cookie and makes
 * later requests skip the login screen.
 *
 * @param identitySessionId the identity session the built-in login used, which logout ends too
 * @param expiresAt         when a remembered session stops being remembered
 */
public record LoginSession(UUID id, TenantId tenant, String subject, boolean remember,
                           Optional<String> identitySessionId, boolean active, Instant authenticatedAt,
                           Optional<Instant> expiresAt) {

    public boolean isRememberedAt(Instant now) {
        return active && remember && expiresAt.map(now::isBefore).orElse(true);
    }
}
