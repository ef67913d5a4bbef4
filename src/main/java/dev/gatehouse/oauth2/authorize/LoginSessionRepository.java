package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores {@link LoginSession}s with the HMAC of their cookie token; scoped by tenant. A remembered session's row goes
 * with the clean-up once it is no longer remembered; one never remembered has no expiry and stays.
 */
public interface LoginSessionRepository extends ExpiredRows {

    void insert(LoginSession session, String cookieHash);

    Optional<LoginSession> findByCookieHash(TenantId tenant, String cookieHash);

    Optional<LoginSession> find(TenantId tenant, UUID id);

    /** Ends the session; false if it was not active. */
    boolean revoke(TenantId tenant, UUID id);

    /** Ends every active session of the subject and returns them as they were. */
    List<LoginSession> revokeBySubject(TenantId tenant, String subject);
}
