package dev.gatehouse.it.oauth2.token;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.it.support.TestClient;

import java.net.URI;
import java.net.URL;

/** A full code redemption in one call, and introspection, for the ITs that start from issued tokens. */
final class Grants {

    private Grants() {
    }

    /** Tokens of a code grant of {@code scope} for {@code subject}, redeemed with PKCE as a good client does. */
    static OIDCTokens redeemed(URL node, TestClient client, String subject, String scope) {
        CodeVerifier verifier = new CodeVerifier();
        var code = Codes.on(node).forClient(client).subject(subject).scope(scope).pkce(verifier)
                .set("access_token_claims", "{\"tier\":\"gold\"}").set("id_token_claims", "{\"team\":\"blue\"}").issue();
        return TokenServer.success(codeRequest(client, code, client.redirect(), verifier)).getOIDCTokens();
    }

    /** The token request of a code redemption, authenticated as the client registered. */
    static TokenRequest codeRequest(TestClient client, AuthorizationCode code, URI redirect, CodeVerifier verifier) {
        URI endpoint = TokenServer.token();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirect, verifier);
        return client.isPublic() ? new TokenRequest.Builder(endpoint, client.clientId(), grant).build()
                : new TokenRequest.Builder(endpoint, client.auth(endpoint), grant).build();
    }

    /** What {@code /oauth2/introspect} says about {@code token}, asked by {@code asker}. */
    static TokenIntrospectionSuccessResponse introspect(TestClient asker, Token token) {
        URI endpoint = TokenServer.endpoint("/oauth2/introspect");
        HTTPResponse r = TokenServer.send(new TokenIntrospectionRequest(endpoint, asker.auth(endpoint), token));
        try {
            return TokenIntrospectionResponse.parse(r).toSuccessResponse();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError(r.getStatusCode() + " " + r.getBody(), e);
        }
    }

    static boolean active(TestClient asker, Token token) {
        return introspect(asker, token).isActive();
    }
}
