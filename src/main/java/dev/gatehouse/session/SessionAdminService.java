package dev.gatehouse.session;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityRepository;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin operations on sessions, Kratos' {@code /admin/sessions} and {@code /admin/identities/{id}/sessions}:
 * list and read the tenant's sessions with their identities, revoke one or all of an identity's. Unknown,
 * malformed and other tenants' ids are all "not found".
 */
@ApplicationScoped
public class SessionAdminService {

    private static final String BY_ADMIN = "revoked by an administrator";

    @Inject
    SessionRepository repository;
    @Inject
    SessionService sessions;
    @Inject
    IdentityRepository identities;

    /** A session with its identity, which is absent only when it was deleted while the session was read. */
    public record Expanded(Session session, Optional<Identity> identity) {
    }

    @Transactional
    public List<Expanded> list(TenantId tenant, SessionFilter filter, int offset, int limit) {
        Map<IdentityId, Optional<Identity>> read = new HashMap<>();
        return repository.list(tenant, filter, offset, limit).stream()
                .map(s -> new Expanded(s, read.computeIfAbsent(s.identity(), i -> identities.find(tenant, i))))
                .toList();
    }

    @Transactional
    public Expanded get(TenantId tenant, String id) {
        Session s = session(tenant, id);
        return new Expanded(s, identities.find(tenant, s.identity()));
    }

    @Transactional
    public void revoke(TenantId tenant, String id, String actor) {
        sessions.revoke(tenant, session(tenant, id).id(), actor, BY_ADMIN);
    }

    /** The identity's sessions that pass the filter, last signed in first. */
    @Transactional
    public List<Expanded> ofIdentity(TenantId tenant, String identityId, SessionFilter filter, int offset, int limit) {
        Identity identity = identity(tenant, identityId);
        return repository.listByIdentity(tenant, identity.id(), filter, null, offset, limit).stream()
                .map(s -> new Expanded(s, Optional.of(identity)))
                .toList();
    }

    /** Revokes every session of the identity; returns how many were active. */
    @Transactional
    public int revokeAll(TenantId tenant, String identityId, String actor) {
        return sessions.revokeOthers(tenant, identity(tenant, identityId).id(), null, actor, BY_ADMIN);
    }

    private Session session(TenantId tenant, String id) {
        return Ids.parseUuid(id).flatMap(i -> repository.find(tenant, i)).orElseThrow(SessionService::notFound);
    }

    private Identity identity(TenantId tenant, String id) {
        return IdentityId.parse(id).flatMap(i -> identities.find(tenant, i))
                .orElseThrow(() -> ApiException.notFound("No identity with this id"));
    }
}
