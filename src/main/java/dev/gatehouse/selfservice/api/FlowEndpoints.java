package dev.gatehouse.selfservice.api;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.selfservice.CsrfCookies;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.ReturnTo;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints every public self-service flow has in Kratos ({@code {browser,api,flows}} and the submit), for
 * login, registration, recovery and verification. Subclasses say how to create a flow and what a submission does.
 */
public abstract class FlowEndpoints {

    protected FlowService flows;
    protected FlowResponses responses;
    protected CsrfCookies csrf;
    protected SessionCookies sessionCookies;
    protected SessionService sessions;
    protected SelfServiceConfig config;
    protected CurrentTenant tenant;
    protected FlowSpans spans;
    @Context
    protected HttpServletRequest request;

    protected FlowEndpoints() {
        // for the container's proxy
    }

    protected FlowEndpoints(FlowEndpointSupport support) {
        this.flows = support.flows();
        this.responses = support.responses();
        this.csrf = support.csrf();
        this.sessionCookies = support.sessionCookies();
        this.sessions = support.sessions();
        this.config = support.config();
        this.tenant = support.tenant();
        this.spans = support.spans();
    }

    /**
     * A submission's end: a session (then {@code identity} is who, and {@code next} the flow the user goes on
     * with, if any) or the flow with messages, answered as accepted (200) or refused (400). {@code started} are
     * the flows the sign-in started for this browser ({@code next}, the verification after a sign-up): they move
     * to the browser's new CSRF secret with it.
     */
    public record Outcome(Flow flow, Identity identity, SessionService.Issued session, Flow next, List<Flow> started,
                             boolean accepted) {

        public static Outcome refused(Flow flow) {
            return new Outcome(flow, null, null, null, List.of(), false);
        }

        public static Outcome accepted(Flow flow) {
            return new Outcome(flow, null, null, null, List.of(), true);
        }

        public static Outcome signedIn(Flow flow, Identity identity, SessionService.Issued session, Flow next) {
            return new Outcome(flow, identity, session, next, next == null ? List.of() : List.of(next), true);
        }

        public static Outcome of(CodeStep step) {
            return new Outcome(step.flow(), step.identity(), step.session(), step.next(),
                    step.next() == null ? List.of() : List.of(step.next()), step.accepted());
        }

        /** The same, with one more flow the sign-in started for this browser (none if null). */
        public Outcome alsoStarted(Flow other) {
            if (other == null || started.contains(other)) {
                return this;
            }
            List<Flow> more = new ArrayList<>(started);
            more.add(other);
            return new Outcome(flow, identity, session, next, List.copyOf(more), accepted);
        }
    }

    /** A submission's outcome as its span says it: {@code signed_in}, {@code accepted} or {@code refused}. */
    private static String said(Outcome outcome) {
        if (outcome.session() != null) {
            return "signed_in";
        }
        return outcome.accepted() ? "accepted" : "refused";
    }

    protected abstract FlowKind kind();

    protected abstract Flow create(Flavor flavor, boolean refresh, String returnTo, String requestUrl, String csrfSecret,
                                   String csrfHash);

    protected abstract Outcome submit(Flow flow, Submission submission);

    /** Whether the API answer to success also carries the identity (registration does, as in Kratos). */
    protected abstract boolean answerWithIdentity();

    /**
     * Whether the flow can raise a signed-in session's assurance level ({@code ?aal=aal2}, login only); such a flow
     * is made by {@link #createRaising}.
     */
    protected boolean raisesAssurance() {
        return false;
    }

    /** A flow that asks the holder of {@code caller} for a second factor; only where {@link #raisesAssurance()}. */
    protected Flow createRaising(Flavor flavor, SessionService.Authenticated caller, String returnTo, String requestUrl,
                                 String csrfSecret, String csrfHash) {
        throw new UnsupportedOperationException(kind().path() + " flows do not raise sessions");
    }

    /**
     * The session to raise when {@code aal=aal2} is asked of a flow that can raise one (Kratos' rules: only for
     * someone signed in, and only above the level the session has unless {@code refresh}); empty for a plain flow.
     */
    private Optional<SessionService.Authenticated> toRaise(String aal, boolean refresh, Optional<String> token) {
        if (aal == null || aal.isEmpty() || "aal1".equals(aal) || !raisesAssurance()) {
            return Optional.empty();
        }
        if (!"aal2".equals(aal)) {
            throw ApiException.invalid("aal", "Unable to parse AuthenticationMethod Assurance Level (AAL): expected aal1 or aal2");
        }
        SessionService.Authenticated caller = token.flatMap(t -> sessions.authenticate(tenant.id(), t))
                .orElseThrow(() -> new FlowError(FlowError.Kind.AAL1_REQUIRED));
        if ("aal2".equals(caller.session().aal()) && !refresh) {
            throw new FlowError(FlowError.Kind.SESSION_AVAILABLE);
        }
        return Optional.of(caller);
    }

    /** Whether the flow may be started by someone signed in (verification may; the sign-in flows and recovery not). */
    protected boolean allowsSignedIn() {
        return false;
    }

    @GET
    @Path("browser")
    public Response browser(@QueryParam("refresh") boolean refresh, @QueryParam("return_to") String returnTo,
                            @QueryParam("aal") String aal) {
        String checked = ReturnTo.check(returnTo, config.allowedReturnUrls(), PublicUrls.base(request));
        Optional<SessionService.Authenticated> raise = toRaise(aal, refresh, sessionCookies.cookie(request));
        if (raise.isPresent()) {
            CsrfCookies.Secret secret = csrf.secret(request);
            Flow flow = spans.created(kind(), Flavor.BROWSER, () -> createRaising(Flavor.BROWSER, raise.get(), checked,
                    requestUrl("browser"), secret.value(), csrf.hash(secret.value())));
            return responses.browserStarted(request, flow, secret, null);
        }
        boolean signedIn = sessionCookies.cookie(request).flatMap(t -> sessions.authenticate(tenant.id(), t)).isPresent();
        if (!refresh && !allowsSignedIn() && signedIn) {
            if (FlowResponses.wantsJson(request)) {
                throw new FlowError(FlowError.Kind.SESSION_AVAILABLE);
            }
            String target = checked != null ? checked : config.defaultReturnUrl();
            return Response.seeOther(URI.create(target.startsWith("/") ? PublicUrls.of(request, target) : target)).build();
        }
        CsrfCookies.Secret secret = csrf.secret(request);
        // as Kratos: a flow is a refresh only for someone signed in (without a session it is a plain sign-in)
        Flow flow = spans.created(kind(), Flavor.BROWSER, () -> create(Flavor.BROWSER, refresh && signedIn, checked,
                requestUrl("browser"), secret.value(), csrf.hash(secret.value())));
        return responses.browserStarted(request, flow, secret, null);
    }

    @GET
    @Path("api")
    public Response api(@QueryParam("refresh") boolean refresh, @QueryParam("return_to") String returnTo,
                        @QueryParam("aal") String aal) {
        String checked = ReturnTo.check(returnTo, config.allowedReturnUrls(), PublicUrls.base(request));
        String token = request.getHeader(SessionCookies.TOKEN_HEADER);
        Optional<SessionService.Authenticated> raise = toRaise(aal, refresh, Optional.ofNullable(token));
        if (raise.isPresent()) {
            return responses.flowJson(spans.created(kind(), Flavor.API,
                    () -> createRaising(Flavor.API, raise.get(), checked, requestUrl("api"), null, null)), 200, null);
        }
        boolean signedIn = token != null && sessions.authenticate(tenant.id(), token).isPresent();
        if (!refresh && !allowsSignedIn() && signedIn) {
            throw new FlowError(FlowError.Kind.SESSION_AVAILABLE);
        }
        return responses.flowJson(spans.created(kind(), Flavor.API,
                () -> create(Flavor.API, refresh && signedIn, checked, requestUrl("api"), null, null)), 200, null);
    }

    @GET
    @Path("flows")
    public Response get(@QueryParam("id") String id) {
        if (id == null) {
            throw ApiException.invalid("id", "the id query parameter is required");
        }
        Flow flow = flows.load(tenant.id(), kind(), id);
        if (flow.flavor() == Flavor.BROWSER && !csrf.cookieMatches(request, flow)) {
            throw new FlowError(FlowError.Kind.CSRF);
        }
        if (flows.isExpired(flow)) {
            throw new FlowError(FlowError.Kind.EXPIRED, replacement(flow));
        }
        return responses.flowJson(flow, 200, null);
    }

    @POST
    public Response submit(@QueryParam("flow") String id, @Context HttpHeaders headers, InputStream body) {
        if (id == null) {
            throw ApiException.invalid("flow", "the flow query parameter is required");
        }
        Flow loaded = flows.loadForSubmit(tenant.id(), kind(), id);
        Submission submission = Submission.parse(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        // an admin's recovery flow no browser has opened yet: an app may submit it as JSON (which another site
        // cannot forge without CORS), and is answered as an app; a form post needs the flow bound to its browser
        boolean unboundApp = loaded.flavor() == Flavor.BROWSER && loaded.csrfHash() == null && submission.json();
        Flow flow = unboundApp ? loaded.asApi() : loaded;
        if (flow.flavor() == Flavor.BROWSER && !csrf.verify(request, flow, submission.field("csrf_token").orElse(null))) {
            return responses.csrfViolation(request);
        }
        if (flows.isExpired(flow)) {
            return responses.expired(request, replacement(flow), submission);
        }
        Outcome outcome = spans.submitted(kind(), flow.flavor(), submission, () -> submit(flow, submission), FlowEndpoints::said);
        if (outcome.session() != null) {
            return responses.signedIn(request, outcome, submission, answerWithIdentity());
        }
        return responses.answer(request, outcome.flow(), submission, outcome.accepted() ? 200 : 400);
    }

    /**
     * The answer to an e-mailed link that did not work: in the flow's own browser, its page (the flow carries
     * the message); anywhere else, a fresh browser flow of the same kind with the message.
     */
    protected Response linkRefused(Flow flow, UiText message) {
        if (flow.flavor() == Flavor.BROWSER && csrf.cookieMatches(request, flow)) {
            return Response.seeOther(responses.page(request, flow)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        CsrfCookies.Secret secret = csrf.secret(request);
        Flow fresh = create(Flavor.BROWSER, false, flow.returnTo(), requestUrl("browser"), secret.value(), csrf.hash(secret.value()));
        Flow shown = fresh.showing(fresh.ui().withMessage(message));
        flows.update(shown);
        return responses.browserStarted(request, shown, secret, null);
    }

    /** The message for a link whose flow can no longer be used: expired, or already done. */
    protected UiText unusable(Flow flow, UiText spent) {
        return flows.isExpired(flow) ? Texts.flowExpired(kind(), Duration.between(flow.expiresAt(), Instant.now()).toMinutes()) : spent;
    }

    /** A fresh flow of the same flavor replacing an expired one, carrying the "expired" message. */
    private Flow replacement(Flow expired) {
        String secret = expired.flavor() == Flavor.BROWSER ? csrf.current(request).orElse(null) : null;
        Flow fresh = create(expired.flavor(), expired.refresh(), expired.returnTo(), expired.requestUrl(), secret,
                secret == null ? null : csrf.hash(secret));
        long minutes = Duration.between(expired.expiresAt(), Instant.now()).toMinutes();
        Flow withMessage = fresh.showing(fresh.ui().withMessage(Texts.flowExpired(kind(), minutes)));
        flows.update(withMessage);
        return withMessage;
    }

    private String requestUrl(String flavor) {
        String q = request.getQueryString();
        return keptRequestUrl(PublicUrls.of(request, "/self-service/" + kind().path() + "/" + flavor) + (q == null ? "" : "?" + q));
    }

    /** The URL a new flow keeps as its {@code request_url}; a flow is not started for one longer than it can keep. */
    public static String keptRequestUrl(String url) {
        if (url.length() > Flow.MAX_REQUEST_URL) {
            throw new ApiException(ApiError.URI_TOO_LONG, "The request URL is longer than the " + Flow.MAX_REQUEST_URL
                    + " characters a flow keeps");
        }
        return url;
    }

    protected String actionBase() {
        return PublicUrls.base(request);
    }
}
