package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.selfservice.api.FlowEndpointSupport;
import dev.gatehouse.selfservice.api.FlowEndpoints;
import dev.gatehouse.selfservice.api.FlowResponses;
import dev.gatehouse.selfservice.CsrfCookies;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeStep;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Kratos' recovery endpoints: {@code /self-service/recovery/{browser,api,flows}}, {@code POST /self-service/recovery?flow=}
 * and the e-mailed link {@code GET /self-service/recovery?flow=&token=}.
 */
@Path("self-service/recovery")
@RequestScoped
public class RecoveryResource extends FlowEndpoints {

    private RecoveryHandler recovery;

    protected RecoveryResource() {
        // for the container's proxy
    }

    @Inject
    public RecoveryResource(FlowEndpointSupport support, RecoveryHandler recovery) {
        super(support);
        this.recovery = recovery;
    }

    @Override
    protected FlowKind kind() {
        return FlowKind.RECOVERY;
    }

    @Override
    protected Flow create(Flavor flavor, boolean refresh, String returnTo, String requestUrl, String csrfSecret, String csrfHash) {
        return recovery.create(tenant.id(), flavor, returnTo, requestUrl, actionBase(), csrfSecret, csrfHash);
    }

    @Override
    protected Outcome submit(Flow flow, Submission submission) {
        return Outcome.of(recovery.submit(flow, submission));
    }

    /**
     * Kratos' recovery link, {@code GET /self-service/recovery?flow=&token=}: a working token signs this browser
     * in and leads to the settings page; anything else leads to a recovery flow with message 4060004. Without a
     * token (the link {@code POST /admin/recovery/code} hands out) the flow's page is shown, and an admin's flow
     * that no browser has opened yet is bound to this one.
     */
    @GET
    public Response open(@QueryParam("flow") String id, @QueryParam("token") String token) {
        if (id == null) {
            throw ApiException.invalid("flow", "the flow query parameter is required");
        }
        Flow flow = flows.load(tenant.id(), kind(), id);
        CsrfCookies.Secret secret = csrf.secret(request);
        RecoveryHandler.Browser browser = new RecoveryHandler.Browser(secret.value(), csrf.hash(secret.value()));
        if (token == null) {
            Flow bound = recovery.bindToBrowser(flow, browser);
            if (FlowResponses.wantsJson(request) && bound.flavor() == Flavor.BROWSER && !csrf.secretMatches(secret.value(), bound)) {
                // the flow's JSON holds its owner's CSRF secret; the page (FlowView) is guarded the same way
                throw new FlowError(FlowError.Kind.CSRF);
            }
            return responses.browserStarted(request, bound, secret, null);
        }
        if (flow.isSpent() || flows.isExpired(flow)) {
            return linkRefused(flow, unusable(flow, Texts.recoveryTokenInvalid()));
        }
        CodeStep step = recovery.byLink(flow, token, browser);
        if (step.session() == null) {
            return linkRefused(step.flow(), Texts.recoveryTokenInvalid());
        }
        return responses.linkSignedIn(request, step.session(), step.next());
    }

    @Override
    protected boolean answerWithIdentity() {
        return false;
    }
}
