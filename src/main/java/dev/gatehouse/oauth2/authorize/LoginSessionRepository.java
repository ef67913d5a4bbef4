package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores {@link LoginSession}s with the HMAC of their cookie token; scoped by tenant. */
public interface LoginSessionRepository {

    void insert(LoginSession session, String cookieHash);

    Optional<LoginSession> findByCookieHash(TenantId tenant, String cookieHash);

    Optional<LoginSession> find(TenantId tenant, UUID id);

    /** Ends the session; false if it was not active. */
    boolean revoke(TenantId tenant, UUID id);

    /** Ends every active session of the subject and returns them as they were. */
    List<LoginSession> revokeBySubject(TenantId tenant, String subject);
}
