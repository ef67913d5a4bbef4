package dev.gatehouse.selfservice.verification;

import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.selfservice.api.FlowEndpointSupport;
import dev.gatehouse.selfservice.api.FlowEndpoints;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeStep;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Kratos' verification endpoints: {@code /self-service/verification/{browser,api,flows}}, the submit, and the
 * e-mailed link {@code GET /self-service/verification?flow=&token=}.
 */
@Path("self-service/verification")
@RequestScoped
public class VerificationResource extends FlowEndpoints {

    private VerificationHandler verification;

    protected VerificationResource() {
        // for the container's proxy
    }

    @Inject
    public VerificationResource(FlowEndpointSupport support, VerificationHandler verification) {
        super(support);
        this.verification = verification;
    }

    @Override
    protected FlowKind kind() {
        return FlowKind.VERIFICATION;
    }

    @Override
    protected Flow create(Flavor flavor, boolean refresh, String returnTo, String requestUrl, String csrfSecret, String csrfHash) {
        return verification.create(tenant.id(), flavor, returnTo, requestUrl, actionBase(), csrfSecret, csrfHash);
    }

    @Override
    protected Outcome submit(Flow flow, Submission submission) {
        return Outcome.of(verification.submit(flow, submission));
    }

    /**
     * Kratos' verification link, {@code GET /self-service/verification?flow=&token=}: a working token verifies
     * the address, whichever browser opens it (it signs nobody in), and shows the flow's page in the browser that
     * started it, else a page saying so; anything else leads to a verification flow with message 4070001.
     */
    @GET
    public Response open(@QueryParam("flow") String id, @QueryParam("token") String token) {
        if (id == null) {
            throw ApiException.invalid("flow", "the flow query parameter is required");
        }
        Flow flow = flows.load(tenant.id(), kind(), id);
        if (token == null) {
            return Response.seeOther(responses.page(request, flow)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        if (flow.isSpent() || flows.isExpired(flow)) {
            return linkRefused(flow, unusable(flow, Texts.verificationTokenInvalid()));
        }
        CodeStep step = verification.byLink(flow, token);
        if (!step.accepted()) {
            return linkRefused(step.flow(), Texts.verificationTokenInvalid());
        }
        if (flow.flavor() == Flavor.BROWSER && csrf.cookieMatches(request, flow)) {
            return Response.seeOther(responses.page(request, step.flow())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return responses.messagePage(request, 200, "Verification", Texts.verificationSuccessful());
    }

    @Override
    protected boolean answerWithIdentity() {
        return false;
    }

    @Override
    protected boolean allowsSignedIn() {
        return true;
    }
}
