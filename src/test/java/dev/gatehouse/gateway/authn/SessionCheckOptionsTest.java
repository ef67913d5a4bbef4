package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code bearer_token} sends to {@code check_session_url} under Oathkeeper's options
 * ({@code force_method}, {@code preserve_query}, {@code preserve_path}, {@code preserve_host},
 * {@code forward_http_headers}, {@code additional_headers}, {@code prefix}), and that without them the call is
 * what it always was: a GET to the URL as written carrying only the credential.
 */
class SessionCheckOptionsTest {

    private static final String URL = "http://sessions.test/sessions/whoami?source=gw";

    private String calledMethod;
    private URI calledUri;
    private Map<String, String> sentHeaders;

    private BearerTokenAuthenticator authenticator() {
        SessionCheck check = new SessionCheck();
        check.remote = new RemoteCalls() {
            @Override
            public Reply call(String method, URI uri, Map<String, String> headers, String body) {
                calledMethod = method;
                calledUri = uri;
                sentHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                sentHeaders.putAll(headers);
                return new Reply(200, "{\"subject\": \"alice\", \"extra\": {\"plan\": \"gold\"}}", Map.of());
            }
        };
        BearerTokenAuthenticator a = new BearerTokenAuthenticator();
        a.check = check;
        return a;
    }

    private static GatewayRequest request(Map<String, List<String>> headers) {
        return new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("DELETE", "https", "app.test:8443", "/orders/7"),
                "page=2&sort=asc", headers, Map.of(), "127.0.0.1", "https://app.test:8443");
    }

    private static GatewayRequest requestWithToken(String token) {
        return request(Map.of("Authorization", List.of("Bearer " + token), "X-Tenant", List.of("acme"),
                "X-Trace", List.of("t1", "t2")));
    }

    private AuthenticationSession authenticate(String config, GatewayRequest request) {
        AuthenticationSession session = new AuthenticationSession(List.of(), "https://app.test:8443/orders/7", "DELETE");
        boolean responsible = authenticator().bind(JsonText.readObject(config)).authenticate(request, session);
        assertTrue(responsible);
        return session;
    }

    @Test
    void authenticateWhenNoOptionsThenGetToTheUrlAsWrittenWithOnlyTheCredential() {
        AuthenticationSession session = authenticate("{\"check_session_url\": \"" + URL + "\"}", requestWithToken("tok"));

        assertEquals("alice", session.subject());
        assertEquals("GET", calledMethod);
        assertEquals(URI.create(URL), calledUri);
        assertEquals("Bearer tok", sentHeaders.get("Authorization"));
        assertNull(sentHeaders.get("X-Tenant"), "request headers are not forwarded unless named");
        assertNull(sentHeaders.get("X-Forwarded-Host"));
    }

    @Test
    void authenticateWhenForceMethodThenTheSessionCheckUsesIt() {
        authenticate("{\"check_session_url\": \"" + URL + "\", \"force_method\": \"POST\"}", requestWithToken("tok"));

        assertEquals("POST", calledMethod);
    }

    @Test
    void authenticateWhenPreserveQueryFalseThenTheRequestQueryReplacesTheUrlQuery() {
        authenticate("{\"check_session_url\": \"" + URL + "\", \"preserve_query\": false}", requestWithToken("tok"));

        assertEquals(URI.create("http://sessions.test/sessions/whoami?page=2&sort=asc"), calledUri);
    }

    @Test
    void authenticateWhenPreserveQueryFalseAndTheQueryIsSloppyThenItIsPassedOnEscaped() {
        GatewayRequest sloppy = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "https", "app.test", "/orders/7"),
                "q=a b|c&p=%zz&ok=%41&name=\u00e9", Map.of("Authorization", List.of("Bearer tok")), Map.of(), "127.0.0.1", "https://app.test");

        authenticate("{\"check_session_url\": \"" + URL + "\", \"preserve_query\": false}", sloppy);

        assertEquals("q=a%20b%7Cc&p=%25zz&ok=%41&name=%C3%A9", calledUri.getRawQuery());
    }

    @Test
    void authenticateWhenPreservePathFalseThenTheRequestPathReplacesTheUrlPath() {
        authenticate("{\"check_session_url\": \"" + URL + "\", \"preserve_path\": false}", requestWithToken("tok"));

        assertEquals(URI.create("http://sessions.test/orders/7?source=gw"), calledUri);
    }

    @Test
    void authenticateWhenPreservePathTrueAsOathkeeperDocsWriteItThenTheUrlPathIsKept() {
        authenticate("{\"check_session_url\": \"" + URL + "\", \"preserve_path\": true}", requestWithToken("tok"));

        assertEquals(URI.create(URL), calledUri);
    }

    @Test
    void authenticateWhenPreserveHostThenXForwardedHostIsTheRequestHost() {
        authenticate("{\"check_session_url\": \"" + URL + "\", \"preserve_host\": true}", requestWithToken("tok"));

        assertEquals("app.test:8443", sentHeaders.get("X-Forwarded-Host"));
    }

    @Test
    void authenticateWhenForwardHttpHeadersThenThoseRequestHeadersGoToTheCheckButTheCredentialStaysOurs() {
        authenticate("{\"check_session_url\": \"" + URL + "\", \"forward_http_headers\": [\"x-tenant\", \"X-Trace\", "
                + "\"X-Absent\", \"Authorization\"]}", requestWithToken("tok"));

        assertEquals("acme", sentHeaders.get("X-Tenant"));
        assertEquals("t1, t2", sentHeaders.get("X-Trace"));
        assertFalse(sentHeaders.containsKey("X-Absent"));
        assertEquals("Bearer tok", sentHeaders.get("Authorization"));
    }

    @Test
    void authenticateWhenAdditionalHeadersThenSentAndTheyWinOverForwardedOnes() {
        authenticate("{\"check_session_url\": \"" + URL + "\", \"forward_http_headers\": [\"X-Tenant\"], "
                + "\"additional_headers\": {\"X-Tenant\": \"fixed\", \"X-Api-Key\": \"k1\"}}", requestWithToken("tok"));

        assertEquals("fixed", sentHeaders.get("X-Tenant"));
        assertEquals("k1", sentHeaders.get("X-Api-Key"));
    }

    @Test
    void authenticateWhenTokenLacksPrefixThenNotResponsibleAndNothingIsCalled() {
        String config = "{\"check_session_url\": \"" + URL + "\", \"prefix\": \"ory_st_\"}";
        AuthenticationSession session = new AuthenticationSession(List.of(), "https://app.test:8443/orders/7", "DELETE");

        boolean responsible = authenticator().bind(JsonText.readObject(config)).authenticate(requestWithToken("eyJhbGciOi.x.y"), session);

        assertFalse(responsible);
        assertNull(calledUri);
        assertTrue(authenticator().bind(JsonText.readObject(config)).authenticate(requestWithToken("ory_st_abc"), session));
        assertEquals("Bearer ory_st_abc", sentHeaders.get("Authorization"));
    }

    @Test
    void bindWhenHeaderOptionsCannotBeSentThenRefusedNamingThem() {
        BearerTokenAuthenticator a = authenticator();

        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> a.bind(JsonText.readObject("{\"forward_http_headers\": [\"Host\"]}")));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> a.bind(JsonText.readObject("{\"additional_headers\": {\"Bad Name\": \"x\"}}")));
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> a.bind(JsonText.readObject("{\"additional_headers\": {\"X-A\": \"one\\r\\nX-B: two\"}}")));
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> a.bind(JsonText.readObject("{\"force_method\": \"get it\"}")));
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> a.bind(JsonText.readObject("{\"preserve_query\": \"no\"}")));

        assertTrue(host.getMessage().contains("\"Host\""), host.getMessage());
        assertTrue(name.getMessage().contains("Bad Name"), name.getMessage());
        assertTrue(value.getMessage().contains("additional_headers.X-A"), value.getMessage());
        assertTrue(method.getMessage().contains("force_method"), method.getMessage());
        assertTrue(flag.getMessage().contains("preserve_query"), flag.getMessage());
    }
}
