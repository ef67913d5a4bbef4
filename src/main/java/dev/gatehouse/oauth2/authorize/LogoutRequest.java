package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A logout in progress (Hydra's logout request): REQUESTED, then ACCEPTED (verifier handed out) or REJECTED,
 * then DONE once the verifier came back from the same browser and the sessions ended.
 *
 * @param rpVerified the relying party proved itself with a valid {@code id_token_hint}: no need to ask the user
 */
public record LogoutRequest(UUID id, TenantId tenant, String challengeHash, Optional<String> verifierHash,
                            String csrfHash, Status status, Optional<String> subject, Optional<String> loginSessionId,
                            Optional<String> clientId, boolean rpInitiated, boolean rpVerified,
                            Optional<String> postLogoutRedirectUri, Optional<String> state, String requestUrl,
                            Instant expiresAt) {

    /** The longest request URL a logout request keeps (its column's size); longer logout requests are refused. */
    public static final int MAX_REQUEST_URL = 8192;

    public enum Status { REQUESTED, ACCEPTED, REJECTED, DONE }

    public LogoutRequest moveTo(Status next, Optional<String> verifier) {
        return new LogoutRequest(id, tenant, challengeHash, verifier.or(() -> verifierHash), csrfHash, next, subject,
                loginSessionId, clientId, rpInitiated, rpVerified, postLogoutRedirectUri, state, requestUrl, expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
