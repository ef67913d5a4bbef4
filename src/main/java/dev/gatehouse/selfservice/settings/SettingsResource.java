package dev.gatehouse.selfservice.settings;

import dev.gatehouse.identity.api.IdentityJson;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.selfservice.api.FlowEndpointSupport;
import dev.gatehouse.selfservice.api.FlowEndpoints;
import dev.gatehouse.selfservice.api.FlowSpans;
import dev.gatehouse.selfservice.api.FlowResponses;
import dev.gatehouse.selfservice.CsrfCookies;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.ReturnTo;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.session.AalNotSatisfied;
import dev.gatehouse.session.SessionAssurance;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Kratos' settings endpoints; every one needs the caller's session (cookie for browsers, token for apps), at the
 * level {@code gatehouse.selfservice.settings.required-aal} asks: a settings flow is never opened, shown as JSON
 * or submitted with an {@code aal1} session while the identity has a second factor (unless set to {@code aal1}).
 */
@Path("self-service/settings")
@RequestScoped
public class SettingsResource {

    private SettingsHandler settings;
    private FlowService flows;
    private FlowResponses responses;
    private CsrfCookies csrf;
    private SessionCookies sessionCookies;
    private SessionService sessions;
    private SelfServiceConfig config;
    private SessionAssurance assurance;
    private CurrentTenant tenant;
    private FlowSpans spans;
    @Context
    HttpServletRequest request;

    protected SettingsResource() {
        // for the container's proxy
    }

    @Inject
    public SettingsResource(FlowEndpointSupport support, SettingsHandler settings, SessionAssurance assurance) {
        this.settings = settings;
        this.flows = support.flows();
        this.responses = support.responses();
        this.csrf = support.csrf();
        this.sessionCookies = support.sessionCookies();
        this.sessions = support.sessions();
        this.config = support.config();
        this.assurance = assurance;
        this.tenant = support.tenant();
        this.spans = support.spans();
    }

    @GET
    @Path("browser")
    public Response browser(@QueryParam("return_to") String returnTo) {
        String checked = ReturnTo.check(returnTo, config.allowedReturnUrls(), PublicUrls.base(request));
        var holder = sessionCookies.cookie(request).flatMap(t -> sessions.authenticate(tenant.id(), t));
        if (holder.isEmpty()) {
            if (FlowResponses.wantsJson(request)) {
                throw new FlowError(FlowError.Kind.NO_SESSION);
            }
            String back = URLEncoder.encode("/self-service/settings/browser", StandardCharsets.UTF_8);
            return Response.seeOther(URI.create(PublicUrls.of(request, "/self-service/login/browser?return_to=" + back))).build();
        }
        String requestUrl = FlowEndpoints.keptRequestUrl(PublicUrls.of(request, "/self-service/settings/browser"));
        var stepUp = stepUp(holder.get(), requestUrl, !FlowResponses.wantsJson(request));
        if (stepUp.isPresent()) {
            return stepUp.get();
        }
        CsrfCookies.Secret secret = csrf.secret(request);
        Flow flow = spans.created(FlowKind.SETTINGS, Flavor.BROWSER, () -> settings.create(holder.get().session(),
                holder.get().identity(), Flavor.BROWSER, checked, requestUrl, PublicUrls.base(request), secret.value(),
                csrf.hash(secret.value())));
        return responses.browserStarted(request, flow, secret, IdentityJson.publicView(holder.get().identity(), PublicUrls.baseUri(request)));
    }

    @GET
    @Path("api")
    public Response api() {
        var holder = apiHolder();
        assurance.require(holder, config.settingsRequiredAal(), PublicUrls.base(request), null);
        Flow flow = spans.created(FlowKind.SETTINGS, Flavor.API, () -> settings.create(holder.session(), holder.identity(),
                Flavor.API, null, FlowEndpoints.keptRequestUrl(PublicUrls.of(request, "/self-service/settings/api")),
                PublicUrls.base(request), null, null));
        return responses.flowJson(flow, 200, IdentityJson.publicView(holder.identity(), PublicUrls.baseUri(request)));
    }

    @GET
    @Path("flows")
    public Response get(@QueryParam("id") String id) {
        if (id == null) {
            throw ApiException.invalid("id", "the id query parameter is required");
        }
        var holder = sessionCookies.presented(request).flatMap(t -> sessions.authenticate(tenant.id(), t))
                .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
        Flow flow = flows.load(tenant.id(), FlowKind.SETTINGS, id);
        if (!holder.identity().id().equals(flow.identity())) {
            throw new FlowError(FlowError.Kind.NOT_FOUND);
        }
        assurance.require(holder, config.settingsRequiredAal(), PublicUrls.base(request), returnTo(flow));
        return responses.flowJson(flow, 200, IdentityJson.publicView(holder.identity(), PublicUrls.baseUri(request)));
    }

    @POST
    public Response submit(@QueryParam("flow") String id, @Context HttpHeaders headers, InputStream body) {
        if (id == null) {
            throw ApiException.invalid("flow", "the flow query parameter is required");
        }
        Flow flow = flows.load(tenant.id(), FlowKind.SETTINGS, id);
        Submission submission = Submission.parse(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        SessionService.Authenticated holder;
        if (flow.flavor() == Flavor.BROWSER) {
            if (!csrf.verify(request, flow, submission.field("csrf_token").orElse(null))) {
                return responses.csrfViolation(request);
            }
            holder = sessionCookies.cookie(request).flatMap(t -> sessions.authenticate(tenant.id(), t))
                    .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
        } else {
            holder = apiHolder();
        }
        if (flows.isExpired(flow)) {
            throw new FlowError(FlowError.Kind.EXPIRED);
        }
        var stepUp = stepUp(holder, returnTo(flow), flow.flavor() == Flavor.BROWSER && !submission.json());
        if (stepUp.isPresent()) {
            return stepUp.get();
        }
        SettingsHandler.Answer result;
        try {
            SessionService.Authenticated signedIn = holder;
            result = spans.submitted(FlowKind.SETTINGS, flow.flavor(), submission, () -> settings.answer(flow, submission, signedIn),
                    answer -> answer.accepted() ? "accepted" : "refused");
        } catch (FlowError e) {
            if (e.kind() == FlowError.Kind.REFRESH_REQUIRED && flow.flavor() == Flavor.BROWSER && !submission.json()) {
                String back = URLEncoder.encode("/ui/selfservice/settings.xhtml?flow=" + flow.id(), StandardCharsets.UTF_8);
                return Response.seeOther(URI.create(PublicUrls.of(request, "/self-service/login/browser?refresh=true&return_to=" + back))).build();
            }
            throw e;
        }
        var identity = sessions.authenticate(tenant.id(), sessionCookies.presented(request).orElseThrow())
                .map(a -> IdentityJson.publicView(a.identity(), PublicUrls.baseUri(request))).orElse(null);
        if (flow.flavor() == Flavor.BROWSER && !submission.json()) {
            return Response.seeOther(responses.page(request, result.flow())).build();
        }
        return responses.flowJson(result.flow(), result.accepted() ? 200 : 400, identity);
    }

    /**
     * A session below {@code gatehouse.selfservice.settings.required-aal} neither opens nor submits a settings
     * flow: a browser page goes to the aal2 login (coming back to {@code returnTo}), anything else gets 403
     * {@code session_aal2_required}.
     */
    private java.util.Optional<Response> stepUp(SessionService.Authenticated holder, String returnTo, boolean redirect) {
        try {
            assurance.require(holder, config.settingsRequiredAal(), PublicUrls.base(request), returnTo);
            return java.util.Optional.empty();
        } catch (AalNotSatisfied e) {
            if (redirect) {
                return java.util.Optional.of(Response.seeOther(URI.create(e.redirectBrowserTo())).build());
            }
            throw e;
        }
    }

    /** Where the aal2 login sends a browser back to: the request that started the flow; apps need none. */
    private static String returnTo(Flow flow) {
        return flow.flavor() == Flavor.BROWSER ? flow.requestUrl() : null;
    }

    private SessionService.Authenticated apiHolder() {
        String token = request.getHeader(SessionCookies.TOKEN_HEADER);
        return (token == null ? java.util.Optional.<SessionService.Authenticated>empty() : sessions.authenticate(tenant.id(), token))
                .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
    }
}
