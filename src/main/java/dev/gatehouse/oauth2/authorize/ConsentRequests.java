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


/**
 * Hydra's consent requests: what the consent app reads ({@code GET .../requests/consent}) and how it answers
 * ({@code accept} with the granted scopes and audiences, {@code reject}). Used alike by the admin API and the
 * built-in consent page. Nothing beyond what was requested can be granted.
 */
@ApplicationScoped
public class ConsentRequests {

    /** A pending consent request and its client. */
    public record Pending(AuthorizationFlow flow, OAuth2Client client, String challenge) {
    }

    @Inject
    PendingFlows pending;
    @Inject
    Challenges challenges;
    @Inject
    SecurityEvents events;

    @Transactional
    public Pending get(String challenge) {
        AuthorizationFlow flow = find(challenge);
        return new Pending(flow, pending.client(flow, "consent"), challenge);
    }

    /** @return where the consent app sends the browser next ({@code redirect_to}) */
    @Transactional
    public String accept(String challenge, ConsentDecision decision) {
        AuthorizationFlow flow = find(challenge);
        if (!flow.request().scope().containsAll(decision.grantScope())) {
            throw ApiException.invalid("grant_scope", "may only contain requested scopes");
        }
        if (!flow.request().audience().containsAll(decision.grantAudience())) {
            throw ApiException.invalid("grant_access_token_audience", "may only contain requested audiences");
        }
        String verifier = challenges.create();
        flow.acceptConsent(decision, challenges.hash(Kind.CONSENT_VERIFIER, verifier));
        String next = pending.answered(flow, "consent_verifier", verifier);
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_CONSENT_GRANTED, Outcome.SUCCESS)
                .subject(flow.login().orElseThrow().subject()).client(flow.request().clientId())
                .detail("scope", String.join(" ", decision.grantScope())).detail("remember", decision.remember()));
        return next;
    }

    @Transactional
    public String reject(String challenge, Rejection why) {
        AuthorizationFlow flow = find(challenge);
        String verifier = challenges.create();
        flow.rejectConsent(why, challenges.hash(Kind.CONSENT_VERIFIER, verifier));
        String next = pending.answered(flow, "consent_verifier", verifier);
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_CONSENT_REJECTED, Outcome.DENIED)
                .subject(flow.login().orElseThrow().subject()).client(flow.request().clientId())
                .detail("error", why.error().code()));
        return next;
    }

    private AuthorizationFlow find(String challenge) {
        return pending.find(Kind.CONSENT_CHALLENGE, By.CONSENT_CHALLENGE, FlowState.CONSENT_REQUESTED, challenge, "consent");
    }
}
