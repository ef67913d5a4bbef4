package dev.gatehouse.oauth2.consent;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores {@link ConsentSession}s; scoped by tenant. */
public interface ConsentSessionRepository {

    void insert(ConsentSession session);

    /** The subject's active consents, newest first, for one client or all. */
    List<ConsentSession> active(TenantId tenant, String subject, Optional<String> clientId);

    /** Ends the subject's active consents, for one client or all; how many ended. */
    int revoke(TenantId tenant, String subject, Optional<String> clientId);

    /** The clients that got a consent under a login session (they receive back-channel logout tokens). */
    Set<String> clientsOfLoginSession(TenantId tenant, String loginSessionId);
}
