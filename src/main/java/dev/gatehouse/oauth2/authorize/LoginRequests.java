package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.oauth2.authorize.AuthorizationFlowRepository.By;
import dev.gatehouse.oauth2.authorize.Challenges.Kind;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Hydra's login requests: what the login app reads ({@code GET .../requests/login}) and how it answers
 * ({@code accept}, {@code reject}). Used alike by the admin API and the built-in login. A challenge answers once;
 * unknown and expired challenges are not found; answered ones conflict.
 */
@ApplicationScoped
public class LoginRequests {

    /** A pending login request and its client. */
    public record Pending(AuthorizationFlow flow, OAuth2Client client, String challenge) {
    }

    @Inject
    PendingFlows pending;
    @Inject
    Challenges challenges;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    @Transactional
    public Pending get(String challenge) {
        AuthorizationFlow flow = find(challenge);
        return new Pending(flow, pending.client(flow, "login"), challenge);
    }

    /** @return where the login app sends the browser next ({@code redirect_to}) */
    @Transactional
    public String accept(String challenge, LoginAcceptance acceptance) {
        AuthorizationFlow flow = find(challenge);
        if (flow.loginSkip() && !flow.remembered().orElseThrow().subject().equals(acceptance.subject())) {
            throw ApiException.invalid("subject", "must be the subject of the remembered login session, as skip is true");
        }
        Instant authTime = flow.remembered().map(AuthorizationFlow.Remembered::authTime)
                .or(() -> acceptance.identitySession().map(LoginAcceptance.IdentitySession::authenticatedAt))
                .orElse(clock.instant());
        String verifier = challenges.create();
        flow.acceptLogin(new LoginDecision(acceptance.subject(), acceptance.remember(), acceptance.rememberFor(),
                acceptance.acr(), acceptance.amr(), acceptance.context(), authTime,
                acceptance.identitySession().map(LoginAcceptance.IdentitySession::id)), challenges.hash(Kind.LOGIN_VERIFIER, verifier));
        String next = pending.answered(flow, "login_verifier", verifier);
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_LOGIN_ACCEPTED, Outcome.SUCCESS)
                .subject(acceptance.subject()).client(flow.request().clientId()).detail("remember", acceptance.remember())
                .detail("skip", flow.loginSkip()));
        return next;
    }

    @Transactional
    public String reject(String challenge, Rejection why) {
        AuthorizationFlow flow = find(challenge);
        String verifier = challenges.create();
        flow.rejectLogin(why, challenges.hash(Kind.LOGIN_VERIFIER, verifier));
        String next = pending.answered(flow, "login_verifier", verifier);
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_LOGIN_REJECTED, Outcome.DENIED)
                .client(flow.request().clientId()).detail("error", why.error().code()));
        return next;
    }

    private AuthorizationFlow find(String challenge) {
        return pending.find(Kind.LOGIN_CHALLENGE, By.LOGIN_CHALLENGE, FlowState.LOGIN_REQUESTED, challenge, "login");
    }
}
