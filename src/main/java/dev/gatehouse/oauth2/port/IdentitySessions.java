package dev.gatehouse.oauth2.port;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity service's browser sessions, as the token server's login, logout and session revocation use them.
 */
public interface IdentitySessions {

    /**
     * A valid identity session: its id, the identity it belongs to ({@code subject}), when its holder signed in
     * (the first factor; a step-up leaves it), when it expires, its assurance level ({@code aal1}, {@code aal2}),
     * the methods used as RFC 8176 {@code amr} values, whether that level is the one the identity service asks of
     * this identity ({@code assured}: false when the identity has a second factor this session has not given), and
     * whether the identity has a second factor to raise the session with ({@code canRaise}).
     */
    record SignedIn(UUID id, String subject, Instant authenticatedAt, Instant expiresAt, String aal,
                    List<String> amr, boolean assured, boolean canRaise) {

        public SignedIn {
            amr = List.copyOf(amr);
        }
    }

    /** The valid session the request's session cookie belongs to, if any (a session close to expiry is extended). */
    Optional<SignedIn> fromCookie(TenantId tenant, HttpServletRequest request);

    /** Revokes the session {@code id}; whether it was active. */
    boolean revoke(TenantId tenant, UUID id, String actor, String reason);

    /** The cookie that clears the session cookie in the browser. */
    NewCookie clearCookie(HttpServletRequest request);
}
