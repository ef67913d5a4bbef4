package dev.gatehouse.selfservice.registration;

import dev.gatehouse.selfservice.api.FlowEndpointSupport;
import dev.gatehouse.selfservice.api.FlowEndpoints;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Kratos' registration endpoints: {@code /self-service/registration/{browser,api,flows}} and the submit. */
@Path("self-service/registration")
@RequestScoped
public class RegistrationResource extends FlowEndpoints {

    private RegistrationHandler registration;

    protected RegistrationResource() {
        // for the container's proxy
    }

    @Inject
    public RegistrationResource(FlowEndpointSupport support, RegistrationHandler registration) {
        super(support);
        this.registration = registration;
    }

    @Override
    protected FlowKind kind() {
        return FlowKind.REGISTRATION;
    }

    @Override
    protected Flow create(Flavor flavor, boolean refresh, String returnTo, String requestUrl, String csrfSecret, String csrfHash) {
        return registration.create(tenant.id(), flavor, returnTo, requestUrl, actionBase(), csrfSecret, csrfHash);
    }

    @Override
    protected Outcome submit(Flow flow, Submission submission) {
        RegistrationHandler.Result result = registration.submit(flow, submission);
        return result instanceof RegistrationHandler.Succeeded ok
                // apps are told where verification goes on (continue_with); browsers still go to return_to
                ? Outcome.signedIn(ok.flow(), ok.identity(), ok.session(), flow.flavor() == Flavor.API ? ok.verification() : null)
                        .alsoStarted(ok.verification())
                : result instanceof RegistrationHandler.Sent ? Outcome.accepted(result.flow()) : Outcome.refused(result.flow());
    }

    @Override
    protected boolean answerWithIdentity() {
        return true;
    }
}
