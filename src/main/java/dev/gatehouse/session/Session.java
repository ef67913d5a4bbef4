package dev.gatehouse.session;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed-in session of an identity.
 *
 * @param aal authenticator assurance level ({@code aal1} for one factor)
 */
public record Session(UUID id, TenantId tenant, IdentityId identity, boolean active, String aal,
                      List<AuthenticationMethod> methods, Instant issuedAt, Instant authenticatedAt,
                      Instant expiresAt, String ipAddress, String userAgent) {

    /** One factor proven. */
    public static final String AAL1 = "aal1";
    /** A second factor joined the first. */
    public static final String AAL2 = "aal2";

    public Session {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(identity);
        methods = List.copyOf(methods);
    }

    public boolean isValidAt(Instant now) {
        return active && now.isBefore(expiresAt);
    }

    /**
     * The same session after one more way of proving who its holder is: the method joins
     * {@code authentication_methods} and the session's level becomes the highest of them (Kratos'
     * {@code CompletedLoginFor} and {@code SetAuthenticatorAssuranceLevel}).
     */
    public Session completedWith(AuthenticationMethod method) {
        List<AuthenticationMethod> all = new java.util.ArrayList<>(methods);
        all.add(method);
        String level = all.stream().map(AuthenticationMethod::aal).max(String::compareTo).orElse(aal);
        return new Session(id, tenant, identity, active, level, all, issuedAt, authenticatedAt, expiresAt, ipAddress, userAgent);
    }

    public Session withExpiry(Instant expiresAt) {
        return new Session(id, tenant, identity, active, aal, methods, issuedAt, authenticatedAt, expiresAt, ipAddress, userAgent);
    }
}
