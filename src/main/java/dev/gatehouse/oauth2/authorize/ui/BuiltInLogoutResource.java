package dev.gatehouse.oauth2.authorize.ui;

import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.AuthorizeConfig;
import dev.gatehouse.oauth2.authorize.Browser;
import dev.gatehouse.oauth2.authorize.BrowserAnswers;
import dev.gatehouse.oauth2.authorize.LogoutRequests;
import dev.gatehouse.oauth2.authorize.OAuth2Cookies;
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

/**
 * The built-in logout app. A logout whose relying party proved itself with an {@code id_token_hint} is accepted at
 * once; otherwise the user confirms on the Faces logout page, whose form comes back here with the browser's CSRF
 * token (so another site cannot sign the user out, nor keep them signed in).
 */
@Path("oauth2/ui/logout")
@RequestScoped
public class BuiltInLogoutResource {

    static final String PAGE = "/ui/oauth2/logout.xhtml";

    @Inject
    LogoutRequests logouts;
    @Inject
    OAuth2Cookies cookies;
    @Inject
    AuthorizeConfig config;
    @Inject
    Issuer issuer;
    @Context
    HttpServletRequest request;

    @GET
    public Response show(@QueryParam("logout_challenge") String challenge) {
        LogoutRequests.Pending pending = logouts.get(challenge);
        if (pending.request().rpVerified()) {
            return BrowserAnswers.redirect(logouts.accept(challenge));
        }
        return BrowserAnswers.redirect(PublicUrls.of(request, PAGE + "?logout_challenge=" + URLEncoder.encode(challenge, StandardCharsets.UTF_8)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("logout_challenge") String challenge, @FormParam("csrf_token") String csrfToken,
                           @FormParam("decision") String decision) {
        LogoutRequests.Pending pending = logouts.get(challenge);
        Browser browser = Browser.of(request, config, issuer.of(request));
        if (!cookies.formMatches(browser, csrfToken, pending.request().csrfHash())) {
            return BrowserAnswers.errorPage(OAuth2Error.ACCESS_DENIED, "The logout form did not come from this browser.");
        }
        if (!"logout".equals(decision)) {
            logouts.reject(challenge);
            String home = config.postLogoutUrl();
            return BrowserAnswers.redirect(home.startsWith("/") ? browser.issuer() + home : home);
        }
        return BrowserAnswers.redirect(logouts.accept(challenge));
    }
}
