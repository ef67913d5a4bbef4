package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.ClientLookup;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Finds the flow a login or consent challenge belongs to, for the challenge API: unknown and expired challenges
 * are not found, ones already answered conflict. The row stays locked until the transaction ends.
 */
@ApplicationScoped
class PendingFlows {

    @Inject
    AuthorizationFlowRepository flows;
    @Inject
    Challenges challenges;
    @Inject
    ClientLookup clients;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;

    AuthorizationFlow find(Challenges.Kind kind, AuthorizationFlowRepository.By by, FlowState expected, String challenge,
                           String what) {
        AuthorizationFlow flow = challenges.presented(kind, challenge)
                .flatMap(h -> flows.findForUpdate(tenant.id(), by, h))
                .filter(f -> !f.isExpiredAt(clock.instant()))
                .orElseThrow(() -> ApiException.notFound("No " + what + " request with this challenge, or it has expired"));
        if (flow.state() != expected) {
            throw ApiException.conflict("The " + what + " request has already been handled");
        }
        return flow;
    }

    OAuth2Client client(AuthorizationFlow flow, String what) {
        return clients.find(flow.request().clientId())
                .orElseThrow(() -> ApiException.notFound("The client of this " + what + " request no longer exists"));
    }

    /** Stores the flow's new state and gives the URL that takes the browser back with the verifier. */
    String answered(AuthorizationFlow flow, String verifierName, String verifier) {
        flows.update(flow);
        return AuthorizationResponses.withParameter(flow.requestUrl(), verifierName, verifier);
    }
}
