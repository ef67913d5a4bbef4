package dev.gatehouse.selfservice.api;

import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.login.LoginHandler;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Kratos' login endpoints: {@code /self-service/login/{browser,api,flows}} and {@code POST /self-service/login?flow=}. */
@Path("self-service/login")
@RequestScoped
public class LoginResource extends FlowEndpoints {

    @Inject
    LoginHandler login;

    @Override
    protected FlowKind kind() {
        return FlowKind.LOGIN;
    }

    @Override
    protected Flow create(Flavor flavor, boolean refresh, String returnTo, String requestUrl, String csrfSecret, String csrfHash) {
        return login.create(tenant.id(), flavor, refresh, returnTo, requestUrl, actionBase(), csrfSecret, csrfHash);
    }

    @Override
    protected Outcome submit(Flow flow, Submission submission) {
        LoginHandler.Result result = login.submit(flow, submission);
        return result instanceof LoginHandler.Succeeded ok
                ? Outcome.signedIn(ok.flow(), ok.identity(), ok.session(), null)
                : Outcome.refused(result.flow());
    }

    @Override
    protected boolean answerWithIdentity() {
        return false;
    }
}
