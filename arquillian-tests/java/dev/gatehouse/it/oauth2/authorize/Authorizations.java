package dev.gatehouse.it.oauth2.authorize;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps of the authorization code flow as a relying party (Nimbus SDK messages) and an external login/consent app
 * (Hydra's admin challenge API) take them.
 */
public final class Authorizations {

    /** An authentication request and the secrets its relying party keeps. */
    public record Started(AuthenticationRequest request, CodeVerifier verifier, State state, Nonce nonce) {
    }

    private Authorizations() {
    }

    public static Started request(AuthorizeClients.Client client, UnaryOperator<AuthenticationRequest.Builder> more) {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile"),
                new ClientID(client.id()), URI.create(client.redirectUri()))
                .endpointURI(ItServer.get().uri("/oauth2/auth")).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        return new Started(more.apply(b).build(), verifier, state, nonce);
    }

    public static Started request(AuthorizeClients.Client client) {
        return request(client, b -> b);
    }

    public static String location(HttpResponse<String> r) {
        assertEquals(302, r.statusCode(), () -> r.statusCode() + " " + r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    static String parameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    /** The login challenge the endpoint sends the browser off with. */
    public static String loginChallenge(TestBrowser browser, Started started) {
        String login = location(browser.get(started.request().toURI()));
        assertTrue(login.contains("/oauth2/ui/login?login_challenge="), login);
        return parameter(login, "login_challenge");
    }

    static JsonObject loginRequest(String challenge) {
        Http.Response r = Http.get("/admin/oauth2/auth/requests/login?login_challenge=" + enc(challenge)).admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    static Http.Response put(String path, String challengeName, String challenge, String json) {
        return Http.method("PUT", path + "?" + challengeName + "=" + enc(challenge)).admin().json(json).send();
    }

    static String redirectTo(Http.Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("redirect_to");
    }

    public static String acceptLogin(String challenge, String json) {
        return redirectTo(put("/admin/oauth2/auth/requests/login/accept", "login_challenge", challenge, json));
    }

    public static String acceptConsent(String challenge, String json) {
        return redirectTo(put("/admin/oauth2/auth/requests/consent/accept", "consent_challenge", challenge, json));
    }

    /** Follows the login verifier to the consent app and gives the consent challenge. */
    public static String consentChallenge(TestBrowser browser, String loginRedirectTo) {
        String consent = location(browser.get(loginRedirectTo));
        assertTrue(consent.contains("consent_challenge="), consent);
        return parameter(consent, "consent_challenge");
    }

    /** The client's view of where the browser ended up. */
    public static AuthorizationResponse answer(String location) {
        try {
            return AuthorizationResponse.parse(URI.create(location));
        } catch (ParseException e) {
            throw new AssertionError("not an authorization response: " + location, e);
        }
    }

    /** The access token a public client gets for the code in {@code callback}, redeemed with its PKCE verifier. */
    public static String redeemedAccessToken(AuthorizeClients.Client client, Started started, String callback) {
        return redeemed(client, started, callback).getAccessToken().getValue();
    }

    /** The tokens (ID token included when {@code openid} was granted) a public client gets for the code. */
    public static OIDCTokens redeemed(AuthorizeClients.Client client, Started started, String callback) {
        AuthorizationCode code = answer(callback).toSuccessResponse().getAuthorizationCode();
        URI endpoint = ItServer.get().uri("/oauth2/token");
        try {
            TokenResponse r = OIDCTokenResponseParser.parse(new TokenRequest.Builder(endpoint, new ClientID(client.id()),
                    new AuthorizationCodeGrant(code, URI.create(client.redirectUri()), started.verifier())).build()
                    .toHTTPRequest().send());
            assertTrue(r.indicatesSuccess(), () -> r.toErrorResponse().getErrorObject().toString());
            return ((OIDCTokenResponse) r.toSuccessResponse()).getOIDCTokens();
        } catch (ParseException | java.io.IOException e) {
            throw new AssertionError("token request failed", e);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
