package dev.gatehouse.selfservice.api;

import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.recovery.RecoveryHandler;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Kratos' recovery endpoints: {@code /self-service/recovery/{browser,api,flows}} and {@code POST /self-service/recovery?flow=}. */
@Path("self-service/recovery")
@RequestScoped
public class RecoveryResource extends FlowEndpoints {

    @Inject
    RecoveryHandler recovery;

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

    @Override
    protected boolean answerWithIdentity() {
        return false;
    }
}
