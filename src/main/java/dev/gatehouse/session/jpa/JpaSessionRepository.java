package dev.gatehouse.session.jpa;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import dev.gatehouse.session.AuthenticationMethod;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionFilter;
import dev.gatehouse.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link SessionRepository} on JPA; every query is scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaSessionRepository implements SessionRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaSessionRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaSessionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(Session s, String tokenHash) {
        SessionEntity e = new SessionEntity();
        e.id = s.id();
        e.tenantId = s.tenant().value();
        e.identityId = s.identity().value();
        e.tokenHash = tokenHash;
        e.active = s.active();
        e.aal = s.aal();
        e.methods = methods(s.methods());
        e.issuedAt = s.issuedAt();
        e.authenticatedAt = s.authenticatedAt();
        e.expiresAt = s.expiresAt();
        e.ipAddress = s.ipAddress() == null ? null : truncate(s.ipAddress(), 64);
        e.userAgent = s.userAgent() == null ? null : truncate(s.userAgent(), 512);
        e.updatedAt = s.issuedAt();
        em.persist(e);
        em.flush();
    }

    @Override
    public Optional<Session> findByTokenHash(TenantId tenant, String tokenHash) {
        return em.createQuery("select s from SessionEntity s where s.tenantId = :t and s.tokenHash = :h", SessionEntity.class)
                .setParameter("t", tenant.value()).setParameter("h", tokenHash)
                .getResultStream().findFirst().map(JpaSessionRepository::toSession);
    }

    @Override
    public Optional<Session> find(TenantId tenant, UUID id) {
        return entity(tenant, id).map(JpaSessionRepository::toSession);
    }

    @Override
    public List<Session> listByIdentity(TenantId tenant, IdentityId identity, SessionFilter filter, UUID except,
                                        int offset, int limit) {
        var q = em.createQuery("select s from SessionEntity s where s.tenantId = :t and s.identityId = :i"
                        + (except == null ? "" : " and s.id <> :except") + clause(filter)
                        + " order by s.authenticatedAt desc, s.id", SessionEntity.class)
                .setParameter("t", tenant.value()).setParameter("i", identity.value());
        if (except != null) {
            q.setParameter("except", except);
        }
        return page(q, filter, offset, limit);
    }

    @Override
    public List<Session> list(TenantId tenant, SessionFilter filter, int offset, int limit) {
        var q = em.createQuery("select s from SessionEntity s where s.tenantId = :t" + clause(filter)
                        + " order by s.issuedAt, s.id", SessionEntity.class)
                .setParameter("t", tenant.value());
        return page(q, filter, offset, limit);
    }

    /** The condition of the filter on {@code s}; it uses {@code :now} unless the filter is {@link SessionFilter#ALL}. */
    private static String clause(SessionFilter filter) {
        return switch (filter) {
            case ALL -> "";
            case ACTIVE -> " and s.active = true and s.expiresAt > :now";
            case INACTIVE -> " and (s.active = false or s.expiresAt <= :now)";
        };
    }

    private static List<Session> page(TypedQuery<SessionEntity> q, SessionFilter filter, int offset, int limit) {
        if (filter != SessionFilter.ALL) {
            q.setParameter("now", Instant.now());
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(JpaSessionRepository::toSession).toList();
    }

    @Override
    public void updateAssurance(Session session) {
        entity(session.tenant(), session.id()).ifPresent(e -> {
            e.aal = session.aal();
            e.methods = methods(session.methods());
            e.updatedAt = Instant.now();
        });
    }

    @Override
    public void extend(TenantId tenant, UUID id, Instant expiresAt) {
        entity(tenant, id).ifPresent(e -> {
            e.expiresAt = expiresAt;
            e.updatedAt = Instant.now();
        });
    }

    @Override
    public boolean revoke(TenantId tenant, UUID id) {
        Optional<SessionEntity> e = entity(tenant, id).filter(x -> x.active);
        e.ifPresent(x -> {
            x.active = false;
            x.updatedAt = Instant.now();
        });
        em.flush();
        return e.isPresent();
    }

    @Override
    public int revokeAll(TenantId tenant, IdentityId identity, UUID keep) {
        int n = 0;
        for (SessionEntity e : em.createQuery("select s from SessionEntity s where s.tenantId = :t and s.identityId = :i and s.active = true",
                SessionEntity.class).setParameter("t", tenant.value()).setParameter("i", identity.value()).getResultList()) {
            if (!e.id.equals(keep)) {
                e.active = false;
                e.updatedAt = Instant.now();
                n++;
            }
        }
        em.flush();
        return n;
    }

    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        return BatchDelete.expired(em, "SessionEntity", batch.cutoff()).run(batch.size());
    }

    private Optional<SessionEntity> entity(TenantId tenant, UUID id) {
        return em.createQuery("select s from SessionEntity s where s.tenantId = :t and s.id = :id", SessionEntity.class)
                .setParameter("t", tenant.value()).setParameter("id", id)
                .getResultStream().findFirst();
    }

    private static Session toSession(SessionEntity e) {
        List<AuthenticationMethod> methods = JsonText.read(e.methods).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(m -> new AuthenticationMethod(m.getString("method"), m.getString("aal"), Instant.parse(m.getString("completed_at")),
                        Optional.ofNullable(m.getString("via", null))))
                .toList();
        return new Session(e.id, new TenantId(e.tenantId), new IdentityId(e.identityId), e.active, e.aal, methods,
                e.issuedAt, e.authenticatedAt, e.expiresAt, e.ipAddress, e.userAgent);
    }

    private static String methods(List<AuthenticationMethod> methods) {
        JsonArrayBuilder a = JsonP.createArrayBuilder();
        methods.forEach(m -> {
            JsonObjectBuilder o = JsonP.createObjectBuilder().add("method", m.method()).add("aal", m.aal())
                    .add("completed_at", m.completedAt().toString());
            m.via().ifPresent(v -> o.add("via", v));
            a.add(o);
        });
        JsonValue v = a.build();
        return v.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
