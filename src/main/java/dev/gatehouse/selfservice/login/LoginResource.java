package dev.gatehouse.selfservice.login;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.selfservice.api.FlowEndpointSupport;
import dev.gatehouse.selfservice.api.FlowEndpoints;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.session.SessionAssurance;
import dev.gatehouse.session.SessionConfig;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Kratos' login endpoints: {@code /self-service/login/{browser,api,flows}} and {@code POST /self-service/login?flow=};
 * and Gatehouse's sign-in link, {@code GET /self-service/login/code-link?flow=&token=}.
 * <p>
 * As in Kratos, a browser whose sign-in leaves its session below the level whoami requires (a password, for an
 * identity with a second factor) is sent on to a login flow that raises it, which then goes where the sign-in
 * would have gone; the session cookie is set all the same. A script asking for JSON is told to send its browser
 * there (422 {@code browser_location_change_required}); apps get their session and learn of the missing factor from
 * whoami ({@code session_aal2_required}).
 */
@Path("self-service/login")
@RequestScoped
public class LoginResource extends FlowEndpoints {

    private LoginHandler login;
    private SessionAssurance assurance;
    private SessionConfig sessionConfig;

    protected LoginResource() {
        // for the container's proxy
    }

    @Inject
    public LoginResource(FlowEndpointSupport support, LoginHandler login, SessionAssurance assurance, SessionConfig sessionConfig) {
        super(support);
        this.login = login;
        this.assurance = assurance;
        this.sessionConfig = sessionConfig;
    }

    @Override
    protected FlowKind kind() {
        return FlowKind.LOGIN;
    }

    @Override
    protected Flow create(Flavor flavor, boolean refresh, String returnTo, String requestUrl, String csrfSecret, String csrfHash) {
        return login.create(tenant.id(), flavor, refresh, returnTo, requestUrl, actionBase(), csrfSecret, csrfHash);
    }

    @Override
    protected boolean raisesAssurance() {
        return true;
    }

    @Override
    protected Flow createRaising(Flavor flavor, SessionService.Authenticated caller, String returnTo, String requestUrl,
                                 String csrfSecret, String csrfHash) {
        return login.createRaising(caller, flavor, returnTo, requestUrl, actionBase(), csrfSecret, csrfHash);
    }

    @Override
    protected Outcome submit(Flow flow, Submission submission) {
        Optional<String> token = flow.flavor() == Flavor.API
                ? Optional.ofNullable(request.getHeader(SessionCookies.TOKEN_HEADER)) : sessionCookies.cookie(request);
        LoginHandler.Result result = login.submit(flow, submission, token);
        if (result instanceof LoginHandler.Succeeded ok) {
            return Outcome.signedIn(ok.flow(), ok.identity(), ok.session(), secondFactorStep(ok));
        }
        return result instanceof LoginHandler.Sent ? Outcome.accepted(result.flow()) : Outcome.refused(result.flow());
    }

    /**
     * The sign-in link of a login code e-mail. It signs in only in the browser that started the flow: the
     * request must carry the CSRF cookie whose HMAC the flow holds. Anywhere else (a forwarded mail, another
     * device) it signs nothing in and says to enter the code where the sign-in started; API flows have no
     * browser to bind to, so their apps must use the code.
     */
    @GET
    @Path("code-link")
    public Response codeLink(@QueryParam("flow") String id, @QueryParam("token") String token) {
        if (id == null) {
            throw ApiException.invalid("flow", "the flow query parameter is required");
        }
        Flow flow = flows.load(tenant.id(), kind(), id);
        if (flow.flavor() != Flavor.BROWSER) {
            throw new FlowError(FlowError.Kind.LINK_FOR_API);
        }
        if (!csrf.cookieMatches(request, flow)) {
            return responses.messagePage(request, 403, Texts.codeLinkOtherDevice());
        }
        if (flow.isSpent() || flows.isExpired(flow)) {
            Flow refused = flow.showing(flow.ui().withoutMessages().withMessage(Texts.codeLinkInvalid()));
            flows.update(refused);
            return responses.answer(request, refused, Submission.NONE, 400);
        }
        LoginHandler.Result result = login.byLink(flow, token);
        if (result instanceof LoginHandler.Succeeded ok) {
            return responses.signedIn(request, Outcome.signedIn(ok.flow(), ok.identity(), ok.session(), secondFactorStep(ok)),
                    Submission.NONE, false);
        }
        return responses.answer(request, result.flow(), Submission.NONE, 400);
    }

    /**
     * The login flow that raises the browser's new session to {@code aal2}, when whoami would refuse it at its
     * level; null when the session is enough, or the flow was not a browser's first-factor sign-in. The flow is bound
     * to the browser's new CSRF secret with the session cookie.
     */
    private Flow secondFactorStep(LoginHandler.Succeeded ok) {
        Flow signIn = ok.flow();
        SessionService.Authenticated holder = new SessionService.Authenticated(ok.session().session(), ok.identity());
        if (signIn.flavor() != Flavor.BROWSER || signIn.raisesSession() || assurance.satisfies(holder, sessionConfig.whoamiRequiredAal())) {
            return null;
        }
        String secret = Ids.token();
        return login.createRaising(holder, Flavor.BROWSER, signIn.returnTo(), actionBase() + "/self-service/login/browser?aal=aal2",
                actionBase(), secret, csrf.hash(secret));
    }

    @Override
    protected boolean answerWithIdentity() {
        return false;
    }
}
