package dev.gatehouse.oauth2.authorize.ui;

import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.AuthorizeConfig;
import dev.gatehouse.oauth2.authorize.Browser;
import dev.gatehouse.oauth2.authorize.BrowserAnswers;
import dev.gatehouse.oauth2.authorize.ConsentDecision;
import dev.gatehouse.oauth2.authorize.ConsentRequests;
import dev.gatehouse.oauth2.authorize.OAuth2Cookies;
import dev.gatehouse.oauth2.authorize.Rejection;
import dev.gatehouse.oauth2.token.UserClaims;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The built-in consent app. {@code GET /oauth2/ui/consent?consent_challenge=} accepts a skipped consent (remembered)
 * at once and otherwise shows the Faces consent page; the page's form comes back to {@code POST /oauth2/ui/consent}
 * with Allow or Deny. The form carries the browser's CSRF cookie value, which must also be the cookie the
 * authorization request was bound to: another site cannot make the user consent.
 */
@Path("oauth2/ui/consent")
@RequestScoped
public class BuiltInConsentResource {

    static final String PAGE = "/ui/oauth2/consent.xhtml";

    @Inject
    ConsentRequests consents;
    @Inject
    OAuth2Cookies cookies;
    @Inject
    AuthorizeConfig config;
    @Inject
    Issuer issuer;
    @Inject
    UserClaims userClaims;
    @Context
    HttpServletRequest request;

    @GET
    public Response show(@QueryParam("consent_challenge") String challenge) {
        ConsentRequests.Pending pending = consents.get(challenge);
        if (pending.flow().consentSkip()) {
            return BrowserAnswers.redirect(consents.accept(challenge, new ConsentDecision(pending.flow().request().scope(),
                    pending.flow().request().audience(), true, Duration.ZERO, "{}", accessTokenClaims(pending))));
        }
        return BrowserAnswers.redirect(PublicUrls.of(request, PAGE + "?consent_challenge=" + URLEncoder.encode(challenge, StandardCharsets.UTF_8)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("consent_challenge") String challenge, @FormParam("csrf_token") String csrfToken,
                           @FormParam("decision") String decision, @FormParam("remember") String remember) {
        ConsentRequests.Pending pending = consents.get(challenge);
        Browser browser = Browser.of(request, config, issuer.of(request));
        if (!cookies.formMatches(browser, csrfToken, pending.flow().csrfHash())) {
            return BrowserAnswers.errorPage(OAuth2Error.ACCESS_DENIED, "The consent form did not come from this browser's sign-in.");
        }
        if (!"allow".equals(decision)) {
            return BrowserAnswers.redirect(consents.reject(challenge, new Rejection(OAuth2Error.ACCESS_DENIED, "The user denied the request.")));
        }
        return BrowserAnswers.redirect(consents.accept(challenge, new ConsentDecision(pending.flow().request().scope(),
                pending.flow().request().audience(), "true".equals(remember), Duration.ZERO, "{}", accessTokenClaims(pending))));
    }

    /** The identity's roles (and whatever else is configured) for the gateway and APIs to read from the token. */
    private String accessTokenClaims(ConsentRequests.Pending pending) {
        return userClaims.accessTokenClaims(pending.flow().tenant(), pending.flow().login().orElseThrow().subject());
    }
}
