package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.AuthorizationFlow;
import dev.gatehouse.oauth2.authorize.AuthorizationFlows;
import dev.gatehouse.oauth2.authorize.AuthorizationOutcome;
import dev.gatehouse.oauth2.authorize.AuthorizationRequestParser;
import dev.gatehouse.oauth2.authorize.AuthorizationResponses;
import dev.gatehouse.oauth2.authorize.AuthorizeConfig;
import dev.gatehouse.oauth2.authorize.Browser;
import dev.gatehouse.oauth2.authorize.BrowserAnswers;
import dev.gatehouse.oauth2.authorize.BrowserStep;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The authorization endpoint {@code /oauth2/auth} (RFC 6749 §3.1, GET and form POST). A request with a
 * {@code login_verifier} or {@code consent_verifier} is the browser coming back from the login or consent app;
 * anything else is a new authorization request.
 */
@Path("oauth2/auth")
@RequestScoped
public class AuthorizeResource {

    @Inject
    AuthorizationRequestParser parser;
    @Inject
    AuthorizationFlows flows;
    @Inject
    AuthorizeConfig config;
    @Inject
    Issuer issuer;
    @Inject
    SecurityEvents events;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @GET
    public Response get() {
        return handle(uri.getQueryParameters(), request.getQueryString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        String query = form.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return handle(form, query);
    }

    private Response handle(Map<String, List<String>> params, String query) {
        Browser browser = Browser.of(request, config, issuer.of(request));
        List<String> loginVerifier = params.get("login_verifier");
        if (loginVerifier != null) {
            return BrowserAnswers.of(flows.afterLogin(loginVerifier.size() == 1 ? loginVerifier.get(0) : null, browser));
        }
        List<String> consentVerifier = params.get("consent_verifier");
        if (consentVerifier != null) {
            return BrowserAnswers.of(flows.afterConsent(consentVerifier.size() == 1 ? consentVerifier.get(0) : null, browser));
        }
        AuthorizationOutcome outcome = parser.parse(params);
        if (outcome instanceof AuthorizationOutcome.Valid valid) {
            String requestUrl = issuer.url(request, "/oauth2/auth") + "?" + (query == null ? "" : query);
            if (requestUrl.length() > AuthorizationFlow.MAX_REQUEST_URL) {
                failed(OAuth2Error.INVALID_REQUEST.code(), "request longer than " + AuthorizationFlow.MAX_REQUEST_URL);
                return BrowserAnswers.errorPage(OAuth2Error.INVALID_REQUEST,
                        "The authorization request is longer than the " + AuthorizationFlow.MAX_REQUEST_URL + " characters it may have.");
            }
            return BrowserAnswers.of(flows.start(valid.request(), requestUrl, browser));
        }
        if (outcome instanceof AuthorizationOutcome.Redirect r) {
            failed(r.error().code(), r.description());
            return BrowserAnswers.of(new BrowserStep.Go(AuthorizationResponses.error(r.redirectUri(), r.error(),
                    r.description(), r.state(), browser.issuer()), List.of()));
        }
        AuthorizationOutcome.Page page = (AuthorizationOutcome.Page) outcome;
        failed(page.error().code(), page.description());
        return BrowserAnswers.errorPage(page.error(), page.description());
    }

    private void failed(String error, String description) {
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_AUTHORIZATION_FAILED, Outcome.FAILURE)
                .detail("error", error).detail("reason", description));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
