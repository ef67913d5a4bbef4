package dev.gatehouse.it.oauth2.authorize;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /oauth2/auth} as a relying party and an attacker use it: every refusal before the redirect URI is trusted is
 * an HTML error page (never a redirect), every one after it is an RFC 6749 error redirect with state and iss.
 */
@ExtendWith(ItServerReady.class)
class AuthorizeEndpointIT {

    private final TestBrowser browser = new TestBrowser();

    private static URI withQuery(String query) {
        return ItServer.get().uri("/oauth2/auth?" + query);
    }

    private void assertErrorPage(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(r.headers().firstValue("Location").isPresent(), "an error page must not redirect");
        assertTrue(r.body().contains("id=\"error\""), r.body());
    }

    private AuthorizationErrorResponse errorRedirect(URI request, AuthorizeClients.Client client) {
        String location = Authorizations.location(browser.get(request));
        assertTrue(location.startsWith(client.redirectUri() + "?"), location);
        AuthorizationResponse answer = Authorizations.answer(location);
        assertFalse(answer.indicatesSuccess());
        assertEquals(new Issuer(ItServer.get().uri("").toString()), answer.getIssuer());
        return answer.toErrorResponse();
    }

    @Test
    void authorizeWhenValidThenLoginChallengeAndBrowserBoundCsrfCookie() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        HttpResponse<String> r = browser.get(Authorizations.request(client).request().toURI());

        String location = Authorizations.location(r);
        assertTrue(location.startsWith(ItServer.get().uri("/oauth2/ui/login?login_challenge=").toString()), location);
        String csrf = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_oauth2_csrf=")).findFirst().orElseThrow();
        assertTrue(csrf.contains("HttpOnly") && csrf.contains("SameSite=Lax"), csrf);
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").startsWith("no-store"));
    }

    @Test
    void authorizeWhenLongerThanAFlowKeepsThenErrorPageAndAtTheLimitAccepted() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String url = Authorizations.request(client).request().toURI() + "&x=";
        String fits = "a".repeat(8_192 - url.length());

        assertTrue(Authorizations.location(browser.get(URI.create(url + fits))).contains("login_challenge="));
        HttpResponse<String> tooLong = browser.get(URI.create(url + fits + "a"));
        assertErrorPage(tooLong);
        assertTrue(tooLong.body().contains("data-error=\"invalid_request\""), tooLong.body());
    }

    @Test
    void authorizeWhenPostedAsFormThenSameAsGet() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String query = Authorizations.request(client).request().toQueryString();
        String[] pairs = query.split("[&=]");
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = java.net.URLDecoder.decode(pairs[i], java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(Authorizations.location(browser.postForm("/oauth2/auth", pairs)).contains("login_challenge="));
    }

    @Test
    void authorizeWhenClientUnknownThenErrorPageNotRedirect() {
        assertErrorPage(browser.get(withQuery("response_type=code&client_id=nobody&redirect_uri="
                + Authorizations.enc("https://evil.example/cb") + "&state=s")));
    }

    @Test
    void authorizeWhenRedirectUriUnregisteredOrAlteredThenErrorPageNotRedirect() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        for (String bad : List.of("https://evil.example/cb", client.redirectUri() + "/extra", client.redirectUri() + "?next=https://evil.example",
                client.redirectUri() + "#frag", client.redirectUri().toUpperCase())) {
            assertErrorPage(browser.get(withQuery("response_type=code&client_id=" + client.id() + "&redirect_uri="
                    + Authorizations.enc(bad) + "&state=s")));
        }
    }

    @Test
    void authorizeWhenRedirectUriMissingAndClientHasTwoThenErrorPage() {
        AuthorizeClients.Client client = AuthorizeClients.confidential()
                .redirectUris("https://app.example.test/one", "https://app.example.test/two").create();
        assertErrorPage(browser.get(withQuery("response_type=code&client_id=" + client.id())));
    }

    @Test
    void authorizeWhenClientIdRepeatedThenErrorPage() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        URI request = Authorizations.request(client).request().toURI();
        assertErrorPage(browser.get(URI.create(request + "&client_id=" + client.id())));
    }

    @Test
    void authorizeWhenOtherParameterRepeatedThenInvalidRequestWithState() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client);
        AuthorizationErrorResponse e = errorRedirect(URI.create(s.request().toURI() + "&scope=email"), client);
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), e.getErrorObject().getCode());
        assertEquals(s.state(), e.getState());
    }

    @Test
    void authorizeWhenParameterOversizedThenInvalidRequest() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        URI request = Authorizations.request(client).request().toURI();
        AuthorizationErrorResponse e = errorRedirect(URI.create(request + "&login_hint=" + "x".repeat(5000)), client);
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), e.getErrorObject().getCode());
    }

    @Test
    void authorizeWhenUnknownParameterThenIgnored() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        URI request = Authorizations.request(client).request().toURI();
        assertTrue(Authorizations.location(browser.get(URI.create(request + "&foo=bar"))).contains("login_challenge="));
    }

    @Test
    void authorizeWhenPublicClientSendsNoPkceThenInvalidRequest() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        State state = new State();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(client.id()), URI.create(client.redirectUri())).endpointURI(ItServer.get().uri("/oauth2/auth"))
                .state(state).build();
        AuthorizationErrorResponse e = errorRedirect(request.toURI(), client);
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), e.getErrorObject().getCode());
        assertEquals(state, e.getState());
    }

    @Test
    void authorizeWhenPkcePlainThenInvalidRequest() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(client.id()), URI.create(client.redirectUri())).endpointURI(ItServer.get().uri("/oauth2/auth"))
                .state(new State()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.PLAIN).build();
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), errorRedirect(request.toURI(), client).getErrorObject().getCode());
    }

    @Test
    void authorizeWhenScopeNotRegisteredThenInvalidScope() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().scope("openid").create();
        Authorizations.Started s = Authorizations.request(client, b -> b.scope(new Scope("openid", "admin")));
        assertEquals(OAuth2Error.INVALID_SCOPE.getCode(), errorRedirect(s.request().toURI(), client).getErrorObject().getCode());
    }

    @Test
    void authorizeWhenResponseTypeIsTokenThenUnsupportedResponseType() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        URI request = Authorizations.request(client).request().toURI();
        URI token = URI.create(request.toString().replace("response_type=code", "response_type=token"));
        assertEquals(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.getCode(), errorRedirect(token, client).getErrorObject().getCode());
    }

    @Test
    void authorizeWhenPromptNoneWithoutLoginSessionThenLoginRequired() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client, b -> b.prompt(new Prompt(Prompt.Type.NONE)));
        AuthorizationErrorResponse e = errorRedirect(s.request().toURI(), client);
        assertEquals(OIDCError.LOGIN_REQUIRED.getCode(), e.getErrorObject().getCode());
        assertEquals(s.state(), e.getState());
    }

    @Test
    void authorizeWhenIdTokenHintForgedThenInvalidRequest() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        URI request = Authorizations.request(client).request().toURI();
        AuthorizationErrorResponse e = errorRedirect(URI.create(request + "&id_token_hint=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), client);
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), e.getErrorObject().getCode());
    }
}
