package dev.gatehouse.oauth2.consent.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.consent.ConsentSession;
import dev.gatehouse.oauth2.consent.ConsentSessionRepository;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link ConsentSessionRepository} on JPA; every query is scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaConsentSessionRepository implements ConsentSessionRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaConsentSessionRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaConsentSessionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(ConsentSession s) {
        ConsentSessionEntity e = new ConsentSessionEntity();
        e.id = s.id();
        e.tenantId = s.tenant().value();
        e.subject = s.subject();
        e.clientId = s.clientId();
        e.loginSessionId = s.loginSessionId().orElse(null);
        e.requestedScope = String.join(" ", s.requestedScope());
        e.requestedAudience = String.join(" ", s.requestedAudience());
        e.grantedScope = String.join(" ", s.grantedScope());
        e.grantedAudience = String.join(" ", s.grantedAudience());
        e.remember = s.remember();
        e.rememberFor = s.rememberFor().toSeconds();
        e.sessionIdToken = s.idTokenClaims();
        e.sessionAccessToken = s.accessTokenClaims();
        e.requestUrl = s.requestUrl();
        e.handledAt = s.handledAt();
        e.expiresAt = s.expiresAt().orElse(null);
        e.active = s.active();
        em.persist(e);
        em.flush();
    }

    @Override
    public List<ConsentSession> active(TenantId tenant, String subject, Optional<String> clientId) {
        return query(tenant, subject, clientId).getResultList().stream().map(JpaConsentSessionRepository::toSession).toList();
    }

    @Override
    public int revoke(TenantId tenant, String subject, Optional<String> clientId) {
        List<ConsentSessionEntity> found = query(tenant, subject, clientId).getResultList();
        found.forEach(e -> e.active = false);
        em.flush();
        return found.size();
    }

    @Override
    public Set<String> clientsOfLoginSession(TenantId tenant, String loginSessionId) {
        return new LinkedHashSet<>(em.createQuery("select distinct c.clientId from ConsentSessionEntity c"
                        + " where c.tenantId = :t and c.loginSessionId = :s", String.class)
                .setParameter("t", tenant.value()).setParameter("s", loginSessionId).getResultList());
    }

    /**
     * Native SQL: the consent's login session id is text and the session's id a UUID, which JPQL cannot compare, and
     * JPQL has no limit on a delete. A consent whose login session is still stored stays, so that a logout of that
     * session still reaches the client.
     */
    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        return em.createNativeQuery("DELETE FROM oauth2_consent_session WHERE id IN (SELECT c.id FROM oauth2_consent_session c"
                        + " WHERE c.expires_at < ? AND NOT EXISTS (SELECT 1 FROM oauth2_login_session s"
                        + " WHERE s.id = CAST(c.login_session_id AS UUID)) FETCH FIRST ? ROWS ONLY)")
                .setParameter(1, Timestamp.from(batch.cutoff())).setParameter(2, batch.size()).executeUpdate();
    }

    private TypedQuery<ConsentSessionEntity> query(TenantId tenant, String subject, Optional<String> clientId) {
        TypedQuery<ConsentSessionEntity> q = em.createQuery("select c from ConsentSessionEntity c where c.tenantId = :t"
                        + " and c.subject = :s and c.active = true" + (clientId.isPresent() ? " and c.clientId = :c" : "")
                        + " order by c.handledAt desc, c.id", ConsentSessionEntity.class)
                .setParameter("t", tenant.value()).setParameter("s", subject);
        clientId.ifPresent(c -> q.setParameter("c", c));
        return q;
    }

    private static ConsentSession toSession(ConsentSessionEntity e) {
        return new ConsentSession(e.id, new TenantId(e.tenantId), e.subject, e.clientId,
                Optional.ofNullable(e.loginSessionId), words(e.requestedScope), words(e.requestedAudience),
                words(e.grantedScope), words(e.grantedAudience), e.remember, Duration.ofSeconds(e.rememberFor),
                e.sessionIdToken, e.sessionAccessToken, e.requestUrl, e.handledAt,
                Optional.ofNullable(e.expiresAt), e.active);
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }
}
