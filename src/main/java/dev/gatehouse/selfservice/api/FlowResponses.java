package dev.gatehouse.selfservice.api;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.selfservice.CsrfCookies;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowJson;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.session.api.SessionJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * The HTTP answers the self-service flows share, by flavor: API clients get JSON (400 with the flow on
 * failure, tokens on success); browsers posting forms get redirects (to the flow's page on failure, to
 * {@code return_to} on success) and cookies; browsers asking for JSON get JSON and cookies.
 */
@ApplicationScoped
public class FlowResponses {

    private SelfServiceConfig config;
    private SessionCookies sessionCookies;
    private CsrfCookies csrf;
    private FlowService flows;

    protected FlowResponses() {
        // for the container's proxy
    }

    @Inject
    public FlowResponses(SelfServiceConfig config, SessionCookies sessionCookies, CsrfCookies csrf, FlowService flows) {
        this.config = config;
        this.sessionCookies = sessionCookies;
        this.csrf = csrf;
        this.flows = flows;
    }

    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains("text/html");
    }

    /** The flow's page in the built-in UI. */
    public URI page(HttpServletRequest request, Flow flow) {
        return URI.create(PublicUrls.of(request, "/ui/selfservice/" + flow.kind().path() + ".xhtml?flow=" + flow.id()));
    }

    /** A new browser flow: redirect to its page (or its JSON for script clients), setting the CSRF cookie if new. */
    public Response browserStarted(HttpServletRequest request, Flow flow, CsrfCookies.Secret secret, JsonValue identity) {
        Response.ResponseBuilder r = wantsJson(request)
                ? Response.ok(FlowJson.of(flow, identity).toString(), MediaType.APPLICATION_JSON)
                : Response.seeOther(page(request, flow));
        if (secret != null && secret.isNew()) {
            r.cookie(csrf.cookie(secret.value(), request));
        }
        return r.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    public Response flowJson(Flow flow, int status, JsonValue identity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(FlowJson.of(flow, identity).toString()).build();
    }

    /** A submission that did not end the flow: the flow again, with its messages (status 200 or 400). */
    public Response answer(HttpServletRequest request, Flow flow, Submission submission, int status) {
        if (flow.flavor() == Flavor.BROWSER && !submission.json()) {
            return Response.seeOther(page(request, flow)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return flowJson(flow, status, null);
    }

    /**
     * A sign-in, sign-up or recovery that produced a session; the outcome's {@code next} (may be null) is the flow
     * the user continues with (Kratos' {@code continue_with}), where a browser is then sent. A browser gets the
     * session cookie and a new CSRF secret ({@link #rotateCsrf}). When {@code next} raises the new session to
     * {@code aal2}, a script asking for JSON is told, as by Kratos, to send its browser there: 422
     * {@code browser_location_change_required}.
     */
    public Response signedIn(HttpServletRequest request, FlowEndpoints.Outcome outcome, Submission submission, boolean withIdentity) {
        URI baseUri = PublicUrls.baseUri(request);
        Flow flow = outcome.flow();
        Flow next = outcome.next();
        JsonObjectBuilder body = JsonP.createObjectBuilder().add("session", SessionJson.of(outcome.session().session(), outcome.identity(), baseUri));
        if (withIdentity) {
            body.add("identity", dev.gatehouse.identity.api.IdentityJson.publicView(outcome.identity(), baseUri));
        }
        if (next != null) {
            body.add("continue_with", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                    .add("action", "show_" + next.kind().path() + "_ui")
                    .add("flow", JsonP.createObjectBuilder().add("id", next.id().toString()).add("url", page(request, next).toString()))));
        }
        if (flow.flavor() == Flavor.API) {
            body.add("session_token", outcome.session().token());
            return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        Response.ResponseBuilder r = submission.json() && next != null && next.raisesSession()
                ? Response.status(422).type(MediaType.APPLICATION_JSON).entity(locationChange(page(request, next)).toString())
                : submission.json()
                ? Response.ok(body.build().toString(), MediaType.APPLICATION_JSON)
                : Response.seeOther(next != null ? page(request, next) : returnTo(request, flow));
        return r.cookie(sessionCookies.issue(outcome.session().token(), request), rotateCsrf(request, outcome.started()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Kratos' {@code browser_location_change_required}: the browser must go to {@code to} to finish. */
    private static JsonObject locationChange(URI to) {
        return JsonP.createObjectBuilder()
                .add("error", JsonP.createObjectBuilder().add("id", "browser_location_change_required").add("code", 422)
                        .add("status", "Unprocessable Entity")
                        .add("reason", "In order to complete this flow please redirect the browser to: " + to)
                        .add("message", "browser location change required"))
                .add("redirect_browser_to", to.toString()).build();
    }

    /** A recovery link that worked in this browser: the session cookie, a new CSRF secret, and on to the settings page. */
    public Response linkSignedIn(HttpServletRequest request, SessionService.Issued issued, Flow next) {
        return Response.seeOther(page(request, next))
                .cookie(sessionCookies.issue(issued.token(), request), rotateCsrf(request, List.of(next)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * A browser that signs in gets a new CSRF secret, so a token learnt before (a cookie planted by a sibling
     * domain, a form seen by someone else) is worth nothing after. The flows the sign-in started for this browser
     * move to the new secret; any other flow it had open starts over when next shown.
     */
    private NewCookie rotateCsrf(HttpServletRequest request, List<Flow> started) {
        String secret = Ids.token();
        started.stream().filter(f -> f.flavor() == Flavor.BROWSER).forEach(f -> flows.rebind(csrf.bind(f, secret)));
        return csrf.cookie(secret, request);
    }

    public URI returnTo(HttpServletRequest request, Flow flow) {
        String target = flow.returnTo() != null ? flow.returnTo() : config.defaultReturnUrl();
        return URI.create(target.startsWith("/") ? PublicUrls.of(request, target) : target);
    }

    /** An expired flow: browsers are sent to a fresh one; others learn its id. */
    public Response expired(HttpServletRequest request, Flow replacement, Submission submission) {
        if (replacement.flavor() == Flavor.BROWSER && !submission.json()) {
            return Response.seeOther(page(request, replacement)).build();
        }
        return new FlowError(FlowError.Kind.EXPIRED, replacement).toResponse();
    }

    public Response csrfViolation(HttpServletRequest request) {
        if (!wantsJson(request) && request.getHeader(HttpHeaders.ACCEPT) != null
                && request.getHeader(HttpHeaders.ACCEPT).contains("text/html")) {
            return html(request, 403, "Security check failed", "The form could not be verified. Please start again.", null);
        }
        return new FlowError(FlowError.Kind.CSRF).toResponse();
    }

    /**
     * A page with one message, for a browser that cannot be shown the flow itself (it is bound to another
     * browser); the message's id is on the page, as on flow pages.
     */
    public Response messagePage(HttpServletRequest request, int status, UiText message) {
        return messagePage(request, status, "Sign in", message);
    }

    public Response messagePage(HttpServletRequest request, int status, String title, UiText message) {
        return html(request, status, title, message.text(), message.id());
    }

    private static Response html(HttpServletRequest request, int status, String title, String text, Long messageId) {
        return Response.status(status).type("text/html;charset=UTF-8").header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gatehouse</title></head><body>"
                        + "<h1>" + title + "</h1><p" + (messageId == null ? "" : " data-id=\"" + messageId + "\"") + ">" + text + "</p>"
                        + "<p><a href=\"" + PublicUrls.of(request, "/") + "\">Gatehouse</a></p></body></html>").build();
    }
}
