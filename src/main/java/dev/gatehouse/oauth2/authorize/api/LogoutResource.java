package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.authorize.AuthorizeConfig;
import dev.gatehouse.oauth2.authorize.BackChannelLogout;
import dev.gatehouse.oauth2.authorize.Browser;
import dev.gatehouse.oauth2.authorize.BrowserAnswers;
import dev.gatehouse.oauth2.authorize.LogoutRequest;
import dev.gatehouse.oauth2.authorize.LogoutRequests;
import dev.gatehouse.oauth2.authorize.OAuth2Cookies;
import dev.gatehouse.oauth2.port.IdentitySessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth2/sessions/logout} (OpenID Connect RP-Initiated Logout 1.0, GET and form POST): starts a logout
 * request, and finishes it when the browser comes back with the {@code logout_verifier}: sessions end, clients
 * with a back-channel logout URI are told, the browser goes to the registered {@code post_logout_redirect_uri}.
 */
@Path("oauth2/sessions/logout")
@RequestScoped
public class LogoutResource {

    private static final int MAX_VALUE = 8192;

    @Inject
    LogoutRequests logouts;
    @Inject
    BackChannelLogout backchannel;
    @Inject
    OAuth2Cookies cookies;
    @Inject
    IdentitySessions identitySessions;
    @Inject
    AuthorizeConfig config;
    @Inject
    Issuer issuer;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @GET
    public Response get() {
        return handle(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        return handle(form);
    }

    private Response handle(Map<String, List<String>> params) {
        Browser browser = Browser.of(request, config, issuer.of(request));
        for (String name : List.of("id_token_hint", "client_id", "post_logout_redirect_uri", "state", "logout_verifier")) {
            List<String> values = params.get(name);
            if (values != null && (values.size() > 1 || values.get(0).length() > MAX_VALUE)) {
                return BrowserAnswers.errorPage(OAuth2Error.INVALID_REQUEST, "The " + name + " parameter is repeated or too long.");
            }
        }
        Optional<String> verifier = one(params, "logout_verifier");
        if (verifier.isPresent()) {
            return logouts.finish(verifier.get(), browser).map(done -> {
                backchannel.send(browser.issuer(), done.subject(), done.sessionId(), done.backchannel());
                return Response.status(Response.Status.FOUND).location(URI.create(done.location()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .cookie(cookies.clearLoginSession(browser), identitySessions.clearCookie(request)).build();
            }).orElseGet(() -> BrowserAnswers.errorPage(OAuth2Error.INVALID_REQUEST,
                    "This logout cannot go on: the link was already used, has expired or was opened in another browser."));
        }
        LogoutRequests.Asked asked = new LogoutRequests.Asked(one(params, "id_token_hint"), one(params, "client_id"),
                one(params, "post_logout_redirect_uri"), one(params, "state"));
        String query = request.getQueryString();
        String requestUrl = issuer.url(request, "/oauth2/sessions/logout")
                + (query == null || !"GET".equals(request.getMethod()) ? "" : "?" + query);
        if (requestUrl.length() > LogoutRequest.MAX_REQUEST_URL) {
            return BrowserAnswers.errorPage(OAuth2Error.INVALID_REQUEST,
                    "The logout request is longer than the " + LogoutRequest.MAX_REQUEST_URL + " characters it may have.");
        }
        return BrowserAnswers.of(logouts.start(asked, requestUrl, browser));
    }

    private static Optional<String> one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
