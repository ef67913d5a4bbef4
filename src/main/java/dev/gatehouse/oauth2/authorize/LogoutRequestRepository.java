package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.util.Optional;

/** Stores {@link LogoutRequest}s; look-ups by the HMAC of their challenge or verifier, locked for update. */
public interface LogoutRequestRepository extends ExpiredRows {

    void insert(LogoutRequest request);

    Optional<LogoutRequest> findByChallenge(TenantId tenant, String hash);

    Optional<LogoutRequest> findByVerifier(TenantId tenant, String hash);

    void update(LogoutRequest request);
}
