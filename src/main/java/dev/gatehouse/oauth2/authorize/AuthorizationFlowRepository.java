package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.util.Optional;

/** Stores {@link AuthorizationFlow}s; look-ups by the HMAC of a challenge or verifier, scoped by tenant. */
public interface AuthorizationFlowRepository extends ExpiredRows {

    /** Which stored hash a look-up goes by. */
    enum By { LOGIN_CHALLENGE, LOGIN_VERIFIER, CONSENT_CHALLENGE, CONSENT_VERIFIER }

    void insert(AuthorizationFlow flow);

    /** The flow, locked for update until the transaction ends, so that a challenge or verifier is used once. */
    Optional<AuthorizationFlow> findForUpdate(TenantId tenant, By by, String hash);

    void update(AuthorizationFlow flow);
}
