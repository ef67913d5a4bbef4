package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.RequestBody;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code remote} sends what Oathkeeper's sends: the request body, its Content-Type and Authorization, the templated headers. */
class RemoteAuthorizerTest {

    private static final String CONFIG = "{\"remote\":\"http://authz.test/check\",\"headers\":{\"X-Subject\":\"{{ print .Subject }}\"}}";

    private URI calledUri;
    private Map<String, String> sentHeaders;
    private byte[] sentBody;
    private int answer = 200;

    private RemoteAuthorizer authorizer() {
        RemoteAuthorizer a = new RemoteAuthorizer();
        a.remote = new RemoteCalls() {
            @Override
            public Reply post(URI uri, Map<String, String> headers, byte[] body) {
                calledUri = uri;
                sentHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                sentHeaders.putAll(headers);
                sentBody = body;
                return new Reply(answer, "", Map.of());
            }
        };
        return a;
    }

    private static GatewayRequest request(String method, Map<String, List<String>> headers, byte[] body, int limit) {
        return new GatewayRequest(TenantId.DEFAULT, RequestTarget.of(method, "http", "api.test", "/orders"), "", headers,
                Map.of(), "127.0.0.1", "http://api.test", RequestBody.of(body.length, limit, () -> new ByteArrayInputStream(body)));
    }

    private static AuthenticationSession session() {
        AuthenticationSession s = new AuthenticationSession(List.of(), "http://api.test/orders", "POST");
        s.subject("alice");
        return s;
    }

    @Test
    void authorizeWhenPostWithJsonThenRemoteGetsBodyContentTypeAuthorizationAndTemplatedHeaders() {
        byte[] json = "{\"amount\":42}".getBytes(StandardCharsets.UTF_8);
        GatewayRequest request = request("POST", Map.of("Content-Type", List.of("application/json"),
                "Authorization", List.of("Bearer tok")), json, 1024);

        authorizer().bind(JsonText.readObject(CONFIG)).authorize(request, session());

        assertEquals(URI.create("http://authz.test/check"), calledUri);
        assertArrayEquals(json, sentBody);
        assertEquals("application/json", sentHeaders.get("Content-Type"));
        assertEquals("Bearer tok", sentHeaders.get("Authorization"));
        assertEquals("alice", sentHeaders.get("X-Subject"));
        assertArrayEquals(json, request.body().read());
    }

    @Test
    void authorizeWhenGetWithoutContentTypeThenEmptyBodyAndNoContentType() {
        authorizer().bind(JsonText.readObject(CONFIG)).authorize(request("GET", Map.of(), new byte[0], 1024), session());

        assertEquals(0, sentBody.length);
        assertNull(sentHeaders.get("Content-Type"));
        assertFalse(sentHeaders.containsKey("Authorization"));
    }

    @Test
    void authorizeWhenRemoteAnswers403ThenForbidden() {
        answer = 403;

        GatewayException e = assertThrows(GatewayException.class, () -> authorizer().bind(JsonText.readObject(CONFIG))
                .authorize(request("POST", Map.of(), new byte[] {1}, 1024), session()));
        assertEquals(ErrorKind.FORBIDDEN, e.kind());
    }

    @Test
    void authorizeWhenBodyOverLimitThen413AndRemoteNeverCalled() {
        GatewayException e = assertThrows(GatewayException.class, () -> authorizer().bind(JsonText.readObject(CONFIG)).authorize(
                request("POST", Map.of("Content-Type", List.of("application/json")), new byte[33], 32), session()));

        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, e.kind());
        assertNull(calledUri);
    }

    @Test
    void authorizeWhenTemplatedHeaderNamesContentTypeThenItWins() {
        String config = "{\"remote\":\"http://authz.test/check\",\"headers\":{\"content-type\":\"application/x-custom\"}}";

        authorizer().bind(JsonText.readObject(config))
                .authorize(request("POST", Map.of("Content-Type", List.of("application/json")), new byte[] {1}, 8), session());

        assertEquals("application/x-custom", sentHeaders.get("Content-Type"));
        assertEquals(1, sentHeaders.size());
    }
}
