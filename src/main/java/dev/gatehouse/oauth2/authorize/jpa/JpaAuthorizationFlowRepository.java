package dev.gatehouse.oauth2.authorize.jpa;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.AuthorizationFlow;
import dev.gatehouse.oauth2.authorize.AuthorizationFlowRepository;
import dev.gatehouse.oauth2.authorize.AuthorizationRequest;
import dev.gatehouse.oauth2.authorize.ConsentDecision;
import dev.gatehouse.oauth2.authorize.FlowState;
import dev.gatehouse.oauth2.authorize.LoginDecision;
import dev.gatehouse.oauth2.authorize.Rejection;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link AuthorizationFlowRepository} on JPA; every query is scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaAuthorizationFlowRepository implements AuthorizationFlowRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaAuthorizationFlowRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaAuthorizationFlowRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(AuthorizationFlow flow) {
        AuthorizationFlowEntity e = new AuthorizationFlowEntity();
        e.id = flow.id();
        e.tenantId = flow.tenant().value();
        e.clientId = flow.request().clientId();
        e.requestUrl = flow.requestUrl();
        e.request = flow.request().toJson();
        e.csrfHash = flow.csrfHash();
        e.loginChallengeHash = flow.loginChallengeHash();
        e.loginSkip = flow.loginSkip();
        flow.remembered().ifPresent(r -> {
            e.subject = r.subject();
            e.authTime = r.authTime();
        });
        e.requestedAt = flow.requestedAt();
        e.expiresAt = flow.expiresAt();
        copy(flow, e);
        em.persist(e);
        em.flush();
    }

    @Override
    public Optional<AuthorizationFlow> findForUpdate(TenantId tenant, By by, String hash) {
        String column = switch (by) {
            case LOGIN_CHALLENGE -> "loginChallengeHash";
            case LOGIN_VERIFIER -> "loginVerifierHash";
            case CONSENT_CHALLENGE -> "consentChallengeHash";
            case CONSENT_VERIFIER -> "consentVerifierHash";
        };
        return em.createQuery("select f from AuthorizationFlowEntity f where f.tenantId = :t and f." + column + " = :h",
                        AuthorizationFlowEntity.class)
                .setParameter("t", tenant.value()).setParameter("h", hash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().map(JpaAuthorizationFlowRepository::toFlow);
    }

    @Override
    public void update(AuthorizationFlow flow) {
        AuthorizationFlowEntity e = em.createQuery(
                        "select f from AuthorizationFlowEntity f where f.tenantId = :t and f.id = :id", AuthorizationFlowEntity.class)
                .setParameter("t", flow.tenant().value()).setParameter("id", flow.id()).getSingleResult();
        copy(flow, e);
        em.flush();
    }

    private static void copy(AuthorizationFlow flow, AuthorizationFlowEntity e) {
        e.state = flow.state().name();
        e.loginVerifierHash = flow.loginVerifierHash().orElse(null);
        e.consentChallengeHash = flow.consentChallengeHash().orElse(null);
        e.consentVerifierHash = flow.consentVerifierHash().orElse(null);
        e.loginSessionId = flow.loginSessionId().orElse(null);
        flow.login().ifPresent(l -> {
            e.subject = l.subject();
            e.loginRemember = l.remember();
            e.loginRememberFor = l.rememberFor().toSeconds();
            e.acr = l.acr().orElse(null);
            e.amr = String.join(" ", l.amr());
            e.loginContext = l.context();
            e.authTime = l.authTime();
            e.identitySessionId = l.identitySessionId().orElse(null);
        });
        e.consentSkip = flow.consentSkip();
        flow.consent().ifPresent(c -> {
            e.grantedScope = String.join(" ", c.grantScope());
            e.grantedAudience = String.join(" ", c.grantAudience());
            e.consentRemember = c.remember();
            e.consentRememberFor = c.rememberFor().toSeconds();
            e.sessionIdToken = c.idTokenClaims();
            e.sessionAccessToken = c.accessTokenClaims();
        });
        e.rejection = flow.rejection().map(r -> JsonP.createObjectBuilder().add("error", r.error().name())
                .add("error_description", r.description()).build().toString()).orElse(null);
        e.updatedAt = Instant.now();
    }

    private static AuthorizationFlow toFlow(AuthorizationFlowEntity e) {
        Optional<AuthorizationFlow.Remembered> remembered = e.loginSkip
                ? Optional.of(new AuthorizationFlow.Remembered(e.subject, e.loginSessionId, e.authTime))
                : Optional.empty();
        LoginDecision login = e.amr == null ? null : new LoginDecision(e.subject, e.loginRemember,
                Duration.ofSeconds(e.loginRememberFor == null ? 0 : e.loginRememberFor), Optional.ofNullable(e.acr),
                words(e.amr), e.loginContext, e.authTime, Optional.ofNullable(e.identitySessionId));
        ConsentDecision consent = e.grantedScope == null ? null : new ConsentDecision(words(e.grantedScope),
                words(e.grantedAudience), e.consentRemember,
                Duration.ofSeconds(e.consentRememberFor == null ? 0 : e.consentRememberFor),
                e.sessionIdToken, e.sessionAccessToken);
        Rejection rejection = null;
        if (e.rejection != null) {
            JsonObject r = JsonText.readObject(e.rejection);
            rejection = new Rejection(OAuth2Error.valueOf(r.getString("error")), r.getString("error_description"));
        }
        return AuthorizationFlow.restore(e.id, new TenantId(e.tenantId), e.requestUrl,
                AuthorizationRequest.fromJson(e.request), e.csrfHash, e.loginChallengeHash, remembered,
                e.requestedAt, e.expiresAt, FlowState.valueOf(e.state), e.loginVerifierHash,
                e.consentChallengeHash, e.consentVerifierHash, e.loginSessionId, login, e.consentSkip, consent, rejection);
    }

    private static List<String> words(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        return BatchDelete.expired(em, "AuthorizationFlowEntity", batch.cutoff()).run(batch.size());
    }
}
