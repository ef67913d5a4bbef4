package dev.gatehouse.oauth2.authorize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The body of Hydra's {@code PUT /admin/oauth2/auth/requests/login/accept}, and what the built-in login adds:
 * the identity session it accepts from and when that session authenticated (for {@code auth_time}).
 */
public record LoginAcceptance(String subject, boolean remember, Duration rememberFor, Optional<String> acr,
                              List<String> amr, String context, Optional<IdentitySession> identitySession) {

    /** The Gatehouse identity session behind a built-in login. */
    public record IdentitySession(String id, Instant authenticatedAt) {
    }

    public LoginAcceptance {
        amr = List.copyOf(amr);
    }
}
