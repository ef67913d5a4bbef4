package dev.gatehouse.oauth2.consent;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores {@link ConsentSession}s; scoped by tenant. A remembered consent's row goes with the clean-up once it is no
 * longer remembered and its login session is gone (until then a logout of that session still notifies the client).
 */
public interface ConsentSessionRepository extends ExpiredRows {

    void insert(ConsentSession session);

    /** The subject's active consents, newest first, for one client or all. */
    List<ConsentSession> active(TenantId tenant, String subject, Optional<String> clientId);

    /** Ends the subject's active consents, for one client or all; how many ended. */
    int revoke(TenantId tenant, String subject, Optional<String> clientId);

    /** The clients that got a consent under a login session (they receive back-channel logout tokens). */
    Set<String> clientsOfLoginSession(TenantId tenant, String loginSessionId);
}
