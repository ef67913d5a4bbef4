package dev.gatehouse.selfservice.api;

import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.verification.VerificationHandler;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Kratos' verification endpoints: {@code /self-service/verification/{browser,api,flows}} and the submit. */
@Path("self-service/verification")
@RequestScoped
public class VerificationResource extends FlowEndpoints {

    @Inject
    VerificationHandler verification;

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

    @Override
    protected boolean answerWithIdentity() {
        return false;
    }

    @Override
    protected boolean allowsSignedIn() {
        return true;
    }
}
