package dev.gatehouse.session;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where sessions are kept, by tenant. A session is deleted by the clean-up job once it expired longer ago than the
 * grace (a revoked one too: until it expires it is listed as inactive).
 */
public interface SessionRepository extends ExpiredRows {

    void insert(Session session, String tokenHash);

    Optional<Session> findByTokenHash(TenantId tenant, String tokenHash);

    Optional<Session> find(TenantId tenant, UUID id);

    /** The identity's sessions that pass the filter, last signed in first, leaving out {@code except} (may be null). */
    List<Session> listByIdentity(TenantId tenant, IdentityId identity, SessionFilter filter, UUID except, int offset, int limit);

    /** The tenant's sessions that pass the filter, in the order they were issued (stable under new sign-ins). */
    List<Session> list(TenantId tenant, SessionFilter filter, int offset, int limit);

    void extend(TenantId tenant, UUID id, Instant expiresAt);

    /** Stores the session's assurance level and authentication methods (after a second factor). */
    void updateAssurance(Session session);

    /** Deactivates one session; false if the tenant has no such active session. */
    boolean revoke(TenantId tenant, UUID id);

    /** Deactivates all sessions of the identity except {@code keep} (may be null); returns how many. */
    int revokeAll(TenantId tenant, IdentityId identity, UUID keep);
}
