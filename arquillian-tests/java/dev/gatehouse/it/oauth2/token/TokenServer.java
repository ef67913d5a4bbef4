package dev.gatehouse.it.oauth2.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Request;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token server's endpoints as a Nimbus client reaches them, and what the token ITs share. */
final class TokenServer {

    private TokenServer() {
    }

    static URI endpoint(String path) {
        return ItServer.get().uri(path);
    }

    static URI token() {
        return endpoint("/oauth2/token");
    }

    static Issuer issuer() {
        return new Issuer(ItServer.get().uri("").toString());
    }

    /**
     * An ID token validator that reads the key set from the JWKS endpoint, as a relying party does; with 10 s to
     * answer rather than the SDK's 500 ms, which a busy test machine can overrun.
     */
    static IDTokenValidator idTokenValidator(ClientID client) {
        return new IDTokenValidator(issuer(), client, JWSAlgorithm.RS256, jwksUrl(), new DefaultResourceRetriever(10_000, 10_000));
    }

    static URL jwksUrl() {
        try {
            return endpoint("/.well-known/jwks.json").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWKSet jwks() {
        try {
            return JWKSet.load(jwksUrl());
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static HTTPResponse send(Request request) {
        return send(request.toHTTPRequest());
    }

    static HTTPResponse send(HTTPRequest request) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TokenResponse tokens(Request request) {
        HTTPResponse r = send(request);
        try {
            return OIDCTokenResponseParser.parse(r);
        } catch (ParseException e) {
            throw new AssertionError("not a token response: " + r.getStatusCode() + " " + r.getBody(), e);
        }
    }

    /** A successful answer, with the headers RFC 6749 §5.1 requires. */
    static OIDCTokenResponse success(Request request) {
        HTTPResponse r = send(request);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("no-store", r.getHeaderValue("Cache-Control"));
        try {
            return (OIDCTokenResponse) OIDCTokenResponseParser.parse(r);
        } catch (ParseException e) {
            throw new AssertionError(r.getBody(), e);
        }
    }

    /** An RFC 6749 §5.2 error with {@code code}, status {@code status} and no-store. */
    static TokenErrorResponse failure(Request request, int status, String code) {
        HTTPResponse r = send(request);
        assertEquals(status, r.getStatusCode(), r.getBody());
        assertEquals("no-store", r.getHeaderValue("Cache-Control"));
        try {
            TokenErrorResponse error = TokenErrorResponse.parse(r);
            assertEquals(code, error.getErrorObject().getCode(), r.getBody());
            assertTrue(!r.getBody().contains("Exception"), r.getBody());
            return error;
        } catch (ParseException e) {
            throw new AssertionError(r.getBody(), e);
        }
    }

    /** Runs an UPDATE on the server's database, to move a row's clock as time would. */
    static int update(String sql, String... params) {
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setString(i + 1, params[i]);
            }
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The security event of {@code type} about {@code clientId}, as the server logged it. */
    static JsonObject event(String type, String clientId) {
        return ServerLog.await(r -> "gatehouse.security".equals(r.getString("module", ""))
                        && r.getString("message", "").contains("\"event\":\"" + type + "\"")
                        && r.getString("message", "").contains(clientId))
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + clientId));
    }

    /** No log line carries any of these values (tokens, codes, secrets). */
    static void assertNotLogged(String... values) {
        for (JsonObject record : ServerLog.records()) {
            for (String v : values) {
                assertFalse(record.toString().contains(v), "logged: " + record);
            }
        }
    }
}
