package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.authorize.AuthorizationFlow;
import dev.gatehouse.oauth2.authorize.AuthorizationFlowRepository;
import dev.gatehouse.oauth2.authorize.AuthorizationFlowRepository.By;
import dev.gatehouse.oauth2.authorize.AuthorizationRequest;
import dev.gatehouse.oauth2.authorize.ConsentDecision;
import dev.gatehouse.oauth2.authorize.FlowState;
import dev.gatehouse.oauth2.authorize.LoginDecision;
import dev.gatehouse.oauth2.authorize.jpa.JpaAuthorizationFlowRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link AuthorizationFlowRepository} (authorization requests in progress) must do, on each database. */
abstract class AuthorizationFlowRepositoryContract extends RepositoryContract<AuthorizationFlowRepository> {

    @Override
    protected AuthorizationFlowRepository repository(EntityManager em) {
        return new JpaAuthorizationFlowRepository(em);
    }

    private AuthorizationFlow stored(TenantId tenant, Instant expiresAt) {
        AuthorizationRequest request = new AuthorizationRequest("client-1", "https://app.example/cb", true, List.of("openid"),
                Optional.of("state-1"), Optional.of("nonce-1"), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of());
        AuthorizationFlow f = new AuthorizationFlow(UUID.randomUUID(), tenant, "http://localhost/oauth2/auth?client_id=client-1",
                request, "csrf-hash", "login-challenge-" + UUID.randomUUID(), Optional.empty(), expiresAt.minusSeconds(600), expiresAt);
        run(r -> r.insert(f));
        return f;
    }

    @Test
    void insertThenFoundByLoginChallengeOnlyInItsTenant() {
        AuthorizationFlow f = stored(TenantId.DEFAULT, NOW.plusSeconds(600));

        AuthorizationFlow found = inTx(r -> r.findForUpdate(TenantId.DEFAULT, By.LOGIN_CHALLENGE, f.loginChallengeHash())).orElseThrow();
        assertEquals(f.id(), found.id());
        assertEquals(f.request(), found.request());
        assertEquals(FlowState.LOGIN_REQUESTED, found.state());
        assertEquals(f.expiresAt(), found.expiresAt());
        assertTrue(inTx(r -> r.findForUpdate(OTHER, By.LOGIN_CHALLENGE, f.loginChallengeHash())).isEmpty());
    }

    @Test
    void updateThenEachStepIsFoundByItsNewHashWithTheDecisions() {
        AuthorizationFlow f = stored(TenantId.DEFAULT, NOW.plusSeconds(600));
        Instant authTime = NOW.minusSeconds(5);
        f.acceptLogin(new LoginDecision("alice", false, Duration.ZERO, Optional.empty(), List.of("pwd"), "{}", authTime,
                Optional.empty()), "login-verifier");
        run(r -> r.update(f));

        AuthorizationFlow accepted = inTx(r -> r.findForUpdate(TenantId.DEFAULT, By.LOGIN_VERIFIER, "login-verifier")).orElseThrow();
        assertEquals(FlowState.LOGIN_ACCEPTED, accepted.state());
        assertEquals("alice", accepted.login().orElseThrow().subject());
        assertEquals(authTime, accepted.login().orElseThrow().authTime());

        accepted.requestConsent(UUID.randomUUID().toString(), "consent-challenge", false);
        run(r -> r.update(accepted));
        AuthorizationFlow consenting = inTx(r -> r.findForUpdate(TenantId.DEFAULT, By.CONSENT_CHALLENGE, "consent-challenge")).orElseThrow();
        consenting.acceptConsent(new ConsentDecision(List.of("openid"), List.of(), false, Duration.ZERO, "{}", "{}"), "consent-verifier");
        run(r -> r.update(consenting));

        AuthorizationFlow done = inTx(r -> r.findForUpdate(TenantId.DEFAULT, By.CONSENT_VERIFIER, "consent-verifier")).orElseThrow();
        assertEquals(FlowState.CONSENT_ACCEPTED, done.state());
        assertEquals(List.of("openid"), done.consent().orElseThrow().grantScope());
        assertTrue(inTx(r -> r.findForUpdate(OTHER, By.CONSENT_VERIFIER, "consent-verifier")).isEmpty());
    }

    @Test
    void deleteExpiredWhenPastCutoffThenGoneInEveryTenantAndLiveOnesStay() {
        AuthorizationFlow old = stored(TenantId.DEFAULT, NOW.minusSeconds(3600));
        AuthorizationFlow live = stored(TenantId.DEFAULT, NOW.plusSeconds(600));
        AuthorizationFlow otherTenant = stored(OTHER, NOW.minusSeconds(3600));
        AuthorizationFlow liveOfOtherTenant = stored(OTHER, NOW.plusSeconds(600));

        assertEquals(2, count(r -> r.deleteExpired(batch(10))));

        assertTrue(inTx(r -> r.findForUpdate(TenantId.DEFAULT, By.LOGIN_CHALLENGE, old.loginChallengeHash())).isEmpty());
        assertTrue(inTx(r -> r.findForUpdate(TenantId.DEFAULT, By.LOGIN_CHALLENGE, live.loginChallengeHash())).isPresent());
        assertTrue(inTx(r -> r.findForUpdate(OTHER, By.LOGIN_CHALLENGE, otherTenant.loginChallengeHash())).isEmpty());
        assertTrue(inTx(r -> r.findForUpdate(OTHER, By.LOGIN_CHALLENGE, liveOfOtherTenant.loginChallengeHash())).isPresent());
    }
}
